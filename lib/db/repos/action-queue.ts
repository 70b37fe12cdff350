/**
 * Actions as the user works through them: one customer's open actions (the overlay card, NBA
 * first) and the Today queue across customers (at-risk key accounts first — 预警). Reads only.
 */
import { defineReads } from '../repo';
import { actionsRepo } from './actions';
import { scoresRepo } from './scores';
import type { Action, Score } from '../../schemas/domain';
import type { RiskBand, Tier } from '../../schemas/enums';

const RISK_ORDER: Record<RiskBand, number> = { high: 0, medium: 1, low: 2 };
const TIER_ORDER: Record<Tier, number> = { platinum: 0, gold: 1, iron: 2, lead: 3 };

/** A Platinum/Gold customer at high risk (from the score or just its tier and band). */
export const isKeyAccountAtRisk = (s?: Pick<Score, 'tier' | 'risk'>): boolean => !!s && (s.tier === 'platinum' || s.tier === 'gold') && s.risk === 'high';

export interface QueueEntry {
  action: Action;
  score?: Score;
  /** Platinum/Gold at high risk: the key-account early warning (预警). */
  keyAccountAtRisk: boolean;
}

/**
 * The queue's coarse order, known from a customer's tier and risk band alone: at-risk key
 * accounts first, then by risk band, then tier; customers without a score last. Lower first.
 */
export const rankClass = (s?: Pick<Score, 'tier' | 'risk'>): number =>
  (isKeyAccountAtRisk(s) ? 0 : 100) + (s ? RISK_ORDER[s.risk] : 3) * 10 + (s ? TIER_ORDER[s.tier] : 4);

/**
 * The queue's order: rank class, then the customer's NBA before its other actions, the most
 * overdue first, the higher risk score, the action id.
 */
export function compareQueue(a: QueueEntry, b: QueueEntry): number {
  const byClass = rankClass(a.score) - rankClass(b.score);
  if (byClass !== 0) return byClass;
  const nba = (e: QueueEntry): number => (e.score?.nba?.kind === e.action.kind ? 0 : 1);
  return (
    nba(a) - nba(b) ||
    a.action.due.localeCompare(b.action.due) ||
    (b.score?.riskScore ?? 0) - (a.score?.riskScore ?? 0) ||
    a.action.id.localeCompare(b.action.id)
  );
}

export const actionQueue = defineReads((db) => ({
  /** One customer's open actions (snoozed ones once their snooze ended), NBA first, then by due date. */
  async openFor(customerId: string, asOf: string): Promise<Action[]> {
    const [rows, score] = await Promise.all([actionsRepo(db).forCustomer(customerId), scoresRepo(db).get(customerId)]);
    const nba = score?.nba?.kind;
    return rows
      .filter((a) => a.id === `${customerId}:${a.kind}` && (a.status === 'open' || (a.status === 'snoozed' && (a.snoozedUntil ?? a.due) <= asOf)))
      .sort((a, b) => Number(b.kind === nba) - Number(a.kind === nba) || a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind));
  },

  /**
   * Actions due or overdue as of asOf across customers: at-risk key accounts first, then by risk
   * band, tier, the customer's NBA before its other actions, the most overdue first.
   */
  async today(asOf: string, limit = 50): Promise<QueueEntry[]> {
    const due = await actionsRepo(db).dueBy(asOf);
    const ids = [...new Set(due.map((a) => a.customerId))];
    const scores = await scoresRepo(db).bulkGet(ids);
    const byId = new Map<string, Score>();
    scores.forEach((s, i) => {
      if (s) byId.set(ids[i]!, s);
    });
    const entries = due.map((action): QueueEntry => {
      const score = byId.get(action.customerId);
      return { action, ...(score ? { score } : {}), keyAccountAtRisk: isKeyAccountAtRisk(score) };
    });
    entries.sort(compareQueue);
    return entries.slice(0, Math.max(0, limit));
  },
}));
