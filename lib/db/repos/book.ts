/**
 * The customer book as scoring reads it: every table of BOOK_TABLES in one read transaction
 * (the full rescore), or a few customers' rows through the customerId indexes (the incremental
 * rescore after a quick-log, an action update or a sync's changes).
 */
import { defineReads, transact } from '../repo';
import { BOOK_TABLES, type Rows } from '../tables';
import type { AppDB } from '../app-db';
import type { CustomerHistory } from '../../scoring/types';
import { groupHistories } from '../../scoring/histories';
import type { WhereClause } from 'dexie';

export type BookRows = { [K in (typeof BOOK_TABLES)[number]]: Rows[K][] };

type HistoryTable = 'transactions' | 'interactions' | 'feedback' | 'contacts' | 'actions';
type Where = WhereClause<{ customerId: string }>;

/** These customers with their rows of every history table, each table read by `select` on its customerId index. */
async function withRows(
  db: AppDB,
  customers: Rows['customers'][],
  select: (customerId: Where) => Promise<{ customerId: string }[]>,
): Promise<CustomerHistory[]> {
  const of = <T>(t: HistoryTable): Promise<T[]> => select(db.table(t).where('customerId') as Where) as Promise<T[]>;
  const [transactions, interactions, feedback, contacts, actions] = await Promise.all([
    of<Rows['transactions']>('transactions'),
    of<Rows['interactions']>('interactions'),
    of<Rows['feedback']>('feedback'),
    of<Rows['contacts']>('contacts'),
    of<Rows['actions']>('actions'),
  ]);
  return groupHistories({ customers, transactions, interactions, feedback, contacts, actions });
}

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
        return withRows(db, customers, (customerId) => customerId.between(first, last, true, true).toArray());
      });
      if (!chunk) return;
      after = chunk[chunk.length - 1]!.customer.id;
      yield chunk;
    }
  },

  /**
   * These customers' histories (unknown ids left out), read in one transaction: a transaction
   * per customer made an incremental sync's rescore of 100 customers take seconds
   * (docs/crm-apis/connectors.md, "What the engine does with batches").
   */
  async histories(customerIds: readonly string[]): Promise<CustomerHistory[]> {
    const ids = [...new Set(customerIds)];
    if (!ids.length) return [];
    return transact(db, 'r', BOOK_TABLES, async () => {
      const customers = (await db.customers.bulkGet(ids)).filter((c) => c !== undefined);
      if (!customers.length) return [];
      // one index getAll per customer, all issued at once (an `anyOf` cursor steps row by row)
      return withRows(db, customers, async (customerId) => (await Promise.all(customers.map((c) => customerId.equals(c.id).toArray()))).flat());
    });
  },
}));
