import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { customersRepo } from '../../../lib/db/repos/customers';
import { interactionsRepo, transactionsRepo } from '../../../lib/db/repos/history';
import { syncRepo } from '../../../lib/db/repos/sync';
import type { Customer, Interaction } from '../../../lib/schemas/domain';
import { applyBatch } from '../../../lib/sync/engine-apply';
import type { ChangeBatch } from '../../../lib/sync/types';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`apply-${Math.random()}`);
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
const account = (id: string, name: string): Customer => ({
  id: `hubspot:account:${id}`,
  name,
  emails: [],
  createdAt: '2024-01-01',
  crmRefs: [{ crm: 'hubspot', objectType: 'account', id }],
});
const deal = (id: string, account: string, amount: number) => ({
  id: `hubspot:transaction:${id}`,
  customerId: account,
  date: '2026-05-01',
  amount,
  currency: 'EUR',
});
const activity = (id: string, account: string, summary: string): Interaction => ({
  id: `hubspot:activity:${id}`,
  customerId: account,
  date: '2026-11-19',
  channel: 'call',
  summary,
});

describe('applyBatch', () => {
  it('matches a customer whose ref a CRM page has bound to its tenant: no second customer', async () => {
    await customersRepo(db).put({
      id: 'CSV-9',
      name: 'Acme',
      emails: [],
      createdAt: '2023-01-01',
      crmRefs: [{ crm: 'hubspot', objectType: 'account', id: '9', tenant: '4411' }],
    });
    await applyBatch(db, 'hubspot', batch({ customers: [account('9', 'Acme Corp')], transactions: [deal('d9', '9', 100)] }));
    expect(await db.customers.count()).toBe(1);
    const c = (await customersRepo(db).get('CSV-9'))!;
    expect(c.name).toBe('Acme Corp');
    expect(c.crmRefs).toEqual([{ crm: 'hubspot', objectType: 'account', id: '9', tenant: '4411' }]);
    expect((await db.transactions.toArray()).map((t) => t.customerId)).toEqual(['CSV-9']);
  });

  it('files history under the local customer and leaves out rows of unknown accounts', async () => {
    await customersRepo(db).put({
      id: 'CSV-1',
      name: 'Acme',
      emails: [],
      createdAt: '2020-01-01',
      crmRefs: [{ crm: 'hubspot', objectType: 'account', id: '11' }],
    });
    const applied = await applyBatch(db, 'hubspot', batch({ transactions: [deal('d1', '11', 100), deal('d2', '99', 5)] }));
    expect([...applied.touched]).toEqual(['CSV-1']);
    expect(applied.orphans).toBe(1);
    expect((await transactionsRepo(db).forCustomer('CSV-1')).map((t) => t.id)).toEqual(['hubspot:transaction:d1']);
  });

  it('a re-read row replaces the stored one (the CRM wins)', async () => {
    await applyBatch(db, 'hubspot', batch({ customers: [account('11', 'Acme')], transactions: [deal('d1', '11', 100)] }));
    await applyBatch(db, 'hubspot', batch({ customers: [account('11', 'Acme GmbH')], transactions: [deal('d1', '11', 120)] }));
    expect(await customersRepo(db).count()).toBe(1);
    expect((await customersRepo(db).get('hubspot:account:11'))!.name).toBe('Acme GmbH');
    expect((await transactionsRepo(db).forCustomer('hubspot:account:11')).map((t) => t.amount)).toEqual([120]);
  });

  it('a deleted account takes a synced customer with it; a CSV customer only loses the ref', async () => {
    await customersRepo(db).put({
      id: 'CSV-1',
      name: 'Acme',
      emails: [],
      createdAt: '2020-01-01',
      crmRefs: [{ crm: 'hubspot', objectType: 'account', id: '11' }],
    });
    await applyBatch(db, 'hubspot', batch({ customers: [account('22', 'Beta')], transactions: [deal('d1', '22', 100), deal('d2', '11', 7)] }));
    const applied = await applyBatch(
      db,
      'hubspot',
      batch({
        deleted: [
          { objectType: 'account', id: '22' },
          { objectType: 'account', id: '11' },
        ],
      }),
    );
    expect(applied.removed).toBe(true);
    expect(await customersRepo(db).get('hubspot:account:22')).toBeUndefined();
    expect(await transactionsRepo(db).forCustomer('hubspot:account:22')).toEqual([]);
    expect(await customersRepo(db).get('CSV-1')).toMatchObject({ crmRefs: [] });
    expect(await transactionsRepo(db).forCustomer('CSV-1')).toHaveLength(1);
  });

  it('a merge moves the history to the surviving customer', async () => {
    await applyBatch(
      db,
      'hubspot',
      batch({ customers: [account('11', 'Acme'), account('12', 'Acme (dup)')], transactions: [deal('d1', '11', 100), deal('d2', '12', 50)] }),
    );
    await applyBatch(db, 'hubspot', batch({ merged: [{ objectType: 'account', from: '12', into: '11' }] }));
    expect(await customersRepo(db).get('hubspot:account:12')).toBeUndefined();
    expect((await transactionsRepo(db).forCustomer('hubspot:account:11')).map((t) => t.amount).sort()).toEqual([100, 50]);
  });

  it('a quick-log read back (by its tag, or by the CRM id the outbox stored) is not stored twice', async () => {
    await applyBatch(db, 'hubspot', batch({ customers: [account('11', 'Acme')] }));
    const local: Interaction = {
      id: 'log-1',
      customerId: 'hubspot:account:11',
      date: '2026-11-19',
      channel: 'visit',
      summary: 'Visited the plant',
      sentiment: 'positive',
    };
    await interactionsRepo(db).add(local);
    await interactionsRepo(db).add({ ...local, id: 'log-2', summary: 'Second' });
    const draft = {
      key: 'log-1',
      target: { objectType: 'account' as const, id: '11' },
      date: '2026-11-19',
      channel: 'visit' as const,
      summary: 'Visited the plant',
    };
    await syncRepo(db).putOutbox({ interactionId: 'log-1', crm: 'hubspot', draft, state: 'queued', attempts: 1, nextAt: 0, uncertain: true });
    await syncRepo(db).putOutbox({
      interactionId: 'log-2',
      crm: 'hubspot',
      draft: { ...draft, key: 'log-2' },
      state: 'written',
      attempts: 1,
      nextAt: 0,
      uncertain: false,
      crmId: 'a2',
    });

    await applyBatch(
      db,
      'hubspot',
      batch({
        interactions: [activity('a1', '11', 'Visited the plant'), activity('a2', '11', 'Second'), activity('a3', '11', 'Other')],
        tagged: [{ key: 'log-1', id: 'a1' }],
      }),
    );
    expect((await interactionsRepo(db).forCustomer('hubspot:account:11')).map((i) => i.id).sort()).toEqual(['hubspot:activity:a3', 'log-1', 'log-2']);
    expect(await interactionsRepo(db).get('log-1')).toMatchObject({ channel: 'visit', sentiment: 'positive' });
    // the write whose answer was lost is recognised: the outbox will not write it again
    expect(await syncRepo(db).outboxRow('log-1')).toMatchObject({ state: 'written', crmId: 'a1', uncertain: false });

    await applyBatch(db, 'hubspot', batch({ deleted: [{ objectType: 'activity', id: 'a2' }] }));
    expect(await interactionsRepo(db).get('log-2')).toBeUndefined();
  });
});
