/**
 * The expanded card of a CRM record, for the extension-origin iframe the overlay opens
 * (entrypoints/card). The iframe never names a record: it asks for "the card of the record in my
 * tab", and the background answers from the binding of its tab's top frame (an exact match of
 * the tab's tenant), checked against the tab's URL now. With it: the risk trend of the last 12
 * weeks and what changed since last week, from the score history; the day of the first score;
 * whether the customer came with the sample book.
 */
import type { AppDB } from '../db/app-db';
import { actionQueue } from '../db/repos/action-queue';
import { customersRepo } from '../db/repos/customers';
import { interactionsRepo } from '../db/repos/history';
import { scoreHistoryRepo } from '../db/repos/score-history';
import { sampleRepo } from '../db/repos/sample';
import { scoresRepo } from '../db/repos/scores';
import { addDays, isoOfMs } from '../clock';
import { CodedError } from '../messaging/errors';
import type { CardData, CardTrendPoint, FactorChange } from '../messaging/protocol';
import type { Sender } from '../messaging/router';
import type { Score, ScoreFactor } from '../schemas/domain';
import type { ScoreHistoryRow } from '../schemas/history';
import type { Settings } from '../schemas/settings';
import { recordOfUrl } from './overlay-resolve';
import { tabBindings } from './overlay-guard';
import { sameRecord, TOP_FRAME } from './overlay-tabs';

export const TREND_WEEKS = 12;
/** A factor change smaller than this (points) is noise, not news. */
const MIN_CHANGE = 1;
const MAX_CHANGES = 5;

/** Weekly risk points, oldest first: the last history row on or before each week's day, today's score last. */
export function weeklyTrend(rows: readonly ScoreHistoryRow[], score: Score, asOf: string): CardTrendPoint[] {
  const out: CardTrendPoint[] = [];
  for (let w = TREND_WEEKS - 1; w >= 1; w--) {
    const day = addDays(asOf, -7 * w);
    let row: ScoreHistoryRow | undefined;
    for (const r of rows) if (r.date <= day) row = r;
    if (row) out.push({ date: day, riskScore: row.riskScore, ...(row.churnRisk !== undefined ? { churnRisk: row.churnRisk } : {}) });
  }
  out.push({ date: asOf, riskScore: score.riskScore, ...(score.churnRisk !== undefined ? { churnRisk: score.churnRisk } : {}) });
  return out;
}

/** Factor points now minus a week ago, largest move first; factors that came or went count from 0. */
export function factorChanges(now: readonly ScoreFactor[], before: readonly ScoreFactor[]): FactorChange[] {
  const was = new Map(before.map((f) => [f.id, f.points]));
  const ids = new Set([...now.map((f) => f.id), ...before.map((f) => f.id)]);
  const current = new Map(now.map((f) => [f.id, f]));
  const out: FactorChange[] = [];
  for (const id of ids) {
    const delta = (current.get(id)?.points ?? 0) - (was.get(id) ?? 0);
    if (Math.abs(delta) < MIN_CHANGE) continue;
    const params = current.get(id)?.params ?? before.find((f) => f.id === id)?.params;
    out.push({ id, delta, ...(params ? { params } : {}) });
  }
  return out.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.id.localeCompare(b.id)).slice(0, MAX_CHANGES);
}

/** The card of the record the sender's tab shows (the sender: the card iframe, an extension page in that tab). */
export async function cardOf(db: AppDB, sender: Sender, settings: Settings, asOf: string): Promise<CardData> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) throw new CodedError('overlay.not-a-record');
  const binding = tabBindings.get(tabId, TOP_FRAME);
  const now = sender.tab?.url ? recordOfUrl(sender.tab.url, settings.crm.customDomains) : binding?.record;
  if (!binding?.customerId || !now || !sameRecord(binding.record, now)) throw new CodedError('overlay.not-this-record');
  const customer = await customersRepo(db).get(binding.customerId);
  const score = customer && (await scoresRepo(db).get(customer.id));
  if (!customer || !score) throw new CodedError('overlay.not-this-record');
  const history = scoreHistoryRepo(db);
  // All of the customer's history (kept about 13 months): the trend carries a row older than its
  // 12 weeks forward, and the oldest row is the day they were first scored.
  const [rows, weekAgo, actions, recent, mark] = await Promise.all([
    history.forCustomer(customer.id),
    history.at(customer.id, addDays(asOf, -7)),
    actionQueue(db).openFor(customer.id, asOf),
    interactionsRepo(db).recent(customer.id, asOf, 30),
    sampleRepo(db).mark(),
  ]);
  return {
    asOf,
    customer: { id: customer.id, name: customer.name },
    score,
    actions,
    openNextSteps: recent
      .filter((i) => i.nextStep && (!i.nextStepDue || i.nextStepDue >= asOf))
      .slice(0, 3)
      .map((i) => ({ text: i.nextStep!, ...(i.nextStepDue ? { due: i.nextStepDue } : {}) })),
    trend: weeklyTrend(rows, score, asOf),
    firstScored: rows[0]?.date ?? isoOfMs(score.computedAt),
    sample: mark?.customerIds.includes(customer.id) ?? false,
    ...(weekAgo
      ? { lastWeek: { date: weekAgo.date, riskScore: weekAgo.riskScore, tier: weekAgo.tier, changes: factorChanges(score.reasons, weekAgo.reasons) } }
      : {}),
  };
}
