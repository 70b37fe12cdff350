/**
 * Writes of synced CRM rows into the book: upserts (the CRM wins, a re-read row replaces the
 * stored one), deletions by id, and moving a merged customer's history to the customer it was
 * merged into. The engine (lib/sync/engine-apply.ts) decides what to write; this is how.
 */
import { defineRepo } from '../repo';
import { fromStoredCustomer, toStoredCustomer } from '../app-db';
import { refKey } from '../stored';
import type { Contact, Customer, Feedback, Interaction, Transaction } from '../../schemas/domain';

export type HistoryTable = 'contacts' | 'transactions' | 'interactions' | 'feedback';
export const HISTORY_TABLES: readonly HistoryTable[] = ['contacts', 'transactions', 'interactions', 'feedback'];

export const syncBookRepo = defineRepo(
  (db) => ({
    /** Customers holding any of these CRM records, bound to a tenant or not (`refKeys`: `crm:objectType:id`). */
    async customersByKeys(keys: readonly string[]): Promise<Customer[]> {
      if (!keys.length) return [];
      const rows = await db.customers
        .where('refKeys')
        .anyOf([...keys])
        .distinct()
        .toArray();
      return rows.map(fromStoredCustomer);
    },
    /** Which of these interaction ids are stored. */
    async interactionIds(ids: readonly string[]): Promise<Set<string>> {
      return new Set(
        ids.length
          ? await db.interactions
              .where(':id')
              .anyOf([...ids])
              .primaryKeys()
          : [],
      );
    },
  }),
  (db) => ({
    async putCustomers(rows: readonly Customer[]): Promise<void> {
      if (rows.length) await db.customers.bulkPut(rows.map(toStoredCustomer));
    },
    async putContacts(rows: readonly Contact[]): Promise<void> {
      if (rows.length) await db.contacts.bulkPut([...rows]);
    },
    async putTransactions(rows: readonly Transaction[]): Promise<void> {
      if (rows.length) await db.transactions.bulkPut([...rows]);
    },
    async putInteractions(rows: readonly Interaction[]): Promise<void> {
      if (rows.length) await db.interactions.bulkPut([...rows]);
    },
    async putFeedback(rows: readonly Feedback[]): Promise<void> {
      if (rows.length) await db.feedback.bulkPut([...rows]);
    },
    /** Delete rows by id; returns the customers they belonged to. */
    async deleteRows(table: HistoryTable, ids: readonly string[]): Promise<string[]> {
      if (!ids.length) return [];
      const t = db.table<{ id: string; customerId: string }, string>(table);
      const rows = (await t.bulkGet([...ids])).filter((r) => r !== undefined);
      await t.bulkDelete(rows.map((r) => r.id));
      return rows.map((r) => r.customerId);
    },
    /** Delete a customer and every row of its history. */
    async deleteCustomer(id: string): Promise<void> {
      for (const t of HISTORY_TABLES) await db.table(t).where('customerId').equals(id).delete();
      await db.actions.where('customerId').equals(id).delete();
      await db.scores.delete(id);
      await db.customers.delete(id);
    },
    /** Move every history row of `from` to `into` (a merge in the CRM); actions and the score of `from` go. */
    async moveHistory(from: string, into: string): Promise<void> {
      for (const t of HISTORY_TABLES) await db.table(t).where('customerId').equals(from).modify({ customerId: into });
      await db.actions.where('customerId').equals(from).delete();
      await db.scores.delete(from);
    },
    /** Remove one CRM ref from a customer. */
    async dropRef(customerId: string, key: string): Promise<void> {
      const row = await db.customers.get(customerId);
      if (!row) return;
      const c = fromStoredCustomer(row);
      await db.customers.put(toStoredCustomer({ ...c, crmRefs: c.crmRefs.filter((r) => refKey(r) !== key) }));
    },
  }),
);
