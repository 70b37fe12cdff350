import { describe, expect, it } from 'vitest';
import { RFM_SEGMENTS, rfmScores, rfmSegment } from '../../../lib/scoring/rfm';

// DESIGN.md "Scoring": rows R = 5…1, columns F = 1…5.
const DESIGN_GRID: Record<number, string[]> = {
  5: ['New Customers', 'Potential Loyalists', 'Potential Loyalists', 'Champions', 'Champions'],
  4: ['Promising', 'Potential Loyalists', 'Potential Loyalists', 'Loyal Customers', 'Loyal Customers'],
  3: ['About To Sleep', 'About To Sleep', 'Need Attention', 'Loyal Customers', 'Loyal Customers'],
  2: ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
  1: ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
};
const CELLS = [5, 4, 3, 2, 1].flatMap((r) => [1, 2, 3, 4, 5].map((f) => [r, f, DESIGN_GRID[r]![f - 1]!] as const));

describe('rfmSegment: the complete R × F grid', () => {
  it.each(CELLS)('R=%i F=%i → %s', (r, f, segment) => expect(rfmSegment(r, f)).toBe(segment));

  it('uses exactly the ten segments, each at least once', () => {
    expect(new Set(RFM_SEGMENTS).size).toBe(10);
    expect(new Set(CELLS.map((c) => c[2]))).toEqual(new Set(RFM_SEGMENTS));
  });

  it('clamps out-of-range scores', () => {
    expect(rfmSegment(9, 9)).toBe('Champions');
    expect(rfmSegment(0, 0)).toBe('Hibernating');
  });
});

describe('rfmScores', () => {
  const rows = (n: number, f: (i: number) => { recencyDays: number; frequency: number; monetary: number }) =>
    Array.from({ length: n }, (_, i) => ({ customerId: `c${i}`, ...f(i) }));

  it('recency is reversed: the most recent fifth scores 5, the oldest fifth 1', () => {
    const s = rfmScores(rows(10, (i) => ({ recencyDays: i + 1, frequency: 1, monetary: 1 })));
    expect([...s.values()].map((v) => v.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('frequency is ranked first: equal frequencies still fill five equal bins, in input order', () => {
    const s = rfmScores(rows(10, () => ({ recencyDays: 1, frequency: 1, monetary: 1 })));
    expect([...s.values()].map((v) => v.f)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    const mixed = rfmScores(rows(10, (i) => ({ recencyDays: 1, frequency: 10 - i, monetary: 1 })));
    expect([...mixed.values()].map((v) => v.f)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('monetary quintiles: higher spend scores higher, equal spend shares a score', () => {
    const s = rfmScores(rows(10, (i) => ({ recencyDays: 1, frequency: 1, monetary: i < 4 ? 5 : i * 100 })));
    const m = [...s.values()].map((v) => v.m);
    expect(m.slice(0, 4).every((v) => v === m[0])).toBe(true);
    expect(m[9]).toBe(5);
    for (let i = 1; i < 10; i++) expect(m[i]!).toBeGreaterThanOrEqual(m[i - 1]!);
  });

  it('scores 1–5 with the grid segment for every customer of a large book', () => {
    const s = rfmScores(rows(1000, (i) => ({ recencyDays: (i * 37) % 365, frequency: 1 + ((i * 13) % 7), monetary: (i * 7919) % 1000 })));
    expect(s.size).toBe(1000);
    const counts = [0, 0, 0, 0, 0];
    for (const v of s.values()) {
      for (const k of [v.r, v.f, v.m]) expect(k >= 1 && k <= 5).toBe(true);
      expect(v.segment).toBe(rfmSegment(v.r, v.f));
      counts[v.f - 1]!++;
    }
    expect(counts).toEqual([200, 200, 200, 200, 200]);
  });

  it('a champion and a hibernating customer', () => {
    const book = rows(10, (i) => ({ recencyDays: 10 * (i + 1), frequency: 10 - i, monetary: 100 * (10 - i) }));
    const s = rfmScores(book);
    expect(s.get('c0')).toEqual({ r: 5, f: 5, m: 5, segment: 'Champions' });
    expect(s.get('c9')).toEqual({ r: 1, f: 1, m: 1, segment: 'Hibernating' });
  });

  it('empty and single-customer books', () => {
    expect(rfmScores([]).size).toBe(0);
    const one = rfmScores([{ customerId: 'x', recencyDays: 3, frequency: 1, monetary: 10 }]).get('x')!;
    expect(one.segment).toBe(rfmSegment(one.r, one.f));
  });
});
