/**
 * The Today queue's view model: the ranked actions from `todayQueue` (lib/services/actions),
 * with each customer's name and CRM refs read in one bulk get, plus the number of
 * actions due in all (two indexed counts), so the panel shows a bounded list of a big book.
 */
import Dexie from 'dexie';
import type { AppDB } from '../db/app-db';
import { todayQueue } from '../services/actions';
import type { Action, CrmRef } from '../schemas/domain';
import type { RiskBand, Tier } from '../schemas/enums';

export const TODAY_LIMIT = 500;

export interface QueueItem {
  action: Action;
  customer: { id: string; name: string; crmRefs: CrmRef[] };
  score?: { tier: Tier; risk: RiskBand; riskScore: number };
  /** A Platinum/Gold customer at high risk: the key-account early warning (预警), from todayQueue. */
  keyAccountAtRisk: boolean;
}

export interface TodayQueue {
  items: QueueItem[];
  /** All actions due or overdue as of today (the list may show fewer). */
  total: number;
}

/** Actions due as of `asOf`: open ones due by today, snoozed ones due by today whose snooze ended. */
export async function countDue(db: AppDB, asOf: string): Promise<number> {
  const [open, snoozed] = await Promise.all([
    db.actions.where('[status+due]').between(['open', Dexie.minKey], ['open', asOf], true, true).count(),
    db.actions
      .where('[status+due]')
      .between(['snoozed', Dexie.minKey], ['snoozed', asOf], true, true)
      .filter((a) => (a.snoozedUntil ?? '') <= asOf)
      .count(),
  ]);
  return open + snoozed;
}

export async function loadTodayQueue(db: AppDB, asOf: string, limit: number): Promise<TodayQueue> {
  const [ranked, total] = await Promise.all([todayQueue(db, asOf, limit), countDue(db, asOf)]);
  const ids = [...new Set(ranked.map((e) => e.action.customerId))];
  const customers = await db.customers.bulkGet(ids);
  const byId = new Map(ids.map((id, i) => [id, customers[i]]));
  const items = ranked.map(({ action, score, keyAccountAtRisk }): QueueItem => {
    const customer = byId.get(action.customerId);
    return {
      action,
      customer: { id: action.customerId, name: customer?.name ?? action.customerId, crmRefs: customer?.crmRefs ?? [] },
      score: score && { tier: score.tier, risk: score.risk, riskScore: score.riskScore },
      keyAccountAtRisk,
    };
  });
  return { items, total: Math.max(total, items.length) };
}
