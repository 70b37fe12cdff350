/**
 * RFM scoring: quintile scores 1–5 (5 = best) for recency, frequency and monetary value, and the
 * complete R × F segment grid of DESIGN.md ("Scoring"): every one of the 25 cells has exactly one
 * segment.
 *
 * Quintiles follow pandas' `qcut` (edges at the 20/40/60/80 % quantiles, linear interpolation;
 * bins right-closed, equal values share a bin):
 * - recency: fewer days since the last purchase is better, so the score is reversed;
 * - frequency: ranked first (by value, ties broken by input order) and the ranks binned, so the
 *   bins are equal-sized even when most customers bought once;
 * - monetary: binned on the value.
 */
import type { Rfm } from '../schemas/domain';

export const RFM_SEGMENTS: readonly string[] = [
  'Champions',
  'Loyal Customers',
  'Potential Loyalists',
  'New Customers',
  'Promising',
  'Need Attention',
  'About To Sleep',
  'At Risk',
  "Can't Lose Them",
  'Hibernating',
];

/** GRID[r − 1][f − 1]. */
const GRID: readonly (readonly string[])[] = [
  ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
  ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
  ['About To Sleep', 'About To Sleep', 'Need Attention', 'Loyal Customers', 'Loyal Customers'],
  ['Promising', 'Potential Loyalists', 'Potential Loyalists', 'Loyal Customers', 'Loyal Customers'],
  ['New Customers', 'Potential Loyalists', 'Potential Loyalists', 'Champions', 'Champions'],
];

const clampScore = (v: number): number => Math.min(5, Math.max(1, Math.round(Number.isFinite(v) ? v : 1)));

/** The segment of an R × F cell (scores 1–5; out-of-range values are clamped). */
export function rfmSegment(r: number, f: number): string {
  return GRID[clampScore(r) - 1]![clampScore(f) - 1]!;
}

/** Quintile edges (20/40/60/80 %) of sorted values, linear interpolation (numpy's default). */
function quintileEdges(sorted: Float64Array): [number, number, number, number] {
  const n = sorted.length;
  const at = (q: number): number => {
    const h = (n - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(n - 1, lo + 1);
    return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
  };
  return [at(0.2), at(0.4), at(0.6), at(0.8)];
}

/** 1 + number of edges strictly below v (bins right-closed). */
function bin(v: number, edges: readonly number[]): number {
  let s = 1;
  for (const e of edges) if (v > e) s++;
  return s;
}

export function rfmScores(rows: readonly { customerId: string; recencyDays: number; frequency: number; monetary: number }[]): Map<string, Rfm> {
  const out = new Map<string, Rfm>();
  const n = rows.length;
  if (n === 0) return out;
  const recency = Float64Array.from(rows, (r) => r.recencyDays).sort();
  const monetary = Float64Array.from(rows, (r) => r.monetary).sort();
  const rEdges = quintileEdges(recency);
  const mEdges = quintileEdges(monetary);
  // Frequency rank 1…n by value, ties in input order (stable sort).
  const order = rows.map((_, i) => i).sort((i, j) => rows[i]!.frequency - rows[j]!.frequency);
  const rank = new Float64Array(n);
  order.forEach((i, k) => {
    rank[i] = k + 1;
  });
  const fEdges = quintileEdges(Float64Array.from({ length: n }, (_, k) => k + 1));
  rows.forEach((row, i) => {
    const r = 6 - bin(row.recencyDays, rEdges);
    const f = bin(rank[i]!, fEdges);
    const m = bin(row.monetary, mEdges);
    out.set(row.customerId, { r, f, m, segment: rfmSegment(r, f) });
  });
  return out;
}
