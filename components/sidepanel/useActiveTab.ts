/**
 * Which customer (if any) the active tab shows, and which CRM bases the open tabs reveal.
 * The side panel asks the active tab's content script for its record
 * (`rapport:get-record` → RecordRef | null) and the background to match it to a customer.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { ReadDb } from '../../lib/db/read-db';
import { askTabRecord } from '../../lib/popup/active-record';
import { send } from '../../lib/messaging/client';
import type { CrmBases } from '../../lib/sidepanel/crm-links';
import { loadCrmBases } from '../../lib/sidepanel/crm-bases-store';
import { learnCrmBase } from '../../lib/sidepanel/crm-links';

export type TabCustomer = { kind: 'none' } | { kind: 'customer'; customerId: string; key: string } | { kind: 'unknown'; key: string };

/** A CRM page whose record is not known yet (still rendering): worth asking again. */
const PENDING: TabCustomer = { kind: 'none' };

async function readActiveTabCustomer(): Promise<TabCustomer> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { kind: 'none' };
  // Same question the popup asks (lib/popup/active-record.ts): the tab's record, or null.
  const ref = await askTabRecord(tab.id, 1500);
  if (!ref) return tab.url && learnCrmBase(tab.url) ? PENDING : { kind: 'none' };
  const key = `${tab.id}:${ref.crm}:${ref.objectType}:${ref.recordId}`;
  const overlay = await send('getRecordOverlay', {
    lookup: { ref: { crm: ref.crm, objectType: ref.objectType, id: ref.recordId }, name: ref.name, email: ref.email, domain: ref.domain },
  }).catch(() => null);
  if (overlay?.state === 'ready') return { kind: 'customer', customerId: overlay.customer.id, key };
  return { kind: 'unknown', key };
}

/** Follows the active tab: its customer, refreshed on tab switches and navigations. */
export function useActiveTabCustomer(enabled: boolean): TabCustomer {
  const [state, setState] = useState<TabCustomer>({ kind: 'none' });
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    let retries = 0;
    const MAX_RETRIES = 10;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const refresh = (): void => {
      void readActiveTabCustomer()
        .catch((): TabCustomer => ({ kind: 'none' }))
        .then((s) => {
          if (!live) return;
          setState((prev) => (JSON.stringify(prev) === JSON.stringify(s) ? prev : s));
          // A CRM tab that has not shown its record yet: ask again for a while.
          if (s === PENDING && retries < MAX_RETRIES) {
            retries += 1;
            timers.push(setTimeout(refresh, 1500));
          }
        });
    };
    // A CRM page renders its record after load, and the content script answers only then:
    // after a tab switch or navigation, a pending CRM tab is asked again (see refresh).
    const refreshSoon = (): void => {
      retries = 0;
      refresh();
    };
    refresh();
    const onUpdated = (_id: number, info: { status?: string; url?: string }): void => {
      if (info.status === 'complete' || info.url) refreshSoon();
    };
    browser.tabs.onActivated.addListener(refreshSoon);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      timers.forEach(clearTimeout);
      browser.tabs.onActivated.removeListener(refreshSoon);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [enabled]);
  return state;
}

/** CRM bases: remembered ones at once, then learned (by the background) from the URLs of open tabs. */
export function useCrmBases(db: ReadDb, learnFromTabs: boolean): CrmBases {
  const [bases, setBases] = useState<CrmBases>({});
  useEffect(() => {
    let live = true;
    void loadCrmBases(db).then((b) => live && setBases(b));
    if (!learnFromTabs)
      return () => {
        live = false;
      };
    const learn = (): void => {
      void browser.tabs
        .query({})
        .then((tabs) => send('learnCrmBases', { urls: tabs.map((t) => t.url ?? '').filter(Boolean) }))
        .catch(() => loadCrmBases(db))
        .then((b) => {
          if (live) setBases((prev) => (JSON.stringify(prev) === JSON.stringify(b) ? prev : b));
        });
    };
    learn();
    const onUpdated = (_id: number, info: { url?: string }): void => {
      if (info.url) learn();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [db, learnFromTabs]);
  return bases;
}
