/** The card page's root: settings (language, currency), `<html lang>`, and the card. */
import type { JSX } from 'react';
import { SettingsProvider, useDocumentLang } from '../common';
import { Card } from './Card';
import '../common/base.css';

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
