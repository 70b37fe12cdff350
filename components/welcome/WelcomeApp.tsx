/**
 * The welcome page, opened once on install: try the sample (marked as sample everywhere), or
 * export from the CRM and import; open the side panel; where the settings are. A fresh profile
 * reaches the sample or the import in two clicks.
 */
import { useEffect, useState, type JSX } from 'react';
import { browser } from 'wxt/browser';
import { BOOKS } from '../../lib/crm/books';
import { CRM_IDS, type CrmId } from '../../lib/crm/registry';
import { firstrun } from '../../lib/i18n/catalogs/firstrun';
import { Button, useT } from '../common';
import { SampleDataControls } from '../common/SampleData';
import { currentWindowId, openSidePanel } from '../common/open-side-panel';
import './welcome.css';

/** A few of a CRM's export headers Rapport recognises (customers first), as the CRM writes them. */
function knownHeaders(crm: CrmId): string[] {
  const p = BOOKS[crm].importPreset;
  const names = [...Object.values(p.all ?? {}), ...Object.values(p.customers ?? {}), ...Object.values(p.transactions ?? {})].flatMap((n) =>
    [...(n ?? [])].slice(0, 1),
  );
  return [...new Set(names)].slice(0, 5);
}

const pageUrl = (path: '/options.html' | '/sidepanel.html', hash = ''): string => `${browser.runtime.getURL(path)}${hash}`;

export function WelcomeApp(): JSX.Element {
  const t = useT(firstrun);
  const [windowId, setWindowId] = useState<number>();
  const [panelFailed, setPanelFailed] = useState(false);
  useEffect(() => {
    void currentWindowId().then(setWindowId);
  }, []);

  return (
    <main className="w-page">
      <header>
        <h1>{t('welcome.title')}</h1>
        <p>{t('welcome.intro')}</p>
        <p className="r-hint">{t('welcome.tabs')}</p>
      </header>

      <section className="w-section" aria-labelledby="w-sample">
        <h2 id="w-sample">{t('welcome.sample.heading')}</h2>
        <p>{t('welcome.sample.text')}</p>
        <SampleDataControls />
      </section>

      <section className="w-section" aria-labelledby="w-import">
        <h2 id="w-import">{t('welcome.import.heading')}</h2>
        <p>{t('welcome.import.text')}</p>
        <dl className="w-crms">
          {CRM_IDS.map((crm) => (
            <div key={crm} data-crm={crm}>
              <dt>{BOOKS[crm].name}</dt>
              <dd>
                {t(`welcome.export.${crm}`)}
                <br />
                <span className="r-hint">{t('welcome.import.columns', { columns: knownHeaders(crm).join(', ') })}</span>
              </dd>
            </div>
          ))}
        </dl>
        <a className="r-btn r-btn--primary" href={pageUrl('/options.html', '#import-heading')}>
          {t('welcome.import.open')}
        </a>
      </section>

      <section className="w-section" aria-labelledby="w-panel">
        <h2 id="w-panel">{t('welcome.panel.heading')}</h2>
        <p>{t('welcome.panel.text')}</p>
        <Button
          onClick={() =>
            void openSidePanel(windowId).then(
              () => setPanelFailed(false),
              () => setPanelFailed(true),
            )
          }
        >
          {t('welcome.panel.open')}
        </Button>
        {panelFailed ? <p role="status">{t('welcome.panel.failed')}</p> : null}
      </section>

      <section className="w-section" aria-labelledby="w-options">
        <h2 id="w-options">{t('welcome.options.heading')}</h2>
        <p>{t('welcome.options.text')}</p>
        <a className="r-btn r-btn--secondary" href={pageUrl('/options.html')}>
          {t('welcome.options.open')}
        </a>
      </section>
    </main>
  );
}
