/**
 * The side panel: Today (the ranked action queue), Goals, KPIs, Customer and Pyramid. Reads
 * the database through the read-only handle (useLiveQuery); every change — actions, goals,
 * learnt CRM bases, the tier snapshot — is a message to the background, which rescores and
 * tells open pages. The view is kept in the URL hash (`#goals`), so it survives a reload.
 */
import { useCallback, useEffect, useMemo, useState, type JSX } from 'react';
import type { ReadDb } from '../../lib/db/read-db';
import { inlineComputer, type Computer } from '../../lib/sidepanel/compute-client';
import { SidePanelContext, type SidePanelContextValue } from './context';
import { useSpT } from './i18n';
import { Tabs } from './Tabs';
import { TodayView } from './TodayView';
import { GoalsView } from './GoalsView';
import { KpisView } from './KpisView';
import { CustomerView } from './CustomerView';
import { PyramidView } from './PyramidView';
import { ProofView } from './ProofView';
import { KpiColumnsProvider } from './KpiColumns';
import { useActiveTabCustomer, useCrmBases } from './useActiveTab';
import { useWarmComputer } from './useComputed';
import { formatDate } from '../../lib/sidepanel/format';
import { useLocale } from '../common';
import { SampleBadge } from '../common/SampleData';
import './sidepanel.css';

export const VIEWS = ['today', 'goals', 'kpis', 'customer', 'pyramid', 'proof'] as const;
export type View = (typeof VIEWS)[number];

const viewFromHash = (hash: string): View => {
  const v = hash.replace(/^#/, '').split('=')[0];
  return (VIEWS as readonly string[]).includes(v ?? '') ? (v as View) : 'today';
};

export interface SidePanelAppProps {
  db: ReadDb;
  asOf: string;
  /** Follow the active browser tab's CRM record (off in component tests). */
  followActiveTab?: boolean;
  /** Where book-wide computations run (entry wiring passes a Worker); inline by default. */
  computer?: Computer;
}

export function SidePanelApp({ db, asOf, followActiveTab = true, computer: given }: SidePanelAppProps): JSX.Element {
  const t = useSpT();
  const locale = useLocale();
  const [view, setView] = useState<View>(() => viewFromHash(typeof location === 'undefined' ? '' : location.hash));
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [fromTab, setFromTab] = useState(false);
  const tabCustomer = useActiveTabCustomer(followActiveTab);
  const crmBases = useCrmBases(db, followActiveTab);

  useEffect(() => {
    if (tabCustomer.kind === 'customer') {
      setCustomerId(tabCustomer.customerId);
      setFromTab(true);
    }
  }, [tabCustomer]);

  const changeView = useCallback((v: View) => {
    setView(v);
    if (typeof history !== 'undefined') history.replaceState(null, '', `#${v}`);
  }, []);

  const openCustomer = useCallback(
    (id: string) => {
      setCustomerId(id);
      setFromTab(false);
      changeView('customer');
    },
    [changeView],
  );

  const computer = useMemo(() => given ?? inlineComputer(db), [given, db]);
  const [shown, setShown] = useState(false);
  const contentShown = useCallback(() => setShown(true), []);
  const ctx = useMemo<SidePanelContextValue>(
    () => ({ db, asOf, openCustomer, crmBases, computer, contentShown }),
    [db, asOf, openCustomer, crmBases, computer, contentShown],
  );
  const tabs = VIEWS.map((v) => ({ value: v, label: t(`sidepanel.tab.${v}`) }));

  return (
    <SidePanelContext.Provider value={ctx}>
      <WarmUp enabled={given !== undefined && (shown || view !== 'today')} />
      <div className="sp-root" data-as-of={asOf}>
        <header className="sp-header">
          <h1 className="sp-title">{t('sidepanel.title')}</h1>
          <SampleBadge />
          <span className="sp-asof">{t('sidepanel.asOf', { date: formatDate(asOf, locale) })}</span>
        </header>
        <KpiColumnsProvider enabled={shown || view !== 'today'}>
          <Tabs label={t('sidepanel.views')} navLabel={t('sidepanel.nav')} tabs={tabs} value={view} onChange={changeView}>
            {view === 'today' ? <TodayView /> : null}
            {view === 'goals' ? <GoalsView /> : null}
            {view === 'kpis' ? <KpisView /> : null}
            {view === 'customer' ? (
              <CustomerView
                customerId={customerId}
                fromTab={fromTab}
                unknownRecord={tabCustomer.kind === 'unknown'}
                onPick={openCustomer}
                onClear={() => setCustomerId(null)}
              />
            ) : null}
            {view === 'pyramid' ? <PyramidView /> : null}
            {view === 'proof' ? <ProofView /> : null}
          </Tabs>
        </KpiColumnsProvider>
      </div>
    </SidePanelContext.Provider>
  );
}

/** Loads the book into the compute Worker in the background (see useWarmComputer). */
function WarmUp({ enabled }: { enabled: boolean }): null {
  useWarmComputer(enabled);
  return null;
}
