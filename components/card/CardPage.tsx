/** The card page's root: settings (language, currency), `<html lang>`, and the card. */
import type { JSX } from 'react';
import { SettingsProvider, useDocumentLang } from '../shared';
import { Card } from './Card';
import '../shared/base.css';

function WithLang(): JSX.Element {
  useDocumentLang();
  return <Card />;
}

export function CardPage(): JSX.Element {
  return (
    <SettingsProvider>
      <WithLang />
    </SettingsProvider>
  );
}
