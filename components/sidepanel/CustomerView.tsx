/**
 * One customer: found from the active CRM tab, picked from Today / Pyramid, or searched by
 * name. Shows tier, risk and "why" (each factor's signed points), value, RFM, actions, next
 * steps, decision-maker coverage, the interaction timeline and feedback.
 */
import { useState, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { loadCustomerProfile, searchCustomers } from '../../lib/sidepanel/queries';
import { useSidePanel } from './context';
import { useSpT } from './i18n';
import { CustomerProfileView } from './CustomerProfile';
import { Button } from '../common';
import { ViewEmpty } from './empty/ViewEmpty';

export interface CustomerViewProps {
  customerId: string | null;
  fromTab: boolean;
  unknownRecord: boolean;
  onPick: (id: string) => void;
  onClear: () => void;
}

export function CustomerView({ customerId, fromTab, unknownRecord, onPick, onClear }: CustomerViewProps): JSX.Element {
  const t = useSpT();
  const { db } = useSidePanel();
  const [query, setQuery] = useState('');
  const results = useLiveQuery(() => searchCustomers(db, query, 20), [db, query]);
  const profile = useLiveQuery(() => (customerId ? loadCustomerProfile(db, customerId) : Promise.resolve(null)), [db, customerId]);

  return (
    <section aria-labelledby="sp-customer-h" className="sp-view">
      <h2 id="sp-customer-h" className="sp-h2">
        {t('sidepanel.customer.heading')}
      </h2>
      <div className="sp-field">
        <label htmlFor="sp-customer-search" className="r-label">
          {t('sidepanel.customer.search')}
        </label>
        <input
          id="sp-customer-search"
          className="r-input"
          type="search"
          value={query}
          autoComplete="off"
          aria-describedby="sp-customer-search-hint"
          onChange={(e) => setQuery(e.target.value)}
        />
        <div id="sp-customer-search-hint" className="r-hint">
          {t('sidepanel.customer.searchHint')}
        </div>
      </div>
      {query.trim() && results?.length ? (
        <ul aria-label={t('sidepanel.customer.results')} className="sp-results">
          {results.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="sp-linkbtn"
                onClick={() => {
                  setQuery('');
                  onPick(c.id);
                }}
              >
                {c.name}
              </button>{' '}
              <span className="sp-muted">{c.id}</span>
            </li>
          ))}
        </ul>
      ) : null}

      {unknownRecord && !customerId ? <p className="sp-muted">{t('sidepanel.customer.unknownRecord')}</p> : null}
      {!customerId ? (
        <ViewEmpty text={t('sidepanel.customer.none')} />
      ) : profile === undefined ? (
        <p className="sp-muted">{t('sidepanel.loading')}</p>
      ) : profile === null ? (
        <p className="sp-empty">{t('sidepanel.customer.notFound', { id: customerId })}</p>
      ) : (
        <>
          <div className="sp-row sp-row--between">
            {fromTab ? <p className="sp-muted">{t('sidepanel.customer.fromTab')}</p> : <span />}
            <Button variant="ghost" onClick={onClear}>
              {t('sidepanel.customer.back')}
            </Button>
          </div>
          <CustomerProfileView profile={profile} />
        </>
      )}
    </section>
  );
}
