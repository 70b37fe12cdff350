/**
 * The customer pyramid: how many customers and how much modelled value (CLV) sit in each
 * tier, and who moved tier since a remembered snapshot. Scores carry only the current tier,
 * so the side panel keeps weekly tier snapshots in `meta` and compares against the newest
 * one at least a week old (or the oldest it has, while it is younger than that).
 */
import { addDays } from '../clock';
import { TIERS, type Tier } from '../schemas/enums';

export interface TierSummary {
  tier: Tier;
  customers: number;
  clv: number;
  /** Share of all scored customers, 0–1. */
  share: number;
  /** Share of total positive CLV, 0–1 (Lead's negative value is shown, not shared). */
  valueShare: number;
}

export function summarisePyramid(scores: readonly { tier: Tier; clv: number }[]): TierSummary[] {
  const count = new Map<Tier, number>(TIERS.map((t) => [t, 0]));
  const clv = new Map<Tier, number>(TIERS.map((t) => [t, 0]));
  for (const s of scores) {
    count.set(s.tier, count.get(s.tier)! + 1);
    clv.set(s.tier, clv.get(s.tier)! + s.clv);
  }
  const positive = TIERS.reduce((sum, t) => sum + Math.max(0, clv.get(t)!), 0);
  return TIERS.map((tier) => ({
    tier,
    customers: count.get(tier)!,
    clv: clv.get(tier)!,
    share: scores.length ? count.get(tier)! / scores.length : 0,
    valueShare: positive > 0 ? Math.max(0, clv.get(tier)!) / positive : 0,
  }));
}

export interface TierSnapshot {
  asOf: string;
  tiers: Record<string, Tier>;
}

export const SNAPSHOT_KEY = 'sidepanel.tierSnapshots';
export const SNAPSHOT_EVERY_DAYS = 7;

/**
 * Given the stored snapshots and today's tiers: the snapshot to compare against, and the
 * snapshots to store (a new one when none is younger than a week; at most the baseline and
 * the newest are kept).
 */
export function planSnapshots(
  stored: readonly TierSnapshot[],
  current: Record<string, Tier>,
  asOf: string,
): { baseline: TierSnapshot | null; keep: TierSnapshot[]; changed: boolean } {
  const sorted = [...stored].filter((s) => s.asOf <= asOf).sort((a, b) => (a.asOf < b.asOf ? -1 : 1));
  const weekAgo = addDays(asOf, -SNAPSHOT_EVERY_DAYS);
  const old = sorted.filter((s) => s.asOf <= weekAgo);
  const baseline = old.at(-1) ?? sorted[0] ?? null;
  const hasRecent = sorted.some((s) => s.asOf > weekAgo);
  const newest = hasRecent ? sorted.at(-1)! : { asOf, tiers: { ...current } };
  const keep = baseline && baseline !== newest ? [baseline, newest] : [newest];
  const changed = keep.length !== stored.length || keep.some((k, i) => k !== stored[i]);
  return { baseline, keep, changed };
}

export interface TierMove {
  customerId: string;
  from: Tier;
  to: Tier;
  direction: 'up' | 'down';
}

const RANK: Record<Tier, number> = { platinum: 0, gold: 1, iron: 2, lead: 3 };

/** Customers whose tier differs from the baseline; falls from the top first, then rises. */
export function tierMoves(baseline: TierSnapshot | null, current: Record<string, Tier>): TierMove[] {
  if (!baseline) return [];
  const moves: TierMove[] = [];
  for (const [customerId, to] of Object.entries(current)) {
    const from = baseline.tiers[customerId];
    if (!from || from === to) continue;
    moves.push({ customerId, from, to, direction: RANK[to] < RANK[from] ? 'up' : 'down' });
  }
  return moves.sort(
    (a, b) =>
      (a.direction === b.direction ? 0 : a.direction === 'down' ? -1 : 1) ||
      RANK[a.from] - RANK[b.from] ||
      RANK[a.to] - RANK[b.to] ||
      (a.customerId < b.customerId ? -1 : 1),
  );
}

/**
 * Bar widths proportional to each tier's customers (0–100, the largest tier 100); a tier with
 * customers never draws thinner than 1 so it stays visible.
 */
export function barWidths(summary: readonly TierSummary[]): Record<Tier, number> {
  const max = Math.max(0, ...summary.map((s) => s.customers));
  return Object.fromEntries(summary.map((s) => [s.tier, max > 0 && s.customers > 0 ? Math.max(1, (100 * s.customers) / max) : 0])) as Record<Tier, number>;
}

export interface TierFlow {
  /** Customers who moved into the tier, and out of it. */
  in: number;
  out: number;
}

/** Per tier, how many customers came in and went out, from the history's tier moves. */
export function tierFlows(moves: readonly { from: Tier; to: Tier; customers: number }[]): Record<Tier, TierFlow> {
  const out = Object.fromEntries(TIERS.map((t) => [t, { in: 0, out: 0 }])) as Record<Tier, TierFlow>;
  for (const m of moves) {
    if (m.from === m.to) continue;
    out[m.to].in += m.customers;
    out[m.from].out += m.customers;
  }
  return out;
}
