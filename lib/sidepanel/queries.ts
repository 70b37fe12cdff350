/**
 * The side panel's reads. Each is one indexed query (or a bounded set of them) so a
 * `useLiveQuery` over a book of 10,000 customers stays cheap; only the KPI/goal book read
 * loads whole tables, once per data change, and only while those views are open.
 */
import type { ReadDb } from '../db/read-db';
import { fromStoredCustomer } from '../db/stored';
import { readTogether } from '../db/repo';
import { actionsRepo } from '../db/repos/actions';
import { customersRepo } from '../db/repos/customers';
import { contactsRepo, feedbackRepo, interactionsRepo, transactionsRepo } from '../db/repos/history';
import { metaRepo } from '../db/repos/meta';
import { scoresRepo } from '../db/repos/scores';
import type { Action, Contact, Customer, Feedback, Interaction, Score, Transaction } from '../schemas/domain';
import type { Tier } from '../schemas/enums';
import type { ScoringSettings } from '../schemas/settings';
import { SNAPSHOT_KEY, type TierSnapshot } from './pyramid';

/** The KPI book (lib/scoring/kpis) as the side panel reads it from Dexie. */
export interface Book {
  customers: Customer[];
  transactions: Transaction[];
  interactions: Interaction[];
  feedback: Feedback[];
  clvByCustomer: Map<string, number>;
  /** The date the stored CLVs were modelled as of (the last full rescore), when known. */
  clvAsOf?: string;
  /** Current tier per customer (for tier-scoped goals and CLV by tier). */
  tierByCustomer: Map<string, Tier>;
  scoring?: Pick<ScoringSettings, 'clvHorizonMonths' | 'annualDiscountRate' | 'tierThresholds'>;
}

/** Everything the KPI and goal computations need, read in one transaction. */
export async function loadBook(db: ReadDb, scoring?: Book['scoring']): Promise<Book> {
  return readTogether(db, ['customers', 'transactions', 'interactions', 'feedback', 'scores', 'meta'], async () => {
    const [customers, transactions, interactions, feedback, scores, model] = await Promise.all([
      customersRepo(db).all(),
      transactionsRepo(db).all(),
      interactionsRepo(db).all(),
      feedbackRepo(db).all(),
      scoresRepo(db).all(),
      scoresRepo(db).getModel(),
    ]);
    const modelAsOf = (model as { asOf?: unknown } | undefined)?.asOf;
    return {
      clvAsOf: typeof modelAsOf === 'string' ? modelAsOf : undefined,
      scoring,
      customers: customers.map(fromStoredCustomer),
      transactions,
      interactions,
      feedback,
      clvByCustomer: new Map(scores.map((s) => [s.customerId, s.clv])),
      tierByCustomer: new Map(scores.map((s) => [s.customerId, s.tier])),
    };
  });
}

/** Distinct customer segments (for goal scopes), from the segment index without loading rows. */
export const listSegments = (db: ReadDb): Promise<string[]> => customersRepo(db).segments();

export interface CustomerProfile {
  customer: Customer;
  score: Score | undefined;
  contacts: Contact[];
  /** Newest first. */
  interactions: Interaction[];
  /** Newest first. */
  feedback: Feedback[];
  purchases: { count: number; total: number; last?: string; currency?: string };
  /** Open and snoozed actions, soonest first. */
  actions: Action[];
  /** Next steps promised in interactions, not yet past… or past and overdue: soonest first. */
  nextSteps: { text: string; due?: string; date: string }[];
}

export async function loadCustomerProfile(db: ReadDb, customerId: string): Promise<CustomerProfile | null> {
  const customer = await customersRepo(db).get(customerId);
  if (!customer) return null;
  const [score, contacts, interactions, feedback, transactions, open, snoozed] = await Promise.all([
    scoresRepo(db).get(customerId),
    contactsRepo(db).forCustomer(customerId),
    interactionsRepo(db).forCustomer(customerId),
    feedbackRepo(db).forCustomer(customerId),
    transactionsRepo(db).forCustomer(customerId),
    actionsRepo(db).withStatus(customerId, 'open'),
    actionsRepo(db).withStatus(customerId, 'snoozed'),
  ]);
  const lastPurchase = transactions.filter((t) => t.amount > 0).at(-1);
  return {
    customer,
    score,
    contacts: contacts.sort((a, b) => Number(b.isDecisionMaker) - Number(a.isDecisionMaker) || a.name.localeCompare(b.name)),
    interactions,
    feedback: feedback.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    purchases: {
      count: new Set(transactions.filter((t) => t.amount > 0).map((t) => t.date)).size,
      total: transactions.reduce((s, t) => s + t.amount, 0),
      last: lastPurchase?.date,
      currency: transactions.find((t) => t.currency)?.currency,
    },
    actions: [...open, ...snoozed].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0)),
    nextSteps: interactions
      .filter((i) => i.nextStep)
      .map((i) => ({ text: i.nextStep!, due: i.nextStepDue, date: i.date }))
      .sort((a, b) => ((a.due ?? '9999') < (b.due ?? '9999') ? -1 : 1))
      .slice(0, 10),
  };
}

export interface PyramidData {
  scores: { customerId: string; tier: Tier; clv: number }[];
  snapshots: TierSnapshot[];
}

export async function loadPyramid(db: ReadDb): Promise<PyramidData> {
  const [scores, snapshots] = await Promise.all([scoresRepo(db).all(), metaRepo(db).get(SNAPSHOT_KEY)]);
  return {
    scores: scores.map((s) => ({ customerId: s.customerId, tier: s.tier, clv: s.clv })),
    snapshots: Array.isArray(snapshots) ? (snapshots as TierSnapshot[]) : [],
  };
}

/** Customer names for a set of ids (virtualised lists ask for the rows they show). */
export const namesOf = (db: ReadDb, ids: readonly string[]): Promise<Map<string, string>> => customersRepo(db).names(ids);

/** Counts per tier from the tier index, without reading score rows. */
export const tierCounts = (db: ReadDb): Promise<Record<Tier, number>> => scoresRepo(db).tierCounts();

/** Customers whose name starts with the query (any case), or whose id is the query. */
export const searchCustomers = (db: ReadDb, query: string, limit: number): Promise<Customer[]> => customersRepo(db).search(query, limit);
