/**
 * Whole-database operations over DATA_TABLES (lib/db/tables.ts): row counts, a dump for the
 * backup, replacing everything (restore, sample book) and deleting everything — which also
 * removes the CRM sync state (SYNC_TABLES: connections with their tokens, cursors, the outbox).
 * Settings are not data: they survive "delete all data" and travel in the backup's own
 * `settings` field.
 */
import { defineRepo } from '../repo';
import { fromStoredCustomer, toStoredCustomer } from '../app-db';
import { DATA_TABLES, SYNC_TABLES, type DataTable, type StoredCustomer } from '../tables';
import type { Customer } from '../../schemas/domain';

/** Rows per table as the backup holds them: customers without their derived index keys. */
export type DataRows = Record<DataTable, unknown[]>;

export const dataRepo = defineRepo(
  (db) => ({
    async counts(): Promise<Record<DataTable, number>> {
      const n = await Promise.all(DATA_TABLES.map((t) => db.table(t).count()));
      return Object.fromEntries(DATA_TABLES.map((t, i) => [t, n[i]!])) as Record<DataTable, number>;
    },
    /** Every data table in one read transaction. */
    async dump(): Promise<DataRows> {
      return db.transaction('r', DATA_TABLES, async () => {
        const rows = await Promise.all(DATA_TABLES.map((t) => db.table(t).toArray()));
        return Object.fromEntries(
          DATA_TABLES.map((t, i) => [t, t === 'customers' ? (rows[i] as StoredCustomer[]).map(fromStoredCustomer) : rows[i]!]),
        ) as DataRows;
      });
    },
  }),
  (db) => ({
    /**
     * Empty every data table and write `rows` (tables not named stay empty), in one transaction:
     * the database is either as before or exactly the new rows.
     */
    async replaceAll(rows: Partial<DataRows>): Promise<void> {
      await db.transaction('rw', DATA_TABLES, async () => {
        for (const t of DATA_TABLES) {
          await db.table(t).clear();
          const r = rows[t];
          if (!r?.length) continue;
          await db.table(t).bulkAdd(t === 'customers' ? (r as Customer[]).map(toStoredCustomer) : r);
        }
      });
    },
    /** "Delete all data": every data table and the sync state (connections and their tokens, cursors, outbox), in one transaction. */
    async clearAll(): Promise<void> {
      const tables = [...DATA_TABLES, ...SYNC_TABLES];
      await db.transaction('rw', tables, async () => {
        for (const t of tables) await db.table(t).clear();
      });
    },
  }),
);
