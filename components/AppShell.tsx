import type { JSX } from 'react';
import { common } from '../lib/i18n/catalogs/common';
import { createT, resolveLocale } from '../lib/i18n';

export function AppShell(): JSX.Element {
  const t = createT(common, resolveLocale('auto', navigator.languages));
  return <h1>{t('app.name')}</h1>;
}
