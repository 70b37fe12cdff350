/**
 * Score history: a row per customer on the days their score changed — tier, risk band or next
 * action, or risk by 2 points or more — and a weekly row for everyone, so the sparkline and "what
 * changed since last week" always have a point a week back. Rows older than HISTORY_DAYS go.
 */
import Dexie from 'dexie';
import { defineRepo } from '../repo';
import { addDays } from '../../clock';
import type { Score } from '../../schemas/domain';
import type { ScoreHistoryRow } from '../../schemas/history';
import type { Tier } from '../../schemas/values';

/** How long history is kept (about 13 months: a year-on-year look). */
export const HISTORY_DAYS = 400;
/** A risk move smaller than this (points) is not a change worth a row. */
export const RISK_STEP = 2;
/** Reasons kept per row. */
const REASONS = 6;

export const historyRow = (s: Score, date: string): ScoreHistoryRow => ({
  id: `${s.customerId}|${date}`,
  customerId: s.customerId,
  date,
  tier: s.tier,
  risk: s.risk,
  riskScore: s.riskScore,
  ...(s.churnRisk !== undefined ? { churnRisk: s.churnRisk } : {}),
  clv: s.clv,
  pAlive: s.pAlive,
  reasons: s.reasons.slice(0, REASONS),
  ...(s.nba ? { nba: s.nba.kind } : {}),
});

/** Whether a new score is worth a history row against the customer's previous score. */
export function changed(before: Score | undefined, after: Score): boolean {
  if (!before) return true;
  return (
    before.tier !== after.tier ||
    before.risk !== after.risk ||
    (before.nba?.kind ?? '') !== (after.nba?.kind ?? '') ||
    Math.abs(before.riskScore - after.riskScore) >= RISK_STEP
  );
}

export interface TierMove {
  from: Tier;
  to: Tier;
  customers: number;
}

export const scoreHistoryRepo = defineRepo(
  (db) => ({
    /** A customer's rows since a day (inclusive), oldest first. */
    forCustomer: (customerId: string, sinceIso = '0000-01-01'): Promise<ScoreHistoryRow[]> =>
      db.scoreHistory.where('[customerId+date]').between([customerId, sinceIso], [customerId, Dexie.maxKey], true, true).toArray(),
    /** The customer's row on or before a day (what their score was then). */
    async at(customerId: string, dateIso: string): Promise<ScoreHistoryRow | undefined> {
      return db.scoreHistory.where('[customerId+date]').between([customerId, Dexie.minKey], [customerId, dateIso], true, true).last();
    },
    /** How many customers moved from one tier to another between two days (their last row on or before each). */
    async tierMoves(fromIso: string, toIso: string): Promise<TierMove[]> {
      const rows = await db.scoreHistory.where('date').belowOrEqual(toIso).toArray();
      // each customer's last row on or before `fromIso` (then) and on or before `toIso` (now)
      const then = new Map<string, ScoreHistoryRow>();
      const now = new Map<string, ScoreHistoryRow>();
      const keepLatest = (m: Map<string, ScoreHistoryRow>, r: ScoreHistoryRow): void => {
        const prev = m.get(r.customerId);
        if (!prev || prev.date < r.date) m.set(r.customerId, r);
      };
      for (const r of rows) {
        keepLatest(now, r);
        if (r.date <= fromIso) keepLatest(then, r);
      }
      const counts = new Map<string, TierMove>();
      for (const [id, a] of then) {
        const b = now.get(id);
        if (!b || a.tier === b.tier) continue;
        const key = `${a.tier}>${b.tier}`;
        const m = counts.get(key) ?? { from: a.tier, to: b.tier, customers: 0 };
        m.customers++;
        counts.set(key, m);
      }
      return [...counts.values()];
    },
  }),
  (db) => ({
    async putMany(rows: readonly ScoreHistoryRow[]): Promise<void> {
      if (rows.length) await db.scoreHistory.bulkPut([...rows]);
    },
    /** Drop rows older than HISTORY_DAYS before `asOf`. */
    async prune(asOf: string): Promise<number> {
      return db.scoreHistory.where('date').below(addDays(asOf, -HISTORY_DAYS)).delete();
    },
  }),
);
