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

export type BookRows = { [K in (typeof BOOK_TABLES)[number]]: Rows[K][] };

export const bookRepo = defineReads((db: AppDB) => ({
  async readAll(): Promise<BookRows> {
    return transact(db, 'r', BOOK_TABLES, async () => {
      const rows = await Promise.all(BOOK_TABLES.map((t) => db.table(t).toArray()));
      return Object.fromEntries(BOOK_TABLES.map((t, i) => [t, rows[i]])) as BookRows;
    });
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
