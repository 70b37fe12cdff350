/**
 * Materialising scores. `rescoreAll` walks the book chunk by chunk (lib/db/repos/book.ts), three
 * passes as lib/scoring/book-scorer.ts needs them, so the service worker never holds the whole
 * book; each scored chunk is written in one transaction that re-reads the chunk's actions, so a
 * decision the user made while the rescore ran is merged, not overwritten. Alongside: a history
 * row for every score that changed (and a weekly row for everyone), "expired unseen" outcomes for
 * recommendations that fell due and went away without a decision, the follow-up risk of done
 * actions four weeks on, the stored book model, and the risk back-test.
 * `rescoreCustomer` is the incremental path after a quick-log or an action update: the stored
 * model, a few customers' rows read at once through the customerId indexes (bookRepo.histories), written in one transaction. See docs/scoring.md.
 */
import { daysBetween } from '../clock';
import type { AppDB } from '../db/app-db';
import { transact } from '../db/repo';
import { actionsRepo, planActions } from '../db/repos/actions';
import { bookRepo } from '../db/repos/book';
import { customersRepo } from '../db/repos/customers';
import { goalsRepo } from '../db/repos/goals';
import { outcomesRepo } from '../db/repos/outcomes';
import { changed, historyRow, scoreHistoryRepo } from '../db/repos/score-history';
import { scoresRepo } from '../db/repos/scores';
import type { Action, Goal, Score } from '../schemas/domain';
import type { ActionOutcomeRow } from '../schemas/history';
import type { ScoringSettings, Settings } from '../schemas/settings';
import { learnAcceptance, type AcceptanceModel, type ActionOutcome } from '../scoring/acceptance';
import { scoreBookChunked, scoreCustomerDetailed, type ScoredCustomer } from '../scoring/book';
import { backtestRiskChunked } from '../scoring/book-backtest';
import { horizonOf } from '../scoring/index';
import { riskModelFits } from '../scoring/risk';

/** Customers read, scored and written per chunk. */
export const RESCORE_CHUNK = 2_000;
/** Everyone gets a history row at least this often, so a week ago always has a point. */
const WEEKLY_DAYS = 7;

/** Accepts the whole settings object (what handlers load) or only its scoring part. */
export const scoringOf = (s: ScoringSettings | Settings): ScoringSettings => ('scoring' in s ? s.scoring : s);

const activeGoals = (goals: readonly Goal[], asOf: string): Goal[] => goals.filter((g) => !g.archived && g.periodStart <= asOf && asOf < g.periodEnd);

/** What the rep did with earlier recommendations, as the scorer's learning input. */
async function acceptanceOf(db: AppDB): Promise<AcceptanceModel> {
  const rows = await outcomesRepo(db).all();
  return learnAcceptance(rows.map((o): ActionOutcome => ({ kind: o.kind, tier: o.tier, outcome: o.outcome, date: o.date })));
}

export const outcomeRow = (a: Action, score: Score, outcome: ActionOutcomeRow['outcome'], date: string, reason?: string): ActionOutcomeRow => ({
  id: `${a.id}|${date}|${outcome}`,
  customerId: a.customerId,
  actionId: a.id,
  kind: a.kind,
  tier: score.tier,
  outcome,
  date,
  ...(reason ? { reason } : {}),
  ...(score.churnRisk !== undefined ? { riskBefore: score.churnRisk } : {}),
});

/** Write one customer's new score, actions, history and outcomes (inside the caller's transaction). */
async function writeScored(
  db: AppDB,
  scored: ScoredCustomer,
  before: Score | undefined,
  actions: readonly Action[],
  asOf: string,
  now: number,
  weekly: boolean,
): Promise<void> {
  const { score, ranked } = scored;
  const plan = planActions(score.customerId, actions, ranked, asOf, now);
  await scoresRepo(db).put(score);
  await actionsRepo(db).apply(plan);
  if (weekly || changed(before, score)) await scoreHistoryRepo(db).putMany([historyRow(score, asOf)]);
  if (plan.expired.length) await outcomesRepo(db).add(plan.expired.map((a) => outcomeRow(a, score, 'expired', asOf)));
}

const WRITE_TABLES = ['scores', 'actions', 'scoreHistory', 'actionOutcomes'] as const;

/** Write scored customers in one transaction that re-reads their actions: a decision made while they were scored wins. */
async function writeChunk(db: AppDB, scored: readonly ScoredCustomer[], asOf: string, now: number, weekly: boolean): Promise<void> {
  const ids = scored.map((s) => s.score.customerId);
  await transact(db, 'rw', WRITE_TABLES, async () => {
    const before = await scoresRepo(db).bulkGet(ids);
    const actions = await Promise.all(ids.map((id) => actionsRepo(db).forCustomer(id)));
    for (let i = 0; i < scored.length; i++) await writeScored(db, scored[i]!, before[i], actions[i]!, asOf, now, weekly);
  });
}

export async function rescoreAll(
  db: AppDB,
  settingsIn: ScoringSettings | Settings,
  asOf: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ customers: number; ms: number }> {
  const started = performance.now();
  const settings = scoringOf(settingsIn);
  const total = await customersRepo(db).count();
  const context = { goals: activeGoals(await goalsRepo(db).all(), asOf), acceptance: await acceptanceOf(db) };
  const lastWeekly = await scoresRepo(db).historyWeek();
  const weekly = lastWeekly === undefined || daysBetween(lastWeekly, asOf) >= WEEKLY_DAYS;
  const chunks = () => bookRepo(db).chunks(RESCORE_CHUNK);
  const seen = new Set<string>();
  const now = Date.now();
  let done = 0;
  onProgress?.(0, total);
  const model = await scoreBookChunked(settings, asOf, chunks, context, async (scored) => {
    await writeChunk(db, scored, asOf, now, weekly);
    for (const s of scored) seen.add(s.score.customerId);
    done += scored.length;
    onProgress?.(done, Math.max(total, done));
  });
  await transact(db, 'rw', ['customers', 'scores', 'actions', 'meta', 'scoreHistory', 'actionOutcomes'], async () => {
    // scores and open actions of customers that no longer exist — never of one added meanwhile
    const gone: string[] = [];
    for (const id of await scoresRepo(db).ids()) if (!seen.has(id) && !(await customersRepo(db).get(id))) gone.push(id);
    await scoresRepo(db).bulkDelete(gone);
    const goneSet = new Set(gone);
    const orphans = (await actionsRepo(db).all()).filter((a) => a.status === 'open' && goneSet.has(a.customerId));
    await actionsRepo(db).bulkDelete(orphans.map((a) => a.id));
    await scoresRepo(db).putModel(model);
    if (weekly) await scoresRepo(db).putHistoryWeek(asOf);
    await scoreHistoryRepo(db).prune(asOf);
    // did risk fall after done actions? read it four weeks on
    const due = await outcomesRepo(db).awaitingFollowUp(asOf);
    const later = await scoresRepo(db).bulkGet(due.map((o) => o.customerId));
    await outcomesRepo(db).add(due.flatMap((o, i) => (later[i]?.churnRisk !== undefined ? [{ ...o, riskAfter: later[i]!.churnRisk }] : [])));
  });
  // "How good is my risk score?": the same passes one horizon back, after the scores are written
  await scoresRepo(db).putBacktest(await backtestRiskChunked(settings, asOf, chunks));
  return { customers: done, ms: performance.now() - started };
}

/**
 * Rescore one customer with the stored book model (a full rescore first when none is stored, or
 * when it was fitted by another version or for another horizon). Returns null for an unknown customer.
 */
export async function rescoreCustomer(db: AppDB, customerId: string, settingsIn: ScoringSettings | Settings, asOf: string): Promise<Score | null> {
  return (await rescoreCustomers(db, [customerId], settingsIn, asOf)).get(customerId) ?? null;
}

/**
 * Rescore a few customers against the stored book model (a sync's changes, a quick-log): the model,
 * the goals and what the rep's outcomes taught are read once for all of them — reading every
 * outcome per customer made an incremental sync of 100 changes take as long as the book was big.
 */
export async function rescoreCustomers(
  db: AppDB,
  customerIds: readonly string[],
  settingsIn: ScoringSettings | Settings,
  asOf: string,
): Promise<Map<string, Score>> {
  const settings = scoringOf(settingsIn);
  const out = new Map<string, Score>();
  if (!customerIds.length) return out;
  const stored = await scoresRepo(db).getModel();
  const model = stored && riskModelFits(stored.risk, horizonOf(settings)) ? stored : undefined;
  if (!model) {
    if (!(await customersRepo(db).getStored(customerIds)).some(Boolean)) return out;
    await rescoreAll(db, settings, asOf);
    for (const s of await scoresRepo(db).bulkGet([...customerIds])) if (s) out.set(s.customerId, s);
    return out;
  }
  const acceptance = await acceptanceOf(db);
  const goals = activeGoals(await goalsRepo(db).all(), asOf);
  // In chunks, each read in one transaction and written in one: per-customer transactions made a
  // sync's 100 changed customers take seconds.
  for (let from = 0; from < customerIds.length; from += RESCORE_CHUNK) {
    const histories = await bookRepo(db).histories(customerIds.slice(from, from + RESCORE_CHUNK));
    const scored = histories.map((h) => scoreCustomerDetailed(h, model, settings, asOf, { goals, acceptance }));
    await writeChunk(db, scored, asOf, Date.now(), false);
    for (const s of scored) out.set(s.score.customerId, s.score);
  }
  return out;
}

/** The day a stored model was fitted, for the daily rescore (null when none). */
export async function modelDay(db: AppDB): Promise<string | null> {
  return (await scoresRepo(db).getModel())?.asOf ?? null;
}
