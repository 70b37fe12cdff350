/**
 * The import journal: one meta row per written chunk (`importJournal:<importId>:<seq>`) saying
 * what the chunk added or replaced, so an unfinished import can be rolled back exactly
 * (lib/import/rollback.ts). Dropped when the import finishes or is rolled back.
 */
import type { StoredCustomer } from '../db/tables';

export interface JournalEntry {
  table: 'customers' | 'transactions' | 'interactions' | 'feedback';
  /** Ids of the rows the chunk added to `table` (for a customers import: the new customers). */
  added: string[];
  /** Placeholder customers the chunk created for rows naming an id not stored yet. */
  addedCustomers: string[];
  /** Customer rows as they were before the chunk replaced them. */
  replacedCustomers: StoredCustomer[];
  /**
   * Every customer row the chunk wrote (new, placeholder or replacing), as written: rollback
   * compares it with the row now stored to tell the import's values from changes made since.
   * Absent in journals of builds before it was kept.
   */
  written?: StoredCustomer[];
}

export const journalPrefix = (id: string): string => `importJournal:${id}:`;
export const journalKey = (id: string, seq: number): string => `${journalPrefix(id)}${String(seq).padStart(8, '0')}`;
