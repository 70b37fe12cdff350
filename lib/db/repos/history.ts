/**
 * A customer's history: contacts, transactions, interactions and feedback — the rows imports,
 * quick-logs and the sample book add, read per customer through the customerId indexes.
 */
import Dexie, { type EntityTable } from 'dexie';
import { defineRepo } from '../repo';
import type { Contact, Feedback, Interaction, Transaction } from '../../schemas/domain';

/** Add rows, skipping keys already stored; returns the ids actually added (imports are idempotent). */
export async function addNew<T extends { id: string }>(bulkAdd: (rows: T[]) => Promise<unknown>, rows: readonly T[]): Promise<string[]> {
  if (!rows.length) return [];
  let failed = new Set<number>();
  try {
    await bulkAdd([...rows]);
  } catch (e) {
    if (!(e instanceof Dexie.BulkError)) throw e;
    for (const f of Object.values(e.failuresByPos)) if ((f as Error).name !== 'ConstraintError') throw e;
    failed = new Set(Object.keys(e.failuresByPos).map(Number));
  }
  return failed.size ? rows.filter((_, i) => !failed.has(i)).map((r) => r.id) : rows.map((r) => r.id);
}

/** The table's rows `size` at a time in key order, each page handed to `onPage` before the next is read. */
async function eachPage<T extends { id: string }>(table: EntityTable<T, 'id'>, size: number, onPage: (rows: T[]) => void): Promise<void> {
  let rows = await table.orderBy(':id').limit(size).toArray();
  while (rows.length) {
    onPage(rows);
    if (rows.length < size) return;
    rows = await table
      .where(':id')
      .above(rows[rows.length - 1]!.id)
      .limit(size)
      .toArray();
  }
}

const customerRange = (customerId: string): [unknown[], unknown[]] => [
  [customerId, Dexie.minKey],
  [customerId, Dexie.maxKey],
];

export const contactsRepo = defineRepo(
  (db) => ({
    all: (): Promise<Contact[]> => db.contacts.toArray(),
    forCustomer: (customerId: string): Promise<Contact[]> => db.contacts.where('customerId').equals(customerId).toArray(),
  }),
  (db) => ({
    async add(c: Contact): Promise<void> {
      await db.contacts.add(c);
    },
    async markDecisionMaker(id: string): Promise<void> {
      await db.contacts.update(id, { isDecisionMaker: true });
    },
    async bulkAdd(cs: readonly Contact[]): Promise<void> {
      if (cs.length) await db.contacts.bulkAdd([...cs]);
    },
  }),
);

export const transactionsRepo = defineRepo(
  (db) => ({
    all: (): Promise<Transaction[]> => db.transactions.toArray(),
    /** Every row, a page at a time (a big book is never held whole). */
    eachPage: (size: number, onPage: (rows: Transaction[]) => void): Promise<void> => eachPage(db.transactions, size, onPage),
    /** Oldest first. */
    forCustomer: (customerId: string): Promise<Transaction[]> =>
      db.transactions
        .where('[customerId+date]')
        .between(...customerRange(customerId))
        .toArray(),
  }),
  (db) => ({
    addNew: (rows: readonly Transaction[]): Promise<string[]> => addNew((r) => db.transactions.bulkAdd(r), rows),
    async bulkDelete(ids: readonly string[]): Promise<void> {
      if (ids.length) await db.transactions.bulkDelete([...ids]);
    },
  }),
);

export const interactionsRepo = defineRepo(
  (db) => ({
    get: (id: string): Promise<Interaction | undefined> => db.interactions.get(id),
    all: (): Promise<Interaction[]> => db.interactions.toArray(),
    eachPage: (size: number, onPage: (rows: Interaction[]) => void): Promise<void> => eachPage(db.interactions, size, onPage),
    /** Newest first. */
    forCustomer: (customerId: string): Promise<Interaction[]> =>
      db.interactions
        .where('[customerId+date]')
        .between(...customerRange(customerId))
        .reverse()
        .toArray(),
    /** The latest `limit` interactions on or before asOf, newest first. */
    recent: (customerId: string, asOf: string, limit: number): Promise<Interaction[]> =>
      db.interactions.where('[customerId+date]').between([customerId, '0000-00-00'], [customerId, asOf], true, true).reverse().limit(limit).toArray(),
  }),
  (db) => ({
    async add(i: Interaction): Promise<void> {
      await db.interactions.add(i);
    },
    async delete(id: string): Promise<void> {
      await db.interactions.delete(id);
    },
    addNew: (rows: readonly Interaction[]): Promise<string[]> => addNew((r) => db.interactions.bulkAdd(r), rows),
    async bulkDelete(ids: readonly string[]): Promise<void> {
      if (ids.length) await db.interactions.bulkDelete([...ids]);
    },
  }),
);

export const feedbackRepo = defineRepo(
  (db) => ({
    get: (id: string): Promise<Feedback | undefined> => db.feedback.get(id),
    all: (): Promise<Feedback[]> => db.feedback.toArray(),
    eachPage: (size: number, onPage: (rows: Feedback[]) => void): Promise<void> => eachPage(db.feedback, size, onPage),
    forCustomer: (customerId: string): Promise<Feedback[]> => db.feedback.where('customerId').equals(customerId).toArray(),
  }),
  (db) => ({
    async add(f: Feedback): Promise<void> {
      await db.feedback.add(f);
    },
    async delete(id: string): Promise<void> {
      await db.feedback.delete(id);
    },
    addNew: (rows: readonly Feedback[]): Promise<string[]> => addNew((r) => db.feedback.bulkAdd(r), rows),
    async bulkDelete(ids: readonly string[]): Promise<void> {
      if (ids.length) await db.feedback.bulkDelete([...ids]);
    },
  }),
);
