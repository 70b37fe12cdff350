/**
 * The customer book as scoring reads it: every table of BOOK_TABLES in one read transaction
 * (the full rescore), or one customer's rows through the customerId indexes (the incremental
 * rescore after a quick-log or an action update).
 */
import { defineReads, transact } from '../repo';
import { BOOK_TABLES, type Rows } from '../tables';
import type { AppDB } from '../app-db';
import type { Goal } from '../../schemas/domain';
import type { CustomerHistory } from '../../scoring/types';
import { groupHistories } from '../../scoring/histories';
import type Dexie from 'dexie';

export type BookRows = { [K in (typeof BOOK_TABLES)[number]]: Rows[K][] };

export const bookRepo = defineReads((db: AppDB) => ({
  async readAll(): Promise<BookRows> {
    return transact(db, 'r', BOOK_TABLES, async () => {
      const rows = await Promise.all(BOOK_TABLES.map((t) => db.table(t).toArray()));
      return Object.fromEntries(BOOK_TABLES.map((t, i) => [t, rows[i]])) as BookRows;
    });
  },

  /**
   * The book in chunks of customers (by id), each with its rows: a rescore walks it three times
   * and never holds more than one chunk of rows. Rows of a chunk are read by customerId range, so
   * ids read in one chunk are exactly that chunk's customers.
   */
  async *chunks(size: number): AsyncGenerator<CustomerHistory[]> {
    let after: string | undefined;
    for (;;) {
      const chunk = await transact(db, 'r', BOOK_TABLES, async () => {
        const customers = await (after === undefined ? db.customers.orderBy('id') : db.customers.where('id').above(after)).limit(size).toArray();
        if (!customers.length) return null;
        const first = customers[0]!.id;
        const last = customers[customers.length - 1]!.id;
        const inRange = <T extends { customerId: string }>(t: 'transactions' | 'interactions' | 'feedback' | 'contacts' | 'actions'): Promise<T[]> =>
          (db.table(t) as Dexie.Table<T>).where('customerId').between(first, last, true, true).toArray();
        const [transactions, interactions, feedback, contacts, actions] = await Promise.all([
          inRange<Rows['transactions']>('transactions'),
          inRange<Rows['interactions']>('interactions'),
          inRange<Rows['feedback']>('feedback'),
          inRange<Rows['contacts']>('contacts'),
          inRange<Rows['actions']>('actions'),
        ]);
        return groupHistories({ customers, transactions, interactions, feedback, contacts, actions });
      });
      if (!chunk) return;
      after = chunk[chunk.length - 1]!.customer.id;
      yield chunk;
    }
  },

  /** One customer's history and every goal (goals rank the actions), or null for an unknown customer. */
  async customerHistory(customerId: string): Promise<{ history: CustomerHistory | null; goals: Goal[] }> {
    return transact(db, 'r', BOOK_TABLES, async () => {
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
  },
}));
