import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { MIGRATIONS } from '../../../lib/db/migrations';
import { runImport } from '../../../lib/import/run';
import { dbSink, rollbackImport } from '../../../lib/import/store';
import { importLogRepo } from '../../../lib/db/repos/import-log';

const names: string[] = [];
const opened: AppDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** How many migrations open a database at version `v` (AppDB's `upTo`). */
const upTo = (v: number): number => MIGRATIONS.findIndex((m) => m.version === v) + 1;

async function openAt(name: string, v: number): Promise<AppDB> {
  const db = new AppDB(name, upTo(v));
  opened.push(db);
  await db.open();
  return db;
}

const FILE = 'customer_id,date,amount,order_id\nA,2025-01-01,5,1001\nB:1,2025-01-02,7,SO-7\nA,2025-01-03,9,\n';

describe('migration 006: order keys per customer', () => {
  it('rewrites every o:<order> key to o:<customer>:<order> without losing or doubling a row; re-importing the file then adds nothing', async () => {
    const name = `mig-006-${Math.random()}`;
    names.push(name);
    const prev = MIGRATIONS[upTo(6) - 2]!.version;
    const old = await openAt(name, prev);
    await old.table('transactions').bulkPut([
      { id: 'o:1001', customerId: 'A', date: '2025-01-01', amount: 5, orderId: '1001' },
      { id: 'o:SO-7', customerId: 'B:1', date: '2025-01-02', amount: 7, orderId: 'SO-7' },
      { id: 't:abc', customerId: 'A', date: '2025-01-03', amount: 9 },
      { id: 'hubspot:transaction:9', customerId: 'A', date: '2025-01-04', amount: 3, orderId: '9' },
    ]);
    await old
      .table('customers')
      .bulkPut(['A', 'B:1'].map((id) => ({ id, name: id, emails: [], createdAt: '2025-01-01', crmRefs: [], crmKeys: [], refKeys: [], placeholder: true })));
    old.close();

    const db = await openAt(name, 6);
    const rows = await db.transactions.orderBy('id').toArray();
    expect(rows.map((t) => [t.id, t.customerId, t.amount, t.orderId])).toEqual([
      ['hubspot:transaction:9', 'A', 3, '9'],
      ['o:A:1001', 'A', 5, '1001'],
      ['o:B%3A1:SO-7', 'B:1', 7, 'SO-7'],
      ['t:abc', 'A', 9, undefined],
    ]);

    const again = await runImport({
      sink: dbSink(db),
      file: new Blob([FILE]),
      fileName: 'f.csv',
      importId: 'again',
      opts: { asOf: '2025-06-01' },
      now: () => 1,
    });
    expect(again.log).toMatchObject({ status: 'done', accepted: 3 });
    // the two order rows are the migrated ones (duplicates); the row without an order id has its own hash key
    expect(await db.transactions.where('id').startsWith('o:').count()).toBe(2);
    expect(again.log.duplicates).toBe(2);
  });

  it('rewrites the ids an unfinished import journalled, so its rollback still removes its rows', async () => {
    const name = `mig-006-j-${Math.random()}`;
    names.push(name);
    const prev = MIGRATIONS[upTo(6) - 2]!.version;
    const old = await openAt(name, prev);
    await old.table('transactions').bulkPut([
      { id: 'o:1001', customerId: 'A', date: '2025-01-01', amount: 5, orderId: '1001' },
      { id: 't:abc', customerId: 'A', date: '2025-01-03', amount: 9 },
    ]);
    await old.table('customers').put({ id: 'A', name: 'A', emails: [], createdAt: '2025-01-01', crmRefs: [], crmKeys: [], refKeys: [], placeholder: true });
    await old
      .table('importLog')
      .put({ id: 'imp', fileName: 'f.csv', kind: 'transactions', startedAt: 1, status: 'running', rowsSeen: 2, accepted: 2, rejected: 0, duplicates: 0 });
    await old.table('meta').bulkPut([
      { key: 'importJournal:imp:00000000', value: { table: 'transactions', added: ['o:1001', 't:abc'], addedCustomers: ['A'], replacedCustomers: [] } },
      { key: 'importJournal:other:00000000', value: { table: 'customers', added: ['o:1001'], addedCustomers: [], replacedCustomers: [] } },
    ]);
    old.close();

    const db = await openAt(name, 6);
    expect((await db.meta.get('importJournal:imp:00000000'))!.value).toMatchObject({ added: ['o:A:1001', 't:abc'] });
    // a customers journal lists customer ids: left alone
    expect((await db.meta.get('importJournal:other:00000000'))!.value).toMatchObject({ added: ['o:1001'] });
    await rollbackImport(db, 'imp', 2);
    expect(await db.transactions.count()).toBe(0);
    expect((await importLogRepo(db).get('imp'))!.status).toBe('cancelled');
  });
});
