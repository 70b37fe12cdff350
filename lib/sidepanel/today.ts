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

/** The rows to show, with each customer's name and CRM refs. */
export async function withCustomers(db: ReadDb, rows: readonly RankedAction[]): Promise<QueueItem[]> {
  const ids = [...new Set(rows.map((e) => e.action.customerId))];
  const customers = await customersRepo(db).getStored(ids);
  const byId = new Map(ids.map((id, i) => [id, customers[i]]));
  return rows.map((e) => {
    const c = byId.get(e.action.customerId);
    return { ...e, customer: { id: e.action.customerId, name: c?.name ?? e.action.customerId, crmRefs: c?.crmRefs ?? [] } };
  });
}
