/**
 * The book arranged for KPIs over many periods (a 12-period trend, goal series): purchase days,
 * feedback and interactions as day numbers sorted by day, customers as small integers. A period's
 * KPIs then read only the rows inside it (binary search) instead of the whole book, and the
 * per-day purchase sums are done once. Built once per book (memoised on its arrays).
 *
 * Purchase days: one per customer per day whose amounts sum to more than 0 (a refund lowers
 * monetary value, it is not a purchase) — the rule of kpis.ts and the BG/NBD summary.
 */
import { dayOf } from '../clock';
import type { Feedback, Interaction, Transaction } from '../schemas/domain';

export interface KpiIndex {
  /** Customer id of each integer. */
  ids: string[];
  idOf: Map<string, number>;
  /** Purchase days sorted by day: the day and the customer. */
  purchaseDay: Int32Array;
  purchaseCustomer: Int32Array;
  /** First purchase day per customer (NaN when never bought). */
  firstDay: Float64Array;
  /** Feedback sorted by day: kind 0 csat, 1 nps, 2 complaint; score NaN when absent. */
  feedbackDay: Int32Array;
  feedbackCustomer: Int32Array;
  feedbackKind: Uint8Array;
  feedbackScore: Float64Array;
  /** Interactions sorted by day. */
  interactionDay: Int32Array;
  interactionCustomer: Int32Array;
}

interface Source {
  transactions: readonly Transaction[];
  interactions: readonly Interaction[];
  feedback: readonly Feedback[];
  /** The index built already (the side panel reads the one the background stores): used as is. */
  index?: KpiIndex;
}

const memo = new WeakMap<readonly Transaction[], { interactions: readonly Interaction[]; feedback: readonly Feedback[]; index: KpiIndex }>();

/** The index of a book, built once per set of arrays. */
export function kpiIndex(book: Source): KpiIndex {
  if (book.index) return book.index;
  const hit = memo.get(book.transactions);
  if (hit && hit.interactions === book.interactions && hit.feedback === book.feedback) return hit.index;
  const index = buildIndex(book);
  memo.set(book.transactions, { interactions: book.interactions, feedback: book.feedback, index });
  return index;
}

/** Row order sorted by a key (stable). */
function orderBy(n: number, key: (i: number) => number): Int32Array {
  const keys = Float64Array.from({ length: n }, (_, i) => key(i));
  return Int32Array.from(Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b));
}

function buildIndex(book: Source): KpiIndex {
  const idOf = new Map<string, number>();
  const ids: string[] = [];
  const intern = (id: string): number => {
    let n = idOf.get(id);
    if (n === undefined) {
      n = ids.length;
      idOf.set(id, n);
      ids.push(id);
    }
    return n;
  };

  // Net amount per customer-day: sort by (customer, day), sum runs, keep the positive ones.
  const tx = book.transactions;
  const txCustomer = Int32Array.from(tx, (t) => intern(t.customerId));
  const txDay = Int32Array.from(tx, (t) => dayOf(t.date));
  const byCustomerDay = orderBy(tx.length, (i) => txCustomer[i]! * 4_000_000 + txDay[i]!);
  const days: number[] = [];
  const customers: number[] = [];
  for (let k = 0; k < byCustomerDay.length;) {
    const i = byCustomerDay[k]!;
    let sum = 0;
    let j = k;
    while (j < byCustomerDay.length && txCustomer[byCustomerDay[j]!] === txCustomer[i] && txDay[byCustomerDay[j]!] === txDay[i])
      sum += tx[byCustomerDay[j++]!]!.amount;
    if (sum > 0) {
      days.push(txDay[i]!);
      customers.push(txCustomer[i]!);
    }
    k = j;
  }
  const byDay = orderBy(days.length, (i) => days[i]!);
  const purchaseDay = Int32Array.from(byDay, (i) => days[i]!);
  const purchaseCustomer = Int32Array.from(byDay, (i) => customers[i]!);

  const fb = book.feedback;
  const fbOrder = orderBy(fb.length, (i) => dayOf(fb[i]!.date));
  const feedbackDay = Int32Array.from(fbOrder, (i) => dayOf(fb[i]!.date));
  const feedbackCustomer = Int32Array.from(fbOrder, (i) => intern(fb[i]!.customerId));
  const feedbackKind = Uint8Array.from(fbOrder, (i) => (fb[i]!.kind === 'csat' ? 0 : fb[i]!.kind === 'nps' ? 1 : 2));
  const feedbackScore = Float64Array.from(fbOrder, (i) => fb[i]!.score ?? Number.NaN);

  const ix = book.interactions;
  const ixOrder = orderBy(ix.length, (i) => dayOf(ix[i]!.date));
  const interactionDay = Int32Array.from(ixOrder, (i) => dayOf(ix[i]!.date));
  const interactionCustomer = Int32Array.from(ixOrder, (i) => intern(ix[i]!.customerId));

  const firstDay = new Float64Array(ids.length).fill(Number.NaN);
  // purchase days are sorted by day: a customer's first one comes first
  for (let k = 0; k < purchaseDay.length; k++) if (Number.isNaN(firstDay[purchaseCustomer[k]!]!)) firstDay[purchaseCustomer[k]!] = purchaseDay[k]!;

  return {
    ids,
    idOf,
    purchaseDay,
    purchaseCustomer,
    firstDay,
    feedbackDay,
    feedbackCustomer,
    feedbackKind,
    feedbackScore,
    interactionDay,
    interactionCustomer,
  };
}

/** First position in a sorted array whose value is ≥ v. */
export function lowerBound(sorted: Int32Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rows of a day-sorted array inside [from, to) (day numbers): [first, end). */
export const dayRange = (sorted: Int32Array, from: number, to: number): [number, number] => [lowerBound(sorted, from), lowerBound(sorted, to)];

/** Which customers (by integer) a scope keeps; null = everyone. */
export function scopeMask(index: KpiIndex, keep: ((id: string) => boolean) | null): Uint8Array | null {
  if (!keep) return null;
  return Uint8Array.from(index.ids, (id) => (keep(id) ? 1 : 0));
}
