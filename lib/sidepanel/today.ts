/**
 * The Today view's data: every open action due up to the end of this week, in queue rank order
 * (lib/db/repos/action-queue.ts: at-risk key accounts first, then risk band, tier, the
 * customer's NBA, the most overdue), planned into a day by plan.ts; and the names and CRM refs
 * of the rows actually shown, read in one bulk get.
 */
import { addDays } from '../clock';
import type { ReadDb } from '../db/read-db';
import { actionQueue } from '../db/repos/action-queue';
import { customersRepo } from '../db/repos/customers';
import type { Action, CrmRef } from '../schemas/domain';
import type { RiskBand, Tier } from '../schemas/enums';
import { WEEK_DAYS } from './plan';

/** Rows a backlog or week bucket shows when opened (virtualised); its count covers all. */
export const TODAY_LIMIT = 200;

export interface RankedAction {
  action: Action;
  score?: { tier: Tier; risk: RiskBand; riskScore: number };
  /** A Platinum/Gold customer at high risk: the key-account early warning (预警). */
  keyAccountAtRisk: boolean;
}

export interface QueueItem extends RankedAction {
  customer: { id: string; name: string; crmRefs: CrmRef[] };
}

/** Open actions due by the end of this week (today + WEEK_DAYS), ranked. */
export async function loadRanked(db: ReadDb, asOf: string): Promise<RankedAction[]> {
  const all = await actionQueue(db).today(addDays(asOf, WEEK_DAYS), Number.MAX_SAFE_INTEGER);
  return all.map(({ action, score, keyAccountAtRisk }) => ({
    action,
    ...(score ? { score: { tier: score.tier, risk: score.risk, riskScore: score.riskScore } } : {}),
    keyAccountAtRisk,
  }));
}

export type CustomerRef = QueueItem['customer'];

/** Name and CRM refs of customers, in one bulk get (an unknown id reads as itself). */
export async function customerRefs(db: ReadDb, ids: readonly string[]): Promise<Map<string, CustomerRef>> {
  const unique = [...new Set(ids)];
  const customers = await customersRepo(db).getStored(unique);
  return new Map(unique.map((id, i) => [id, { id, name: customers[i]?.name ?? id, crmRefs: customers[i]?.crmRefs ?? [] }]));
}

/**
 * The ranked actions and, read in the same pass, the customers of the first `prefetch` due ones
 * (today's plan at any capacity up to it), so the plan shows without a second read.
 */
export async function loadToday(db: ReadDb, asOf: string, prefetch: number): Promise<{ ranked: RankedAction[]; known: Map<string, CustomerRef> }> {
  const ranked = await loadRanked(db, asOf);
  const ids: string[] = [];
  for (const e of ranked) {
    if (ids.length >= prefetch) break;
    if (e.action.due <= asOf) ids.push(e.action.customerId);
  }
  return { ranked, known: await customerRefs(db, ids) };
}
