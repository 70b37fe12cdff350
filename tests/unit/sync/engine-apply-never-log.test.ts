import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { customersRepo } from '../../../lib/db/repos/customers';
import type { Customer, Interaction } from '../../../lib/schemas/domain';
import { applyBatch } from '../../../lib/sync/engine-apply';
import { createSyncEngine } from '../../../lib/sync/engine';
import { engineSetup } from './engine-setup';
import type { ChangeBatch } from '../../../lib/sync/types';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`apply-never-log-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const batch = (b: Partial<ChangeBatch>): ChangeBatch => ({
  customers: [],
  contacts: [],
  transactions: [],
  interactions: [],
  feedback: [],
  deleted: [],
  merged: [],
  cursor: {},
  progress: { read: 0 },
  ...b,
});
const account = (id: string, name: string, more: Partial<Customer> = {}): Customer => ({
  id: `hubspot:account:${id}`,
  name,
  emails: [],
  createdAt: '2024-01-01',
  crmRefs: [{ crm: 'hubspot', objectType: 'account', id }],
  ...more,
});
const activity = (id: string, account: string): Interaction => ({
  id: `hubspot:activity:${id}`,
  customerId: account,
  date: '2026-11-19',
  channel: 'call',
  summary: `call ${id}`,
});
const deal = (id: string, account: string) => ({ id: `hubspot:transaction:${id}`, customerId: account, date: '2026-05-01', amount: 10, currency: 'EUR' });

describe('applyBatch and the privacy "never log" list', () => {
  it('does not create an account the list names (domain, email, CRM id), nor write its history; other accounts are written', async () => {
    const applied = await applyBatch(
      db,
      'hubspot',
      batch({
        customers: [
          account('1', 'Private Co', { domain: 'private.example' }),
          account('2', 'Person', { emails: ['ceo@mail.secret.example'] }),
          account('3', 'By id'),
          account('4', 'Acme', { domain: 'acme.example' }),
        ],
        interactions: [activity('a1', '1'), activity('a2', '2'), activity('a4', '4')],
        transactions: [deal('d3', '3'), deal('d4', '4')],
      }),
      ['private.example', '@secret.example', '3'],
    );
    expect((await db.customers.toArray()).map((c) => c.id)).toEqual(['hubspot:account:4']);
    expect((await db.interactions.toArray()).map((i) => i.id)).toEqual(['hubspot:activity:a4']);
    expect((await db.transactions.toArray()).map((t) => t.id)).toEqual(['hubspot:transaction:d4']);
    expect(applied.refused).toBe(3 + 3);
    expect([...applied.touched]).toEqual(['hubspot:account:4']);
  });

  it('leaves a stored customer the list names as it is, and does not log the CRM history of it', async () => {
    const stored: Customer = {
      id: 'CSV-7',
      name: 'Old name',
      emails: [],
      createdAt: '2023-01-01',
      crmRefs: [{ crm: 'hubspot', objectType: 'account', id: '7' }],
    };
    await customersRepo(db).put(stored);
    const applied = await applyBatch(db, 'hubspot', batch({ customers: [account('7', 'New name')], interactions: [activity('a7', '7')] }), ['csv-7']);
    expect(await customersRepo(db).get('CSV-7')).toEqual(stored);
    expect(await db.interactions.count()).toBe(0);
    expect(applied.refused).toBe(2);

    await applyBatch(db, 'hubspot', batch({ customers: [account('7', 'New name')], interactions: [activity('a7', '7')] }));
    expect((await customersRepo(db).get('CSV-7'))!.name).toBe('New name');
    expect(await db.interactions.count()).toBe(1);
  });
});

describe('sync engine and the privacy "never log" list', () => {
  it('a pass reads the list and leaves out the accounts it names', async () => {
    const s = await engineSetup();
    try {
      // Pipedrive organisations carry no domain: the list names Globex by its CRM record id
      const globexId = String(s.orgs.get('C2'));
      const engine = createSyncEngine({ ...s.deps, neverLog: async () => [globexId] });
      await engine.connect('pipedrive', { apiToken: s.mock.newToken() });
      expect(await engine.sync('pipedrive')).toMatchObject({ outcome: 'done' });
      const customers = await customersRepo(s.db).all();
      expect(customers.length).toBe(s.orgs.size - 1);
      const globex = `pipedrive:account:${globexId}`;
      expect(customers.some((c) => c.id === globex)).toBe(false);
      expect(await s.db.transactions.where('customerId').equals(globex).count()).toBe(0);
      expect(await s.db.interactions.where('customerId').equals(globex).count()).toBe(0);
    } finally {
      await s.close();
    }
  });
});
