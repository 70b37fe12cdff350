/**
 * The Today view's data: every open action due up to the end of this week, in the queue's order
 * (lib/db/repos/action-queue.ts: at-risk key accounts first, then risk band, tier, the customer's
 * NBA, the most overdue), ready for plan.ts; with the score and the customer (name, CRM refs) of
 * each row the view shows.
 *
 * Read small (docs/sidepanel-performance.md): the due actions, and each customer's tier and risk
 * band from the rank bands row the background keeps (or the score indexes' keys) — the queue's
 * coarse order; score rows are read only for the rank classes that hold the rows shown, enough to
 * order those exactly.
 */
import { addDays } from '../clock';
import type { ReadDb } from '../db/read-db';
import { compareQueue, isKeyAccountAtRisk, rankClass, type QueueEntry } from '../db/repos/action-queue';
import { actionsRepo } from '../db/repos/actions';
import { customersRepo } from '../db/repos/customers';
import { metaRepo } from '../db/repos/meta';
import { scoresRepo } from '../db/repos/scores';
import type { Action, CrmRef, Score } from '../schemas/domain';
import type { RiskBand, Tier } from '../schemas/enums';
import { WEEK_DAYS, type PlanFilters } from './plan';
import { RANK_BANDS_KEY, readRankBands, type Bands } from './rank-bands';

/** Rows a backlog or week bucket shows when opened (virtualised); its count covers all. */
export const TODAY_LIMIT = 200;

export interface RankedAction {
  action: Action;
  /** The customer's tier, band and risk score; absent for a customer without a score. */
  score?: { tier: Tier; risk: RiskBand; riskScore?: number };
  /** A Platinum/Gold customer at high risk: the key-account early warning (预警). */
  keyAccountAtRisk: boolean;
}

export interface QueueItem extends RankedAction {
  customer: { id: string; name: string; crmRefs: CrmRef[] };
}

export type CustomerRef = QueueItem['customer'];

/** What the view shows: today's plan and, when opened, the first TODAY_LIMIT of each bucket. */
export interface TodayNeed {
  filters: PlanFilters;
  /** Due or overdue rows shown in rank order (the capacity, plus the backlog's when open). */
  due: number;
  /** Rows of this week's bucket shown (0 while it is closed). */
  week: number;
}

export interface TodayData {
  /** Open actions due by the end of this week, for plan.ts with the same filters: the shown ones in exact order. */
  ranked: RankedAction[];
  /** Customers of the shown rows. */
  known: Map<string, CustomerRef>;
  /** Open actions due by the end of this week, whatever the filters. */
  total: number;
}

/** Name and CRM refs of customers, in one bulk get (an unknown id reads as itself). */
export async function customerRefs(db: ReadDb, ids: readonly string[]): Promise<Map<string, CustomerRef>> {
  const unique = [...new Set(ids)];
  const customers = await customersRepo(db).getStored(unique);
  return new Map(unique.map((id, i) => [id, { id, name: customers[i]?.name ?? id, crmRefs: customers[i]?.crmRefs ?? [] }]));
}

interface Row extends QueueEntry {
  cls: number;
  band?: { tier: Tier; risk: RiskBand };
}

/** All of `rows` in coarse order (stable); whole rank classes from the first until `n` rows are covered. */
function coveringClasses(rows: readonly Row[], n: number): Row[] {
  if (n <= 0 || rows.length === 0) return [];
  const last = rows[Math.min(n, rows.length) - 1]!.cls;
  return rows.filter((r) => r.cls <= last);
}

/** Every scored customer's tier and band: the stored row, or the score indexes while it is rebuilt. */
async function readBands(db: ReadDb): Promise<Bands> {
  return readRankBands(await metaRepo(db).get(RANK_BANDS_KEY)) ?? scoresRepo(db).bands();
}

export async function loadToday(db: ReadDb, asOf: string, need: TodayNeed): Promise<TodayData> {
  const weekEnd = addDays(asOf, WEEK_DAYS);
  const [actions, bands] = await Promise.all([actionsRepo(db).dueBy(weekEnd), readBands(db)]);
  const tiers = new Set(need.filters.tiers);
  const kinds = new Set(need.filters.kinds);
  const passes = (r: Row): boolean => (tiers.size === 0 || tiers.has(r.band?.tier ?? 'none')) && (kinds.size === 0 || kinds.has(r.action.kind));
  const due: Row[] = [];
  const week: Row[] = [];
  for (const action of actions) {
    const band = bands.get(action.customerId);
    const row: Row = { action, keyAccountAtRisk: isKeyAccountAtRisk(band), cls: rankClass(band), ...(band ? { band } : {}) };
    (action.due <= asOf ? due : week).push(row);
  }
  due.sort((a, b) => a.cls - b.cls);
  week.sort((a, b) => a.action.due.localeCompare(b.action.due) || a.cls - b.cls);
  // exact order needs the score rows: those of the filtered rows in the classes holding the shown
  // due rows, and of this week's filtered rows up to the last shown day (by day, then the queue's)
  const exactDue = coveringClasses(due.filter(passes), need.due);
  const weekShown = week.filter(passes);
  const lastWeekDay = need.week > 0 && weekShown.length > 0 ? weekShown[Math.min(need.week, weekShown.length) - 1]!.action.due : '';
  const exactWeek = weekShown.filter((r) => r.action.due <= lastWeekDay);
  const exact = new Set([...exactDue, ...exactWeek]);
  const ids = [...new Set([...exact].filter((r) => r.band).map((r) => r.action.customerId))];
  const scores = new Map<string, Score>();
  (await scoresRepo(db).bulkGet(ids)).forEach((s, i) => s && scores.set(ids[i]!, s));
  for (const r of exact) {
    const s = scores.get(r.action.customerId);
    if (s) r.score = s;
  }
  exactDue.sort(compareQueue);
  exactWeek.sort(compareQueue);
  const byDay = (a: Row, b: Row): number => a.action.due.localeCompare(b.action.due) || compareQueue(a, b);
  const shown = [...exactDue.slice(0, need.due), ...[...exactWeek].sort(byDay).slice(0, need.week)];
  // Every row, whatever the filters (the view filters at once, so its counts never wait for a
  // read): the exact ones first in queue order, the rest in coarse order after them — a filtered-out
  // row is never shown, and a kept one outside the exact set comes after every exact one.
  const rest = (rows: Row[]): Row[] => rows.filter((r) => !exact.has(r));
  // queue order throughout (plan.ts sorts the week by day, keeping this order within a day)
  const ranked: RankedAction[] = [...exactDue, ...rest(due), ...exactWeek, ...rest(week)].map((r) => ({
    action: r.action,
    ...(r.score
      ? { score: { tier: r.score.tier, risk: r.score.risk, riskScore: r.score.riskScore } }
      : r.band
        ? { score: { tier: r.band.tier, risk: r.band.risk } }
        : {}),
    keyAccountAtRisk: r.keyAccountAtRisk,
  }));
  return {
    ranked,
    known: await customerRefs(
      db,
      shown.map((r) => r.action.customerId),
    ),
    total: actions.length,
  };
}
