/**
 * The side panel's reads. Each is one indexed query (or a bounded set of them) so a
 * `useLiveQuery` over a book of 10,000 customers stays cheap; only the KPI/goal book read
 * loads whole tables, once per data change, and only while those views are open.
 */
import Dexie from 'dexie';
import type { AppDB } from '../db/app-db';
import { fromStoredCustomer } from '../db/app-db';
import type { Action, Contact, Customer, Feedback, Interaction, Score, Transaction } from '../schemas/domain';
import { TIERS, type Tier } from '../schemas/enums';
import type { ScoringSettings } from '../schemas/settings';
import { planSnapshots, SNAPSHOT_KEY, tierMoves, type TierMove, type TierSnapshot } from './pyramid';

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

/** Where the full rescore stores what it learnt from the book (lib/scoring/types BookModel). */
export const BOOK_MODEL_KEY = 'bookModel';

/** Everything the KPI and goal computations need, read in one transaction. */
export async function loadBook(db: AppDB, scoring?: Book['scoring']): Promise<Book> {
  return db.transaction('r', [db.customers, db.transactions, db.interactions, db.feedback, db.scores, db.meta], async () => {
    const [customers, transactions, interactions, feedback, scores, model] = await Promise.all([
      db.customers.toArray(),
      db.transactions.toArray(),
      db.interactions.toArray(),
      db.feedback.toArray(),
      db.scores.toArray(),
      db.meta.get(BOOK_MODEL_KEY),
    ]);
    const modelAsOf = (model?.value as { asOf?: unknown } | undefined)?.asOf;
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
export async function listSegments(db: AppDB): Promise<string[]> {
  const keys = await db.customers.orderBy('segment').uniqueKeys();
  return keys.map(String).filter((s) => s.length > 0);
}

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

export async function loadCustomerProfile(db: AppDB, customerId: string): Promise<CustomerProfile | null> {
  const row = await db.customers.get(customerId);
  if (!row) return null;
  const [score, contacts, interactions, feedback, transactions, open, snoozed] = await Promise.all([
    db.scores.get(customerId),
    db.contacts.where('customerId').equals(customerId).toArray(),
    db.interactions.where('[customerId+date]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey]).reverse().toArray(),
    db.feedback.where('customerId').equals(customerId).toArray(),
    db.transactions.where('[customerId+date]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey]).toArray(),
    db.actions.where('[customerId+status]').equals([customerId, 'open']).toArray(),
    db.actions.where('[customerId+status]').equals([customerId, 'snoozed']).toArray(),
  ]);
  const lastPurchase = transactions.filter((t) => t.amount > 0).at(-1);
  return {
    customer: fromStoredCustomer(row),
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

export async function loadPyramid(db: AppDB): Promise<PyramidData> {
  const [scores, meta] = await Promise.all([db.scores.toArray(), db.meta.get(SNAPSHOT_KEY)]);
  return {
    scores: scores.map((s) => ({ customerId: s.customerId, tier: s.tier, clv: s.clv })),
    snapshots: Array.isArray(meta?.value) ? (meta.value as TierSnapshot[]) : [],
  };
}

/** Take this week's tier snapshot if due (a write: call it outside liveQuery) and return the moves. */
export async function recordTierSnapshot(db: AppDB, asOf: string): Promise<{ baseline: TierSnapshot | null; moves: TierMove[] }> {
  return db.transaction('rw', [db.scores, db.meta], async () => {
    const { scores, snapshots } = await loadPyramid(db);
    const current: Record<string, Tier> = {};
    for (const s of scores) current[s.customerId] = s.tier;
    const plan = planSnapshots(snapshots, current, asOf);
    if (plan.changed && scores.length) await db.meta.put({ key: SNAPSHOT_KEY, value: plan.keep });
    return { baseline: plan.baseline, moves: tierMoves(plan.baseline, current) };
  });
}

/** Customer names for a set of ids (virtualised lists ask for the rows they show). */
export async function namesOf(db: AppDB, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.customers.bulkGet([...ids]);
  return new Map(rows.filter((r) => r !== undefined).map((r) => [r.id, r.name]));
}

/** Counts per tier from the tier index, without reading score rows. */
export async function tierCounts(db: AppDB): Promise<Record<Tier, number>> {
  const counts = await Promise.all(TIERS.map((t) => db.scores.where('tier').equals(t).count()));
  return Object.fromEntries(TIERS.map((t, i) => [t, counts[i]!])) as Record<Tier, number>;
}

/** Customers whose name starts with the query (any case), or whose id is the query. */
export async function searchCustomers(db: AppDB, query: string, limit: number): Promise<Customer[]> {
  const q = query.trim();
  if (!q) return [];
  const [byId, byName] = await Promise.all([db.customers.get(q), db.customers.where('name').startsWithIgnoreCase(q).limit(limit).toArray()]);
  const rows = byId ? [byId, ...byName.filter((r) => r.id !== byId.id)] : byName;
  return rows.slice(0, limit).map(fromStoredCustomer);
}
