/**
 * Materialising scores. `rescoreAll` reads the whole book with bulk reads (one per table, no
 * per-customer queries), fits the book model (BG/NBD + Gamma-Gamma, calibration end = asOf),
 * scores every customer, writes scores and open actions in chunked transactions (keeping the
 * user's done / dismissed / snoozed statuses) and stores the model in meta 'bookModel'.
 * `rescoreCustomer` is the incremental path after a quick-log or an action update: the stored
 * model, one customer's rows read through the customerId indexes.
 */
import type { AppDB } from '../db/app-db';
import { transact } from '../db/repo';
import { actionsRepo, planActions, type ActionPlan } from '../db/repos/actions';
import { bookRepo } from '../db/repos/book';
import { customersRepo } from '../db/repos/customers';
import { scoresRepo } from '../db/repos/scores';
import type { Action, Goal, Score } from '../schemas/domain';
import type { ScoringSettings, Settings } from '../schemas/settings';
import { groupHistories, horizonOf, scoreBook, scoreCustomerDetailed } from '../scoring/index';
import { riskModelFits } from '../scoring/risk';

/** Customers written per transaction. */
export const RESCORE_CHUNK = 2_000;

/** Accepts the whole settings object (what handlers load) or only its scoring part. */
export const scoringOf = (s: ScoringSettings | Settings): ScoringSettings => ('scoring' in s ? s.scoring : s);

const activeGoals = (goals: readonly Goal[], asOf: string): Goal[] => goals.filter((g) => !g.archived && g.periodStart <= asOf && asOf < g.periodEnd);

export async function rescoreAll(
  db: AppDB,
  settingsIn: ScoringSettings | Settings,
  asOf: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ customers: number; ms: number }> {
  const started = performance.now();
  const settings = scoringOf(settingsIn);
  const book = await bookRepo(db).readAll();
  const histories = groupHistories(book);
  const { model, scores, ranked } = scoreBook(histories, settings, asOf, { goals: activeGoals(book.goals, asOf) });
  const total = scores.length;
  onProgress?.(0, total);
  const now = Date.now();
  const liveIds = new Set(book.customers.map((c) => c.id));
  for (let from = 0; from < total; from += RESCORE_CHUNK) {
    const to = Math.min(total, from + RESCORE_CHUNK);
    const plan: ActionPlan = { put: [], remove: [] };
    for (let i = from; i < to; i++) {
      const p = planActions(histories[i]!.customer.id, histories[i]!.actions, ranked[i]!, asOf, now);
      plan.put.push(...p.put);
      plan.remove.push(...p.remove);
    }
    await transact(db, 'rw', ['scores', 'actions'], async () => {
      await scoresRepo(db).putMany(scores.slice(from, to));
      await actionsRepo(db).apply(plan);
    });
    onProgress?.(to, total);
  }
  // Scores and open actions of customers that no longer exist (deleted / restored book).
  await transact(db, 'rw', ['scores', 'actions', 'meta'], async () => {
    const staleScores = (await scoresRepo(db).ids()).filter((id) => !liveIds.has(id));
    await scoresRepo(db).bulkDelete(staleScores);
    const staleActions = book.actions.filter((a: Action) => !liveIds.has(a.customerId) && a.status === 'open').map((a) => a.id);
    await actionsRepo(db).bulkDelete(staleActions);
    await scoresRepo(db).putModel(model);
  });
  return { customers: total, ms: performance.now() - started };
}

/**
 * Rescore one customer with the stored book model (a full rescore first when none is stored).
 * Returns null for an unknown customer.
 */
export async function rescoreCustomer(db: AppDB, customerId: string, settingsIn: ScoringSettings | Settings, asOf: string): Promise<Score | null> {
  const settings = scoringOf(settingsIn);
  const stored = await scoresRepo(db).getModel();
  // a model from an older version, or fitted for another horizon, is refitted, never misread
  const model = stored && riskModelFits(stored.risk, horizonOf(settings)) ? stored : undefined;
  if (!model) {
    if (!(await customersRepo(db).get(customerId))) return null;
    await rescoreAll(db, settings, asOf);
    return (await scoresRepo(db).get(customerId)) ?? null;
  }
  const { history, goals } = await bookRepo(db).customerHistory(customerId);
  if (!history) return null;
  const { score, ranked } = scoreCustomerDetailed(history, model, settings, asOf, { goals: activeGoals(goals, asOf) });
  const plan = planActions(customerId, history.actions, ranked, asOf, Date.now());
  await transact(db, 'rw', ['scores', 'actions'], async () => {
    await scoresRepo(db).put(score);
    await actionsRepo(db).apply(plan);
  });
  return score;
}
