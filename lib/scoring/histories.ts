/** Flat tables → per-customer histories, with one lookup per row (no per-customer queries). */
import type { CustomerHistory } from './types';

/** Rows of one table split per customer index (counted first, then filled: no array growth). */
function split<T extends { customerId: string }>(rows: readonly T[], index: ReadonlyMap<string, number>, n: number): T[][] {
  const at = new Int32Array(rows.length);
  const count = new Int32Array(n);
  for (let k = 0; k < rows.length; k++) {
    const i = index.get(rows[k]!.customerId) ?? -1;
    at[k] = i;
    if (i >= 0) count[i]!++;
  }
  const out: T[][] = new Array<T[]>(n);
  for (let i = 0; i < n; i++) out[i] = new Array<T>(count[i]!);
  const fill = new Int32Array(n);
  for (let k = 0; k < rows.length; k++) {
    const i = at[k]!;
    if (i >= 0) out[i]![fill[i]!++] = rows[k]!;
  }
  return out;
}

/** Group flat tables into per-customer histories (rows of unknown customers are left out). */
export function groupHistories(book: {
  customers: readonly CustomerHistory['customer'][];
  transactions: readonly CustomerHistory['transactions'][number][];
  interactions: readonly CustomerHistory['interactions'][number][];
  feedback: readonly CustomerHistory['feedback'][number][];
  contacts: readonly CustomerHistory['contacts'][number][];
  actions: readonly CustomerHistory['actions'][number][];
}): CustomerHistory[] {
  const n = book.customers.length;
  const index = new Map<string, number>();
  book.customers.forEach((c, i) => index.set(c.id, i));
  const transactions = split(book.transactions, index, n);
  const interactions = split(book.interactions, index, n);
  const feedback = split(book.feedback, index, n);
  const contacts = split(book.contacts, index, n);
  const actions = split(book.actions, index, n);
  return book.customers.map((customer, i) => ({
    customer,
    transactions: transactions[i]!,
    interactions: interactions[i]!,
    feedback: feedback[i]!,
    contacts: contacts[i]!,
    actions: actions[i]!,
  }));
}
