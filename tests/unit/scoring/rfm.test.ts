import { describe, expect, it } from 'vitest';
import { RFM_SEGMENTS, rfmEdges, rfmOf, rfmSegment } from '../../../lib/scoring/rfm';
import type { CustomerStats } from '../../../lib/scoring/stats';

// docs/scoring.md "RFM": rows R = 5…1, columns F = 1…5.
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

const stats = (recencyDays: number, purchaseDays: number, netSpend: number): CustomerStats => ({
  x: Math.max(0, purchaseDays - 1),
  tx: 0,
  T: 0,
  meanRepeatSpend: 0,
  firstAmount: 0,
  purchaseDays,
  netSpend,
  grossSpend: Math.max(0, netSpend),
  yearSpend: netSpend,
  recencyDays,
  recentPurchaseDays: 0,
  previousPurchaseDays: 0,
  recentSpend: 0,
  previousSpend: 0,
});
/** Score a whole book the one way there is: edges from the book, then each customer against them. */
const score = (book: CustomerStats[]) => {
  const e = rfmEdges(book);
  return book.map((s) => rfmOf(s, e));
};

describe("RFM against the book's edges", () => {
  it('recency is reversed: the most recent fifth scores 5, the oldest fifth 1', () => {
    expect(score(Array.from({ length: 10 }, (_, i) => stats(i + 1, 1, 1))).map((v) => v.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('frequency by mid-rank: identical customers share one score, whatever their order', () => {
    // 60 % bought once, as in most books: they all get the same F, in any order
    const book = Array.from({ length: 10 }, (_, i) => stats(5, i < 6 ? 1 : i - 4, 10));
    const f = score(book).map((v) => v.f);
    expect(new Set(f.slice(0, 6)).size).toBe(1);
    expect(score([...book].reverse()).map((v) => v.f)).toEqual([...f].reverse());
    for (let i = 7; i < 10; i++) expect(f[i]!).toBeGreaterThanOrEqual(f[i - 1]!);
    expect(f[9]).toBe(5);
    const mixed = score(Array.from({ length: 10 }, (_, i) => stats(1, 10 - i, 1))).map((v) => v.f);
    expect(mixed).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('monetary quintiles: higher spend scores higher, equal spend shares a score', () => {
    const m = score(Array.from({ length: 10 }, (_, i) => stats(1, 1, i < 4 ? 5 : i * 100))).map((v) => v.m);
    expect(m.slice(0, 4).every((v) => v === m[0])).toBe(true);
    expect(m[9]).toBe(5);
    for (let i = 1; i < 10; i++) expect(m[i]!).toBeGreaterThanOrEqual(m[i - 1]!);
  });

  it('scores 1–5 with the grid segment for every customer of a large book, in balanced F bins', () => {
    const book = Array.from({ length: 1000 }, (_, i) => stats((i * 37) % 365, 1 + (i % 5), (i * 7919) % 1000));
    const counts = [0, 0, 0, 0, 0];
    for (const v of score(book)) {
      for (const k of [v.r, v.f, v.m]) expect(k >= 1 && k <= 5).toBe(true);
      expect(v.segment).toBe(rfmSegment(v.r, v.f));
      counts[v.f - 1]!++;
    }
    expect(counts).toEqual([200, 200, 200, 200, 200]);
  });

  it('a customer scored alone against stored edges gets what the whole book gave them', () => {
    const book = Array.from({ length: 500 }, (_, i) => stats((i * 53) % 400, 1 + ((i * 7) % 9), (i * 31) % 5000));
    const edges = JSON.parse(JSON.stringify(rfmEdges(book))) as ReturnType<typeof rfmEdges>;
    const full = score(book);
    book.forEach((s, i) => expect(rfmOf(s, edges)).toEqual(full[i]));
  });

  it('a champion, a hibernating customer, and one who never bought', () => {
    const book = Array.from({ length: 10 }, (_, i) => stats(10 * (i + 1), 10 - i, 100 * (10 - i)));
    const s = score(book);
    expect(s[0]).toEqual({ r: 5, f: 5, m: 5, segment: 'Champions' });
    expect(s[9]).toEqual({ r: 1, f: 1, m: 1, segment: 'Hibernating' });
    expect(rfmOf(stats(100_000, 0, 0), rfmEdges(book))).toMatchObject({ r: 1, f: 1 });
  });

  it('empty and single-customer books', () => {
    expect(score([])).toEqual([]);
    const one = score([stats(3, 1, 10)])[0]!;
    expect(one.segment).toBe(rfmSegment(one.r, one.f));
  });
});
