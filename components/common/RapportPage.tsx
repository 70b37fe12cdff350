/**
 * The root of every extension page: settings, locale on `<html lang>`, theme on
 * `<html data-theme>`, and the base stylesheet.
 */
import type { JSX, ReactNode } from 'react';
import './base.css';
import { SettingsProvider } from './settings-context';
import { useDocumentLang } from './i18n';
import { useDocumentTheme } from './theme';
import type { Settings } from '../../lib/schemas/settings';

function DocumentSync({ children }: { children: ReactNode }): JSX.Element {
  useDocumentLang();
  useDocumentTheme();
  return <>{children}</>;
}

export interface RapportPageProps {
  children: ReactNode;
  /** Settings to use instead of reading storage (tests, previews). */
  settings?: Settings;
}

export function RapportPage({ children, settings }: RapportPageProps): JSX.Element {
  return (
    <SettingsProvider value={settings}>
      <DocumentSync>{children}</DocumentSync>
    </SettingsProvider>
  );
}
