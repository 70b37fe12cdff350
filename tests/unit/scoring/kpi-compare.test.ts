import { describe, expect, it } from 'vitest';
import { compareKpis, computeKpis, kpiSeries, kpiValue, type KpiBook } from '../../../lib/scoring/kpis';
import type { Transaction } from '../../../lib/schemas/domain';
import { KPI_IDS } from '../../../lib/schemas/enums';

let k = 0;
const tx = (customerId: string, date: string, amount: number): Transaction => ({ id: `t${k++}`, customerId, date, amount });
const book: KpiBook = {
  customers: ['a', 'b', 'c'].map((id) => ({ id, name: id, emails: [], createdAt: '2025-01-01', crmRefs: [] })),
  transactions: [
    tx('a', '2026-10-03', 50),
    tx('a', '2026-11-02', 40),
    tx('a', '2026-11-02', -60), // a refund the same day: no purchase day
    tx('b', '2026-10-20', 30),
    tx('b', '2026-11-05', 30),
    tx('b', '2026-11-09', 30),
    tx('c', '2026-11-20', 10),
  ],
  interactions: [{ id: 'i1', customerId: 'c', date: '2026-11-21', channel: 'call', summary: 's' }],
  feedback: [
    { id: 'f1', customerId: 'a', date: '2026-11-04', kind: 'csat', score: 5 },
    { id: 'f2', customerId: 'b', date: '2026-10-04', kind: 'csat', score: 2 },
  ],
};
const nov = { start: '2026-11-01', end: '2026-12-01' };
const novSoFar = { start: '2026-11-01', end: '2026-11-05' };
const octSameDays = { start: '2026-10-01', end: '2026-10-05' };

describe('compareKpis and kpiSeries', () => {
  it('compares any two periods, with the base each figure stands on', () => {
    const r = compareKpis(book, nov, { start: '2026-10-01', end: '2026-11-01' }, { clv: 'skip' });
    // retention: a and b bought in Oct; only b bought in Nov (a's day nets negative)
    expect([r.retention.value, r.retention.base]).toEqual([50, 2]);
    expect([r.csat.value, r.csat.previous, r.csat.base, r.csat.previousBase]).toEqual([100, 0, 1, 1]);
    expect([r['repurchase-rate'].value, r['repurchase-rate'].base]).toEqual([50, 2]);
    expect([r['new-customers'].value, r['new-customers'].base]).toEqual([1, null]);
    expect(r.clv.value).toBeNull();
    const toDate = compareKpis(book, novSoFar, octSameDays, { clv: 'skip' });
    expect([toDate.csat.value, toDate.csat.previous, toDate.retention.base]).toEqual([100, 0, 0]);
  });

  it('agrees with computeKpis and kpiValue period by period', () => {
    const all = computeKpis(book, nov);
    const r = compareKpis(book, nov, { start: '2026-10-02', end: '2026-11-01' });
    for (const id of KPI_IDS) expect([r[id].value, r[id].previous], id).toEqual([all[id].value, all[id].previous]);
    const periods = [{ start: '2026-09-01', end: '2026-10-01' }, { start: '2026-10-01', end: '2026-11-01' }, nov];
    const series = kpiSeries(book, periods, { clv: 'skip' });
    for (const id of KPI_IDS.filter((i) => i !== 'clv')) expect(series[id], id).toEqual(periods.map((p) => kpiValue(book, id, p)));
    expect(series.clv).toEqual([null, null, null]);
  });

  it('refuses an inverted period', () => {
    expect(() => compareKpis(book, { start: '2026-11-02', end: '2026-11-01' }, nov)).toThrow(/must end after it starts/);
    expect(() => kpiSeries(book, [nov, { start: '2026-11-01', end: '2026-11-01' }])).toThrow(/2026-11-01 – 2026-11-01/);
  });
});
