import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { createBackup, parseBackup } from '../../../lib/backup/backup';
import { restoreBackup } from '../../../lib/backup/restore';
import { dbSink } from '../../../lib/import/store';
import { runImport } from '../../../lib/import/run';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`backup-keys-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const FILE = 'customer_id,date,amount,order_id\nA,2025-01-01,5,1001\nB,2025-01-02,7,1002\n';

describe('a backup made before migration 006 (book-wide order keys)', () => {
  it('is restored with per-customer order keys, so re-importing the same file adds nothing', async () => {
    const backup = await createBackup(db, DEFAULT_SETTINGS, 1);
    const old = {
      ...backup,
      dbVersion: 5,
      tables: {
        ...backup.tables,
        customers: ['A', 'B'].map((id) => ({ id, name: id, emails: [], createdAt: '2025-01-01', crmRefs: [], placeholder: true })),
        transactions: [
          { id: 'o:1001', customerId: 'A', date: '2025-01-01', amount: 5, orderId: '1001' },
          { id: 'o:1002', customerId: 'B', date: '2025-01-02', amount: 7, orderId: '1002' },
          { id: 't:x', customerId: 'A', date: '2025-01-03', amount: 1 },
        ],
      },
    };
    await restoreBackup(db, parseBackup(JSON.stringify(old), db.verno));
    expect((await db.transactions.orderBy('id').primaryKeys()).sort()).toEqual(['o:A:1001', 'o:B:1002', 't:x']);
    const again = await runImport({
      sink: dbSink(db),
      file: new Blob([FILE]),
      fileName: 'f.csv',
      importId: 'again',
      opts: { asOf: '2025-06-01' },
      now: () => 1,
    });
    expect(again.log).toMatchObject({ accepted: 2, duplicates: 2 });
    expect(await db.transactions.count()).toBe(3);
  });

  it('a backup of the current version keeps its keys as they are', async () => {
    const backup = await createBackup(db, DEFAULT_SETTINGS, 1);
    const rows = [{ id: 'o:A:1001', customerId: 'A', date: '2025-01-01', amount: 5, orderId: '1001' }];
    const parsed = parseBackup(JSON.stringify({ ...backup, tables: { ...backup.tables, transactions: rows } }), db.verno);
    expect(parsed.tables.transactions).toEqual(rows);
  });
});
