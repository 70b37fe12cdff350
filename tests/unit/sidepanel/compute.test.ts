import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compute } from '../../../lib/sidepanel/compute';
import { inlineComputer } from '../../../lib/sidepanel/compute-client';
import { computeKpis } from '../../../lib/scoring/kpis';
import { loadBook } from '../../../lib/sidepanel/queries';
import { previousPeriod } from '../../../lib/sidepanel/periods';
import type { AppDB } from '../../../lib/db/app-db';
import type { Goal } from '../../../lib/schemas/domain';
import { customer, dropDb, freshDb, putCustomers, score } from './support';

let db: AppDB;
beforeEach(async () => {
  db = await freshDb();
  await putCustomers(db, [customer('A'), customer('B')]);
  await db.scores.bulkPut([score('A', { tier: 'gold', clv: 700 }), score('B', { tier: 'iron', clv: 300 })]);
  await db.meta.put({ key: 'bookModel', value: { asOf: '2026-11-20' } });
  await db.feedback.bulkPut([
    { id: 'f1', customerId: 'A', date: '2026-09-04', kind: 'csat', score: 5 },
    { id: 'f2', customerId: 'B', date: '2026-08-06', kind: 'csat', score: 1 },
    { id: 'f3', customerId: 'B', date: '2026-10-06', kind: 'csat', score: 4 },
  ]);
  await db.transactions.bulkPut([{ id: 't1', customerId: 'A', date: '2026-10-03', amount: 50 }]);
});
afterEach(() => dropDb(db));

const goal = (over: Partial<Goal>): Goal => ({
  id: 'g',
  name: 'g',
  category: 'satisfaction',
  metric: 'csat',
  target: 90,
  baseline: 50,
  periodStart: '2026-10-01',
  periodEnd: '2027-01-01',
  scope: { kind: 'all' },
  archived: false,
  createdAt: 1,
  ...over,
});

describe('side panel computations', () => {
  it('reads the CLV date from the stored book model', async () => {
    expect((await loadBook(db)).clvAsOf).toBe('2026-11-20');
  });

  it('suggests as baseline the KPI over the period before the goal', async () => {
    const book = await loadBook(db);
    // Q3 2026 (the 92 days before Q4): one CSAT of two is 4–5.
    expect(compute(book, { kind: 'baseline', metric: 'csat', period: { start: '2026-10-01', end: '2027-01-01' } })).toBe(50);
    expect(computeKpis(book, { start: '2026-07-01', end: '2026-10-01' }).csat.value).toBe(50);
  });

  it('gives each goal its progress; the CLV metric keeps the stored CLV for the current period', async () => {
    const book = await loadBook(db);
    const out = compute(book, {
      kind: 'goals',
      goals: [goal({ id: 'sat' }), goal({ id: 'value', metric: 'clv', target: 2000, baseline: 500 })],
      asOf: '2026-11-20',
    });
    expect(out.sat!.current).toBe(100);
    expect(out.value!.current).toBe(1000);
    expect(out.value!.progress).toBeCloseTo(1 / 3, 6);
  });

  it('the inline computer caches the book per data version', async () => {
    const c = inlineComputer(db);
    const oct = { start: '2026-10-01', end: '2026-11-01' };
    const req = { kind: 'kpis' as const, period: oct, compare: previousPeriod(oct), trend: [oct] };
    const first = await c.run(req, 'v1', undefined);
    expect(first.all.csat.value).toBe(100);
    await db.feedback.put({ id: 'f4', customerId: 'A', date: '2026-10-09', kind: 'csat', score: 1 });
    const same = await c.run(req, 'v1', undefined);
    expect(same.all.csat.value).toBe(100);
    const next = await c.run(req, 'v2', undefined);
    expect([next.all.csat.value, next.all.csat.base, next.trend.csat]).toEqual([50, 2, [50]]);
    // The stored CLVs stand for the period holding the model's date.
    const novP = { start: '2026-11-01', end: '2026-12-01' };
    const nov = await c.run({ kind: 'clv', period: novP, compare: previousPeriod(novP) }, 'v2', undefined);
    expect([nov.all.value, nov.byTier.gold.value, nov.byTier.iron.value]).toEqual([1000, 700, 300]);
  });
});
