/**
 * The Today queue's view model: the ranked actions (lib/db/repos/action-queue.ts), with each
 * customer's name and CRM refs read in one bulk get, and how many are due in all; the panel
 * shows a bounded, virtualised list of a big book.
 */
import type { ReadDb } from '../db/read-db';
import { actionQueue } from '../db/repos/action-queue';
import { customersRepo } from '../db/repos/customers';
import type { Action, CrmRef } from '../schemas/domain';
import type { RiskBand, Tier } from '../schemas/enums';

/** Rows the queue shows (virtualised); the count covers all. */
export const TODAY_LIMIT = 200;

export interface QueueItem {
  action: Action;
  customer: { id: string; name: string; crmRefs: CrmRef[] };
  score?: { tier: Tier; risk: RiskBand; riskScore: number };
  /** A Platinum/Gold customer at high risk: the key-account early warning (预警). */
  keyAccountAtRisk: boolean;
}

export interface TodayQueue {
  items: QueueItem[];
  /** All actions due or overdue as of today (the list may show fewer). */
  total: number;
}

export async function loadTodayQueue(db: ReadDb, asOf: string, limit: number): Promise<TodayQueue> {
  // The queue reads every due action to rank them, so ask for all: the count comes free.
  const all = await actionQueue(db).today(asOf, Number.MAX_SAFE_INTEGER);
  const ranked = all.slice(0, limit);
  const ids = [...new Set(ranked.map((e) => e.action.customerId))];
  const customers = await customersRepo(db).getStored(ids);
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
  return { items, total: all.length };
}
