/**
 * What a page shows while Rapport holds no customers: what to do next — import the CRM's
 * export (the options page's import), see how to export (the welcome page), or try the sample.
 */
import type { JSX } from 'react';
import { browser } from 'wxt/browser';
import { firstrun } from '../../lib/i18n/catalogs/firstrun';
import { useT } from './i18n';
import { SampleDataControls } from './SampleData';

const url = (path: '/options.html' | '/welcome.html', hash: string): string => `${browser.runtime.getURL(path)}${hash}`;

export function NoCustomersYet(): JSX.Element {
  const t = useT(firstrun);
  return (
    <section className="r-empty" aria-labelledby="r-empty-h" data-rapport-empty="no-customers">
      <h2 id="r-empty-h" className="r-empty-h">
        {t('empty.heading')}
      </h2>
      <p>{t('empty.text')}</p>
      <div className="r-row">
        <a className="r-btn r-btn--primary" href={url('/options.html', '#import-heading')} target="_blank" rel="noreferrer">
          {t('empty.import')}
        </a>
        <a className="r-btn r-btn--ghost" href={url('/welcome.html', '#w-import')} target="_blank" rel="noreferrer">
          {t('empty.welcome')}
        </a>
      </div>
      <SampleDataControls />
    </section>
  );
}
