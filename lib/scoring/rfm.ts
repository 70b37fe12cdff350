/**
 * RFM: quintile scores 1–5 (5 = best) for recency, frequency and monetary value, and the complete,
 * non-overlapping R × F segment grid (docs/scoring.md "RFM"). One definition for the whole book and
 * for one customer rescored alone: the book's edges are learnt once (`rfmEdges`) and every customer
 * is scored against them (`rfmOf`), so identical customers always get identical segments.
 *
 * - Recency: days since the last purchase, quintile edges over the buyers (linear interpolation,
 *   numpy's default); fewer days is better, so the score is reversed.
 * - Frequency: purchase days, by mid-rank (customers with the same frequency share the average of
 *   their ranks), binned at the quintiles of the ranks — bins stay balanced when most customers
 *   bought once, and ties never split.
 * - Monetary: net spend, quintile edges over the buyers.
 * Customers who never bought are R1 F1 and scored on M like anyone.
 */
import type { Rfm } from '../schemas/domain';
import type { CustomerStats } from './stats';

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

type Quintiles = [number, number, number, number];

/** What the book teaches RFM: recency and monetary edges, and the frequency distribution for mid-ranks. */
export interface RfmEdges {
  recency: Quintiles;
  monetary: Quintiles;
  /** Distinct purchase-day counts of the buyers, ascending, with how many buyers have each. */
  frequency: { values: number[]; counts: number[] };
}

/** Quintile edges (20/40/60/80 %) of sorted values, linear interpolation. */
function quintileEdges(sorted: Float64Array): Quintiles {
  const n = sorted.length;
  if (n === 0) return [0, 0, 0, 0];
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

export function rfmEdges(stats: readonly CustomerStats[]): RfmEdges {
  const buyers = stats.filter((s) => s.purchaseDays > 0);
  const counts = new Map<number, number>();
  for (const s of buyers) counts.set(s.purchaseDays, (counts.get(s.purchaseDays) ?? 0) + 1);
  const values = [...counts.keys()].sort((a, b) => a - b);
  return {
    recency: quintileEdges(Float64Array.from(buyers, (s) => s.recencyDays).sort()),
    monetary: quintileEdges(Float64Array.from(buyers, (s) => s.netSpend).sort()),
    frequency: { values, counts: values.map((v) => counts.get(v)!) },
  };
}

/** F score: the mid-rank of `f` among the book's buyers, binned at the quintiles of ranks 1…n. */
function frequencyScore(f: number, dist: RfmEdges['frequency']): number {
  let n = 0;
  let below = 0;
  let equal = 0;
  for (let i = 0; i < dist.values.length; i++) {
    const c = dist.counts[i]!;
    n += c;
    if (dist.values[i]! < f) below += c;
    else if (dist.values[i] === f) equal = c;
  }
  if (n === 0) return 1;
  const midRank = below + (equal + 1) / 2;
  return bin(midRank, [1 + (n - 1) * 0.2, 1 + (n - 1) * 0.4, 1 + (n - 1) * 0.6, 1 + (n - 1) * 0.8]);
}

/** RFM of one customer against the book's edges. */
export function rfmOf(s: CustomerStats, e: RfmEdges): Rfm {
  const bought = s.purchaseDays > 0;
  const r = bought ? 6 - bin(s.recencyDays, e.recency) : 1;
  const f = bought ? frequencyScore(s.purchaseDays, e.frequency) : 1;
  const m = bin(s.netSpend, e.monetary);
  return { r, f, m, segment: rfmSegment(r, f) };
}
