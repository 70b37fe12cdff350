/** Test helpers for side panel components: a fresh database, settings, and the panel context. */
import type { ReactNode } from 'react';
import Dexie from 'dexie';
import { render, type RenderResult } from '@testing-library/react';
import { vi } from 'vitest';
import { AppDB, toStoredCustomer } from '../../../lib/db/app-db';
import { setDbForTests } from '../../../lib/db/db';
import { goalsHandlers } from '../../../lib/services/goals';
import { sidePanelHandlers } from '../../../lib/services/sidepanel';
import { installFakeBackground } from '../messaging/fake-background';
import { RapportPage } from '../../../components/common';
import { SidePanelContext } from '../../../components/sidepanel/context';
import { KpiColumnsProvider } from '../../../components/sidepanel/KpiColumns';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schemas/settings';
import type { Action, Customer, Score } from '../../../lib/schemas/domain';
import type { CrmBases } from '../../../lib/sidepanel/crm-links';
import { inlineComputer } from '../../../lib/sidepanel/compute-client';

export const AS_OF = '2026-11-20';

/** A fresh database, also the (test) background's. */
export async function freshDb(): Promise<AppDB> {
  const db = new AppDB(`sp-${Math.random()}`);
  await db.open();
  setDbForTests(db);
  return db;
}

export async function dropDb(db: AppDB): Promise<void> {
  vi.restoreAllMocks();
  setDbForTests(undefined);
  db.close();
  await Dexie.delete(db.name);
}

/** The background's side panel handlers (goals, remembered state) answering the panel's messages. */
export const panelBackground = (): ReturnType<typeof installFakeBackground> =>
  installFakeBackground({ ...goalsHandlers, ...sidePanelHandlers }, 'sidepanel.html');

export const settingsEn: Settings = { ...DEFAULT_SETTINGS, language: 'en', theme: 'light' };

export function renderInPanel(
  ui: ReactNode,
  opts: { db: AppDB; asOf?: string; settings?: Settings; openCustomer?: (id: string) => void; crmBases?: CrmBases },
): RenderResult {
  return render(
    <RapportPage settings={opts.settings ?? settingsEn}>
      <SidePanelContext.Provider
        value={{
          db: opts.db,
          asOf: opts.asOf ?? AS_OF,
          openCustomer: opts.openCustomer ?? (() => undefined),
          crmBases: opts.crmBases ?? {},
          computer: inlineComputer(opts.db),
          contentShown: () => undefined,
        }}
      >
        <KpiColumnsProvider enabled>{ui}</KpiColumnsProvider>
      </SidePanelContext.Provider>
    </RapportPage>,
  );
}

export const customer = (id: string, over: Partial<Customer> = {}): Customer => ({ id, name: id, emails: [], createdAt: '2024-01-01', crmRefs: [], ...over });

export async function putCustomers(db: AppDB, cs: Customer[]): Promise<void> {
  await db.customers.bulkPut(cs.map(toStoredCustomer));
}

export const score = (customerId: string, over: Partial<Score> = {}): Score => ({
  customerId,
  tier: 'gold',
  risk: 'low',
  riskScore: 10,
  reasons: [],
  clv: 1000,
  pAlive: 0.9,
  rfm: { r: 4, f: 4, m: 4, segment: 'Loyal Customers' },
  nba: null,
  computedAt: 1,
  ...over,
});

export const action = (id: string, customerId: string, over: Partial<Action> = {}): Action => ({
  id,
  customerId,
  kind: 'revisit',
  status: 'open',
  due: AS_OF,
  reason: 'contact-gap',
  createdAt: 1,
  updatedAt: 1,
  ...over,
});
