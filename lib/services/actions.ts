/**
 * Working through recommendations: `updateAction` (done / dismissed with a reason / snoozed
 * until a date / reopened = undo), then the customer is rescored so the next best action
 * follows from what the user did, and open pages refresh. `openActionsFor` (one customer's
 * open actions, ranked) and `todayQueue` (due and overdue actions across customers, at-risk key
 * accounts first — 预警) read through the actions indexes.
 */
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { actionsRepo } from '../db/repos/actions';
import type { Handlers } from '../messaging/router';
import type { Action, Score } from '../schemas/domain';
import type { ActionStatus, RiskBand, Tier } from '../schemas/enums';
import type { ScoringSettings, Settings } from '../schemas/settings';
import { loadSettings } from '../settings/store';
import { today } from '../clock';
import { broadcastDataChanged } from './broadcast';
import { rescoreCustomer } from './rescore';

export interface ActionUpdate {
  actionId: string;
  status: ActionStatus;
  snoozedUntil?: string;
  reason?: string;
}

/** Apply a user's decision to one action, then rescore its customer. Returns the action as stored. */
export async function applyActionUpdate(db: AppDB, u: ActionUpdate, settings: ScoringSettings | Settings, asOf: string, now: number): Promise<Action> {
  const action = await db.actions.get(u.actionId);
  if (!action) throw new Error(`actionId: no action "${u.actionId}" (it may have been resolved by a rescore).`);
  const { snoozedUntil: _s, statusReason: _r, ...base } = action;
  let next: Action;
  switch (u.status) {
    case 'snoozed':
      if (!u.snoozedUntil) throw new Error('snoozedUntil: a snooze needs the date the action comes back.');
      if (u.snoozedUntil <= asOf) throw new Error(`snoozedUntil: ${u.snoozedUntil} is not after today (${asOf}).`);
      // a snoozed action is due again when the snooze ends
      next = { ...base, status: 'snoozed', snoozedUntil: u.snoozedUntil, due: u.snoozedUntil, updatedAt: now, ...(u.reason ? { statusReason: u.reason } : {}) };
      break;
    case 'dismissed':
      next = { ...base, status: 'dismissed', updatedAt: now, ...(u.reason ? { statusReason: u.reason } : {}) };
      break;
    case 'done':
      next = { ...base, status: 'done', updatedAt: now, ...(u.reason ? { statusReason: u.reason } : {}) };
      break;
    case 'open':
      // undo: back to open; a snoozed action is due today again
      next = { ...base, status: 'open', updatedAt: now, ...(action.status === 'snoozed' && action.due > asOf ? { due: asOf } : {}) };
      break;
  }
  await db.actions.put(next);
  await rescoreCustomer(db, action.customerId, settings, asOf);
  return (await db.actions.get(next.id)) ?? next;
}

const RISK_ORDER: Record<RiskBand, number> = { high: 0, medium: 1, low: 2 };
const TIER_ORDER: Record<Tier, number> = { platinum: 0, gold: 1, iron: 2, lead: 3 };

const isKeyAccountAtRisk = (s?: Score): boolean => !!s && (s.tier === 'platinum' || s.tier === 'gold') && s.risk === 'high';

/** One customer's open actions (snoozed ones once their snooze ended), NBA first, then by due date. */
export async function openActionsFor(db: AppDB, customerId: string, asOf: string): Promise<Action[]> {
  const [rows, score] = await Promise.all([actionsRepo.forCustomer(db, customerId), db.scores.get(customerId)]);
  const nba = score?.nba?.kind;
  return rows
    .filter((a) => a.id === `${customerId}:${a.kind}` && (a.status === 'open' || (a.status === 'snoozed' && (a.snoozedUntil ?? a.due) <= asOf)))
    .sort((a, b) => Number(b.kind === nba) - Number(a.kind === nba) || a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind));
}

export interface QueueEntry {
  action: Action;
  score?: Score;
  /** Platinum/Gold at high risk: the key-account early warning (预警). */
  keyAccountAtRisk: boolean;
}

/**
 * Actions due or overdue as of asOf across customers: at-risk key accounts first, then by risk
 * band, tier, the customer's NBA before its other actions, the most overdue first.
 */
export async function todayQueue(db: AppDB, asOf: string, limit = 50): Promise<QueueEntry[]> {
  const due = await actionsRepo.dueBy(db, asOf);
  const ids = [...new Set(due.map((a) => a.customerId))];
  const scores = await db.scores.bulkGet(ids);
  const byId = new Map<string, Score>();
  scores.forEach((s, i) => {
    if (s) byId.set(ids[i]!, s);
  });
  const entries = due.map((action): QueueEntry => {
    const score = byId.get(action.customerId);
    return { action, ...(score ? { score } : {}), keyAccountAtRisk: isKeyAccountAtRisk(score) };
  });
  const rank = (e: QueueEntry): number[] => [
    e.keyAccountAtRisk ? 0 : 1,
    e.score ? RISK_ORDER[e.score.risk] : 3,
    e.score ? TIER_ORDER[e.score.tier] : 4,
    e.score?.nba?.kind === e.action.kind ? 0 : 1,
  ];
  entries.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return a.action.due.localeCompare(b.action.due) || (b.score?.riskScore ?? 0) - (a.score?.riskScore ?? 0) || a.action.id.localeCompare(b.action.id);
  });
  return entries.slice(0, Math.max(0, limit));
}

export const actionsHandlers: Partial<Handlers> = {
  async updateAction(payload) {
    const db = getDb();
    const settings = await loadSettings();
    const action = await applyActionUpdate(db, payload, settings, today(), Date.now());
    await broadcastDataChanged([action.customerId]);
    return action;
  },
};
