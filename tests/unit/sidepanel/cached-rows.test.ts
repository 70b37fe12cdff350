import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { AppDB } from '../../../lib/db/app-db';
import { onTablesChanged } from '../../../lib/db/changes';
import { metaRepo } from '../../../lib/db/repos/meta';
import { scoresRepo } from '../../../lib/db/repos/scores';
import { createCachedRow, KPI_COLUMNS, RANK_BANDS, type CachedRowDeps, type CachedRowSpec } from '../../../lib/services/cached-rows';
import { KPI_COLUMNS_KEY, readKpiColumns, storedKpiColumns } from '../../../lib/sidepanel/kpi-columns';
import { kpiIndex } from '../../../lib/scoring/kpi-index';
import { computeKpiTable } from '../../../lib/sidepanel/kpi-table';
import { selectPeriod, PERIOD_PRESETS } from '../../../lib/sidepanel/periods';
import { loadBook } from '../../../lib/sidepanel/queries';
import { buildRankBands, RANK_BANDS_KEY, readRankBands } from '../../../lib/sidepanel/rank-bands';
import { AS_OF, customer, dropDb, freshDb, putCustomers, score } from './support';

let db: AppDB;
afterEach(() => dropDb(db));

/** Scheduled builds wait for the test to run them. */
let scheduled: (() => void)[] = [];
const deps = (): CachedRowDeps => ({
  db: () => db,
  now: () => 42,
  later: (f) => {
    scheduled.push(f);
    return () => (scheduled = scheduled.filter((g) => g !== f));
  },
  onError: (e) => {
    throw e;
  },
});

beforeEach(async () => {
  db = await freshDb();
  scheduled = [];
  let seed = 3;
  const rnd = (): number => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
  const day = (n: number): string => new Date(Date.parse(`${AS_OF}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const ids = Array.from({ length: 80 }, (_, i) => `C${i}`);
  await putCustomers(
    db,
    ids.map((id) => customer(id)),
  );
  await db.scores.bulkPut(
    ids.map((id, i) => score(id, { tier: (['platinum', 'gold', 'iron', 'lead'] as const)[i % 4]!, risk: (['low', 'medium', 'high'] as const)[i % 3]! })),
  );
  await db.transactions.bulkPut(
    Array.from({ length: 600 }, (_, i) => ({
      id: `t${i}`,
      customerId: ids[i % 80]!,
      date: day(Math.floor(rnd() * 900)),
      amount: rnd() < 0.1 ? -20 : 10 + Math.round(rnd() * 500),
    })),
  );
  await db.interactions.bulkPut(
    Array.from({ length: 300 }, (_, i) => ({
      id: `i${i}`,
      customerId: ids[i % 80]!,
      date: day(Math.floor(rnd() * 700)),
      channel: 'call' as const,
      summary: 's',
      sentiment: 'neutral' as const,
    })),
  );
  await db.feedback.bulkPut(
    Array.from({ length: 200 }, (_, i) => ({
      id: `f${i}`,
      customerId: ids[i % 80]!,
      date: day(Math.floor(rnd() * 700)),
      kind: (['csat', 'nps', 'complaint'] as const)[i % 3]!,
      ...(i % 3 === 2 ? {} : { score: i % 3 === 0 ? 1 + (i % 5) : i % 11 }),
    })),
  );
});

/** Every preset's KPI table from the stored row and from the whole book. */
async function tablesFromRowAndBook(): Promise<[unknown[], unknown[]]> {
  const columns = readKpiColumns(await metaRepo(db).get(KPI_COLUMNS_KEY));
  expect(columns).not.toBeNull();
  const book = await loadBook(db);
  const sels = PERIOD_PRESETS.filter((p) => p !== 'custom').map((p) => selectPeriod(p, AS_OF)!);
  const req = (s: (typeof sels)[number]) => ({ period: s.period, compare: s.compare, trend: s.trend });
  return [
    sels.map((s) => computeKpiTable({ customers: [], transactions: [], interactions: [], feedback: [], index: columns! }, req(s))),
    sels.map((s) => computeKpiTable(book, req(s))),
  ];
}

describe('the KPI columns the background stores', () => {
  it('give the same KPI figures as a fresh computation from the book, for every preset', async () => {
    await createCachedRow(KPI_COLUMNS, deps()).build();
    const [fromRow, fromBook] = await tablesFromRowAndBook();
    expect(fromRow).toEqual(fromBook);
    // a real book: figures, not empty tables
    expect(JSON.stringify(fromBook)).toMatch(/"value":\d/);
  });

  it('are deleted by a write to a source table and rebuilt from the new rows once writes are quiet', async () => {
    const row = createCachedRow(KPI_COLUMNS, deps());
    await row.build();
    await db.feedback.put({ id: 'new', customerId: 'C1', date: '2026-10-15', kind: 'csat', score: 1 });
    row.mutated();
    await new Promise((r) => setTimeout(r, 0));
    expect(await metaRepo(db).get(KPI_COLUMNS_KEY)).toBeUndefined();
    expect(scheduled).toHaveLength(1);
    scheduled[0]!();
    await new Promise((r) => setTimeout(r, 50));
    await row.build();
    const [fromRow, fromBook] = await tablesFromRowAndBook();
    expect(fromRow).toEqual(fromBook);
  });

  it('are not stored when a write overtakes the build; the next attempt reads the new rows', async () => {
    let calls = 0;
    const box: { row?: ReturnType<typeof createCachedRow> } = {};
    const spec: CachedRowSpec = {
      ...KPI_COLUMNS,
      async build(d, at) {
        calls++;
        const value = await KPI_COLUMNS.build(d, at);
        // as Dexie reports a write: after its commit, outside the build's read
        if (calls === 1) Dexie.ignoreTransaction(() => box.row!.mutated());
        return value;
      },
    };
    box.row = createCachedRow(spec, deps());
    await box.row.build();
    expect(calls).toBe(2);
    expect(await metaRepo(db).get(KPI_COLUMNS_KEY)).toBeDefined();
  });

  it('keep a stored row (no rebuild while nothing changed)', async () => {
    let calls = 0;
    const row = createCachedRow({ ...KPI_COLUMNS, build: (d, at) => (calls++, KPI_COLUMNS.build(d, at)) }, deps());
    await row.build();
    await row.build();
    expect(calls).toBe(1);
  });

  it('are refused when the stored row is not one this version wrote', async () => {
    const good = storedKpiColumns(
      kpiIndex({ transactions: await db.transactions.toArray(), interactions: await db.interactions.toArray(), feedback: await db.feedback.toArray() }),
      1,
    );
    expect(readKpiColumns(good)).not.toBeNull();
    expect(readKpiColumns(undefined)).toBeNull();
    expect(readKpiColumns({ ...good, format: 0 })).toBeNull();
    expect(readKpiColumns({ ...good, purchaseDay: Array.from(good.purchaseDay) })).toBeNull();
    const outOfRange = Int32Array.from(good.purchaseCustomer);
    outOfRange[0] = good.ids.length;
    expect(readKpiColumns({ ...good, purchaseCustomer: outOfRange })).toBeNull();
    expect(readKpiColumns({ ...good, purchaseDay: Int32Array.from(good.purchaseDay).reverse() })).toBeNull();
  });
});

describe('the rank bands the background stores', () => {
  it('hold every scored customer’s tier and risk band, as the score indexes do', async () => {
    await createCachedRow(RANK_BANDS, deps()).build();
    expect(readRankBands(await metaRepo(db).get(RANK_BANDS_KEY))).toEqual(await scoresRepo(db).bands());
    expect((await scoresRepo(db).bands()).get('C5')).toEqual({ tier: 'gold', risk: 'high' });
  });

  it('are refused when malformed', async () => {
    const good = buildRankBands(await scoresRepo(db).bands(), 1);
    expect(readRankBands({ ...good, codes: Uint8Array.from(good.codes, () => 16) })).toBeNull();
    expect(readRankBands({ ...good, ids: good.ids.slice(1) })).toBeNull();
    expect(readRankBands({ ...good, format: 2 })).toBeNull();
  });
});

describe('hearing about writes (what the background follows)', () => {
  it('reports a committed write to a named table of the database, not to others, and lets the listener write', async () => {
    const heard: string[] = [];
    const stop = onTablesChanged(
      ['feedback'],
      () => {
        heard.push('feedback');
        void metaRepo(db).delete([KPI_COLUMNS_KEY]);
      },
      db.name,
    );
    await db.goals.put({
      id: 'g',
      name: 'g',
      category: 'satisfaction',
      metric: 'csat',
      target: 1,
      baseline: 0,
      periodStart: AS_OF,
      periodEnd: '2027-01-01',
      scope: { kind: 'all' },
      archived: false,
      createdAt: 1,
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual([]);
    await db.feedback.put({ id: 'x', customerId: 'C1', date: AS_OF, kind: 'complaint' });
    await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual(['feedback']);
    stop();
    await db.feedback.put({ id: 'y', customerId: 'C1', date: AS_OF, kind: 'complaint' });
    await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual(['feedback']);
  });
});
