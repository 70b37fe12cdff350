/** The options page: import & data, settings, privacy. */
import type { JSX } from 'react';
import { ImportPanel } from './ImportPanel';
import { DataPanel } from './DataPanel';
import { SettingsPanel } from './SettingsPanel';
import { Connections } from './Connections';
import { useOptionsT } from './t';
import { SampleBadge } from '../common/SampleData';
import './options.css';

export function OptionsApp(): JSX.Element {
  const t = useOptionsT();
  return (
    <div className="o-page">
      <header className="o-header">
        <h1>{t('options.title')}</h1>
        <SampleBadge />
        <nav aria-label={t('options.nav')}>
          <a href="#import-heading">{t('options.nav.data')}</a>
          <a href="#connections-heading">{t('options.nav.connections')}</a>
          <a href="#settings-heading">{t('options.nav.settings')}</a>
          <a href="#privacy">{t('options.nav.privacy')}</a>
        </nav>
      </header>
      <main>
        <ImportPanel />
        <DataPanel />
        <Connections />
        <SettingsPanel />
      </main>
    </div>
  );
}
