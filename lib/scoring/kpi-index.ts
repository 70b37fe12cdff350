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
import { growableF64, growableI32, growableU8 } from './columns';
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

/**
 * The index built from rows handed in any number of batches (the background reads a big book a page
 * at a time): each row becomes a few numbers at once, so the rows themselves are never all held.
 */
export class KpiIndexBuilder {
  private readonly idOf = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly tx = { customer: growableI32(), day: growableI32(), amount: growableF64() };
  private readonly fb = { customer: growableI32(), day: growableI32(), kind: growableU8(), score: growableF64() };
  private readonly ix = { customer: growableI32(), day: growableI32() };

  private intern(id: string): number {
    let n = this.idOf.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.idOf.set(id, n);
      this.ids.push(id);
    }
    return n;
  }

  addTransactions(rows: readonly Transaction[]): void {
    for (const t of rows) {
      this.tx.customer.push(this.intern(t.customerId));
      this.tx.day.push(dayOf(t.date));
      this.tx.amount.push(t.amount);
    }
  }

  addFeedback(rows: readonly Feedback[]): void {
    for (const f of rows) {
      this.fb.customer.push(this.intern(f.customerId));
      this.fb.day.push(dayOf(f.date));
      this.fb.kind.push(f.kind === 'csat' ? 0 : f.kind === 'nps' ? 1 : 2);
      this.fb.score.push(f.score ?? Number.NaN);
    }
  }

  addInteractions(rows: readonly Interaction[]): void {
    for (const i of rows) {
      this.ix.customer.push(this.intern(i.customerId));
      this.ix.day.push(dayOf(i.date));
    }
  }

  finish(): KpiIndex {
    // Net amount per customer-day: sort by (customer, day), sum runs, keep the positive ones.
    const { customer: txCustomer, day: txDay, amount } = this.tx;
    const byCustomerDay = orderBy(txCustomer.n, (i) => txCustomer.get(i) * 4_000_000 + txDay.get(i));
    const days: number[] = [];
    const customers: number[] = [];
    for (let k = 0; k < byCustomerDay.length;) {
      const i = byCustomerDay[k]!;
      let sum = 0;
      let j = k;
      while (j < byCustomerDay.length && txCustomer.get(byCustomerDay[j]!) === txCustomer.get(i) && txDay.get(byCustomerDay[j]!) === txDay.get(i))
        sum += amount.get(byCustomerDay[j++]!);
      if (sum > 0) {
        days.push(txDay.get(i));
        customers.push(txCustomer.get(i));
      }
      k = j;
    }
    const byDay = orderBy(days.length, (i) => days[i]!);
    const purchaseDay = Int32Array.from(byDay, (i) => days[i]!);
    const purchaseCustomer = Int32Array.from(byDay, (i) => customers[i]!);

    const fb = this.fb;
    const fbOrder = orderBy(fb.day.n, (i) => fb.day.get(i));
    const ix = this.ix;
    const ixOrder = orderBy(ix.day.n, (i) => ix.day.get(i));

    const firstDay = new Float64Array(this.ids.length).fill(Number.NaN);
    // purchase days are sorted by day: a customer's first one comes first
    for (let k = 0; k < purchaseDay.length; k++) if (Number.isNaN(firstDay[purchaseCustomer[k]!]!)) firstDay[purchaseCustomer[k]!] = purchaseDay[k]!;

    return {
      ids: this.ids,
      idOf: this.idOf,
      purchaseDay,
      purchaseCustomer,
      firstDay,
      feedbackDay: Int32Array.from(fbOrder, (i) => fb.day.get(i)),
      feedbackCustomer: Int32Array.from(fbOrder, (i) => fb.customer.get(i)),
      feedbackKind: Uint8Array.from(fbOrder, (i) => fb.kind.get(i)),
      feedbackScore: Float64Array.from(fbOrder, (i) => fb.score.get(i)),
      interactionDay: Int32Array.from(ixOrder, (i) => ix.day.get(i)),
      interactionCustomer: Int32Array.from(ixOrder, (i) => ix.customer.get(i)),
    };
  }
}

function buildIndex(book: Source): KpiIndex {
  const builder = new KpiIndexBuilder();
  builder.addTransactions(book.transactions);
  builder.addFeedback(book.feedback);
  builder.addInteractions(book.interactions);
  return builder.finish();
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
