/** Reading a history table a page at a time: every row once, in key order, pages of the size asked for. */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { transactionsRepo } from '../../../lib/db/repos/history';

let db: AppDB | undefined;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
});

describe('eachPage', () => {
  it('hands every row once, in id order, in pages of the size asked for (the last one shorter)', async () => {
    db = new AppDB(`pages-${Math.random()}`);
    await db.open();
    const ids = Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    await transactionsRepo(db).addNew([...ids].reverse().map((id) => ({ id, customerId: 'c1', date: '2026-01-02', amount: 1 })));
    const pages: string[][] = [];
    await transactionsRepo(db).eachPage(5, (rows) => pages.push(rows.map((r) => r.id)));
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    expect(pages.flat()).toEqual(ids);
    const exact: number[] = [];
    await transactionsRepo(db).eachPage(6, (rows) => exact.push(rows.length));
    expect(exact).toEqual([6, 6]);
  });
});
