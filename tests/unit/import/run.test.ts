import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { ImportFileError } from '../../../lib/import';
import { ImportCancelled, runImport, type RunImportArgs } from '../../../lib/import/run';
import { dbSink } from '../../../lib/import/store';
import { importLogRepo } from '../../../lib/db/repos/import-log';

let db: AppDB;
let n = 0;
beforeEach(async () => {
  db = new AppDB(`import-${++n}-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const blob = (s: string): Blob => new Blob([s]);
const run = (text: string, over: Partial<RunImportArgs> = {}) =>
  runImport({ sink: dbSink(db), file: blob(text), fileName: 'f.csv', importId: `imp-${Math.random()}`, opts: { asOf: '2025-06-01' }, now: () => 1, ...over });

const txCsv = (rows: number, bad = 0): string =>
  [
    'customer_id,date,amount',
    ...Array.from({ length: rows }, (_, i) => (i < bad ? `C${i},2025-13-01,1` : `C${i % 97},2025-01-${String((i % 28) + 1).padStart(2, '0')},${i}.5`)),
  ].join('\n') + '\n';

async function snapshot(): Promise<unknown> {
  return {
    customers: await db.customers.orderBy('id').toArray(),
    transactions: await db.transactions.orderBy('id').toArray(),
  };
}

describe('runImport', () => {
  it('writes records, placeholders and a done importLog; a second import adds nothing', async () => {
    const first = await run(txCsv(500, 3), { sliceSize: 1024 });
    expect(first.log).toMatchObject({ status: 'done', rowsSeen: 500, accepted: 497, rejected: 3, duplicates: 0 });
    expect(await db.transactions.count()).toBe(497);
    const placeholders = await db.customers.toArray();
    expect(placeholders).toHaveLength(97);
    expect(placeholders.every((c) => c.placeholder && c.name === c.id)).toBe(true);
    const before = await snapshot();
    const second = await run(txCsv(500, 3), { sliceSize: 4096 });
    expect(second.log).toMatchObject({ status: 'done', rowsSeen: 500, accepted: 497, rejected: 3, duplicates: 497 });
    expect(await snapshot()).toEqual(before);
    expect(await db.meta.count()).toBe(0);
  });

  it('a customers import completes placeholders and keeps links; identical rows are duplicates', async () => {
    await run('customer_id,date,amount\nC1,2025-01-01,5\n');
    await db.customers.update('C1', { crmRefs: [{ crm: 'hubspot', objectType: 'account', id: '77' }], crmKeys: ['hubspot:account:77'] });
    const r = await run('customer_id,name,email\nC1,Acme,a@acme.com\nC2,Globex,\n');
    expect(r.log).toMatchObject({ accepted: 2, duplicates: 0 });
    const c1 = await db.customers.get('C1');
    expect(c1).toMatchObject({ name: 'Acme', emails: ['a@acme.com'], crmRefs: [{ crm: 'hubspot', id: '77' }] });
    expect(c1!.placeholder).toBeUndefined();
    const again = await run('customer_id,name,email\nC1,Acme,a@acme.com\nC2,Globex,\n');
    expect(again.log).toMatchObject({ accepted: 2, duplicates: 2 });
  });

  it('refuses a file missing a required column before writing anything', async () => {
    await expect(run('customer_id,date\nC1,2025-01-01\n', { opts: { kind: 'transactions' } })).rejects.toBeInstanceOf(ImportFileError);
    expect(await db.importLog.count()).toBe(0);
    expect(await db.customers.count()).toBe(0);
  });

  it('an interrupted import resumes to exactly the result of an uninterrupted one', async () => {
    // ~380 KB: the first 64 KiB are read before the encoding is decided and the header parsed.
    const text = txCsv(20_000, 5);
    const reference = new AppDB(`ref-${Math.random()}`);
    await runImport({ sink: dbSink(reference), file: blob(text), fileName: 'f.csv', importId: 'ref', sliceSize: 16_384, now: () => 1 });
    const refLog = await reference.importLog.get('ref');
    const refTx = await reference.transactions.orderBy('id').toArray();
    reference.close();

    let calls = 0;
    await expect(
      run(text, {
        importId: 'imp',
        sliceSize: 16_384,
        onProgress: () => {
          if (++calls === 8) throw new Error('browser killed');
        },
      }),
    ).rejects.toThrow('browser killed');
    const [open] = await importLogRepo(db).unfinished();
    expect(open!.log.status).toBe('running');
    expect(open!.checkpoint!.slicesDone).toBe(8);
    expect(open!.log.rowsSeen).toBeGreaterThan(3000);
    // Counters match what is stored: never half-counted.
    expect(open!.log.accepted - open!.log.duplicates).toBe(await db.transactions.count());
    const rejected: number[] = [];
    const done = await runImport({
      sink: dbSink(db),
      file: blob(text),
      fileName: 'f.csv',
      importId: 'imp',
      resume: open!.checkpoint,
      resumeLog: open!.log,
      now: () => 1,
      onRejected: (r) => rejected.push(...r.map((x) => x.line)),
    });
    expect(done.log).toEqual({ ...refLog, id: 'imp' });
    expect(await db.transactions.orderBy('id').toArray()).toEqual(refTx);
    expect(rejected).toEqual([2, 3, 4, 5, 6]);
    expect(await importLogRepo(db).unfinished()).toEqual([]);
  });

  it('rolling back (cancel) restores the database as it was', async () => {
    await run('customer_id,name\nC1,Acme\n');
    await run('customer_id,date,amount\nC1,2025-01-01,5\n');
    const before = await snapshot();
    const ctrl = new AbortController();
    let calls = 0;
    let writtenBeforeCancel = 0;
    await expect(
      run(txCsv(20_000) + 'C1,2025-01-01,5\n', {
        sliceSize: 16_384,
        signal: ctrl.signal,
        onProgress: (p) => {
          if (++calls === 8) {
            writtenBeforeCancel = p.accepted;
            ctrl.abort();
          }
        },
      }),
    ).rejects.toBeInstanceOf(ImportCancelled);
    expect(writtenBeforeCancel).toBeGreaterThan(1000);
    expect(await snapshot()).toEqual(before);
    const logs = await db.importLog.toArray();
    expect(logs.map((l) => l.status).sort()).toEqual(['cancelled', 'done', 'done']);
  });

  it('asks for the date order when every slash date is ambiguous', async () => {
    const r = await run('customer_id,date,amount\nC1,03/04/2025,1\nC1,05/06/2025,2\n', { askDateOrder: async () => 'dmy' });
    expect(r.log.accepted).toBe(2);
    expect((await db.transactions.toArray()).map((t) => t.date).sort()).toEqual(['2025-04-03', '2025-06-05']);
  });
});

describe('runImport — XLSX', () => {
  it('imports the first sheet with the same rules: dates, amounts, presets, rejected rows with their sheet row', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync('tests/fixtures/import/fxiaoke-transactions.xlsx');
    const rejected: { line: number; column?: string }[] = [];
    const r = await runImport({
      sink: dbSink(db),
      file: new Blob([bytes]),
      fileName: 'fxiaoke-transactions.xlsx',
      importId: 'x1',
      now: () => 1,
      onRejected: (rows) => rejected.push(...rows),
    });
    expect(r.kind).toBe('transactions');
    expect(r.log).toMatchObject({ status: 'done', rowsSeen: 3, accepted: 2, rejected: 1 });
    expect(rejected).toMatchObject([{ line: 4, column: '成交日期' }]);
    const tx = await db.transactions.orderBy('customerId').toArray();
    expect(tx.map((t) => [t.customerId, t.date, t.amount, t.product])).toEqual([
      ['FX-001', '2025-03-14', 12000, '年度服务'],
      ['FX-002', '2025-03-15', 5800, '实施费'],
    ]);
    const again = await runImport({ sink: dbSink(db), file: new Blob([bytes]), fileName: 'fxiaoke-transactions.xlsx', importId: 'x2', now: () => 1 });
    expect(again.log).toMatchObject({ accepted: 2, duplicates: 2 });
  });
});
