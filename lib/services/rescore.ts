/**
 * Materialising scores. `rescoreAll` reads the whole book with bulk reads (one per table, no
 * per-customer queries), fits the book model (BG/NBD + Gamma-Gamma, calibration end = asOf),
 * scores every customer, writes scores and open actions in chunked transactions (keeping the
 * user's done / dismissed / snoozed statuses) and stores the model in meta 'bookModel'.
 * `rescoreCustomer` is the incremental path after a quick-log or an action update: the stored
 * model, one customer's rows read through the customerId indexes.
 */
import type { AppDB } from '../db/app-db';
import { actionsRepo, planActions, type ActionPlan } from '../db/repos/actions';
import { scoresRepo } from '../db/repos/scores';
import type { Action, Goal, Score } from '../schemas/domain';
import type { ScoringSettings, Settings } from '../schemas/settings';
import { groupHistories, scoreBook, scoreCustomerDetailed } from '../scoring/index';
import type { CustomerHistory } from '../scoring/types';

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
  const tables = [db.customers, db.transactions, db.interactions, db.feedback, db.contacts, db.actions, db.goals];
  const book = await db.transaction('r', tables, async () => {
    const [customers, transactions, interactions, feedback, contacts, actions, goals] = await Promise.all([
      db.customers.toArray(),
      db.transactions.toArray(),
      db.interactions.toArray(),
      db.feedback.toArray(),
      db.contacts.toArray(),
      db.actions.toArray(),
      db.goals.toArray(),
    ]);
    return { customers, transactions, interactions, feedback, contacts, actions, goals };
  });
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
    await db.transaction('rw', [db.scores, db.actions], async () => {
      await scoresRepo.putMany(db, scores.slice(from, to));
      await actionsRepo.apply(db, plan);
    });
    onProgress?.(to, total);
  }
  // Scores and open actions of customers that no longer exist (deleted / restored book).
  await db.transaction('rw', [db.scores, db.actions, db.meta], async () => {
    const staleScores = (await db.scores.toCollection().primaryKeys()).filter((id) => !liveIds.has(id));
    if (staleScores.length) await db.scores.bulkDelete(staleScores);
    const staleActions = book.actions.filter((a: Action) => !liveIds.has(a.customerId) && a.status === 'open').map((a) => a.id);
    if (staleActions.length) await db.actions.bulkDelete(staleActions);
    await scoresRepo.putModel(db, model);
  });
  return { customers: total, ms: performance.now() - started };
}

/** One customer's history through the customerId indexes. */
async function loadHistory(db: AppDB, customerId: string): Promise<{ history: CustomerHistory | null; goals: Goal[] }> {
  return db.transaction('r', [db.customers, db.transactions, db.interactions, db.feedback, db.contacts, db.actions, db.goals], async () => {
    const customer = await db.customers.get(customerId);
    if (!customer) return { history: null, goals: [] };
    const [transactions, interactions, feedback, contacts, actions, goals] = await Promise.all([
      db.transactions.where('customerId').equals(customerId).toArray(),
      db.interactions.where('customerId').equals(customerId).toArray(),
      db.feedback.where('customerId').equals(customerId).toArray(),
      db.contacts.where('customerId').equals(customerId).toArray(),
      db.actions.where('customerId').equals(customerId).toArray(),
      db.goals.toArray(),
    ]);
    return { history: { customer, transactions, interactions, feedback, contacts, actions }, goals };
  });
}

/**
 * Rescore one customer with the stored book model (a full rescore first when none is stored).
 * Returns null for an unknown customer.
 */
export async function rescoreCustomer(db: AppDB, customerId: string, settingsIn: ScoringSettings | Settings, asOf: string): Promise<Score | null> {
  const settings = scoringOf(settingsIn);
  const model = await scoresRepo.getModel(db);
  if (!model) {
    if (!(await db.customers.get(customerId))) return null;
    await rescoreAll(db, settings, asOf);
    return (await scoresRepo.get(db, customerId)) ?? null;
  }
  const { history, goals } = await loadHistory(db, customerId);
  if (!history) return null;
  const { score, ranked } = scoreCustomerDetailed(history, model, settings, asOf, { goals: activeGoals(goals, asOf) });
  const plan = planActions(customerId, history.actions, ranked, asOf, Date.now());
  await db.transaction('rw', [db.scores, db.actions], async () => {
    await db.scores.put(score);
    await actionsRepo.apply(db, plan);
  });
  return score;
}
