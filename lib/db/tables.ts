/**
 * The one list of Rapport's tables: each table's row type, primary key and role. Backup,
 * restore, "delete all data", loading the sample book and the full rescore derive their table
 * lists from here; numbered migrations (./migrations) declare the stores and their indexes.
 */
import type { ConnectionRow, CursorRow, OutboxRow } from '../sync/state';
import type { Action, Contact, Customer, Feedback, Goal, ImportLog, Interaction, Score, Transaction } from '../schemas/domain';
import type { ActionOutcomeRow, ScoreHistoryRow } from '../schemas/history';

/** A customer row as stored: the canonical customer plus its derived index keys (lib/db/stored.ts). */
export type StoredCustomer = Customer & { crmKeys: string[]; refKeys?: string[] };

export interface MetaRow {
  key: string;
  value: unknown;
}

/** The settings item (one row, key `settings`): see lib/settings. */
export interface SettingsRow {
  key: string;
  value: unknown;
}

export interface Rows {
  customers: StoredCustomer;
  contacts: Contact;
  transactions: Transaction;
  interactions: Interaction;
  feedback: Feedback;
  goals: Goal;
  actions: Action;
  scores: Score;
  importLog: ImportLog;
  meta: MetaRow;
  settings: SettingsRow;
  syncConnections: ConnectionRow;
  syncCursors: CursorRow;
  syncOutbox: OutboxRow;
  scoreHistory: ScoreHistoryRow;
  actionOutcomes: ActionOutcomeRow;
}

export type TableName = keyof Rows;

/**
 * - `book`: the customer history the user owns (imported, logged, generated) — what scoring reads
 * - `derived`: what scoring writes (scores; actions also keep the user's done/dismissed/snoozed)
 * - `log`, `meta`: import history, book model, journals, remembered UI state
 * - `settings`: preferences; kept by "delete all data", backed up as the backup's `settings`
 * - `sync`: CRM connections (their tokens), cursors and the write-back outbox; never in a backup
 *   (tokens stay in this database); "delete all data" removes them with the data, disconnecting
 *   removes one CRM's
 */
export type TableRole = 'book' | 'derived' | 'log' | 'meta' | 'settings' | 'sync';

export const TABLES = {
  customers: { key: 'id', role: 'book' },
  contacts: { key: 'id', role: 'book' },
  transactions: { key: 'id', role: 'book' },
  interactions: { key: 'id', role: 'book' },
  feedback: { key: 'id', role: 'book' },
  goals: { key: 'id', role: 'book' },
  actions: { key: 'id', role: 'derived' },
  scores: { key: 'customerId', role: 'derived' },
  importLog: { key: 'id', role: 'log' },
  meta: { key: 'key', role: 'meta' },
  settings: { key: 'key', role: 'settings' },
  syncConnections: { key: 'crm', role: 'sync' },
  syncCursors: { key: 'crm', role: 'sync' },
  syncOutbox: { key: 'interactionId', role: 'sync' },
  scoreHistory: { key: 'id', role: 'derived' },
  actionOutcomes: { key: 'id', role: 'log' },
} as const satisfies { [K in TableName]: { key: keyof Rows[K] & string; role: TableRole } };

export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

const withRole = <R extends TableRole>(roles: readonly R[]) => TABLE_NAMES.filter((t) => (roles as readonly TableRole[]).includes(TABLES[t].role));

/** Every table holding the user's data (not settings): backup, restore and "delete all data" cover these. */
export const DATA_TABLES = withRole(['book', 'derived', 'log', 'meta']) as DataTable[];
export type DataTable = Exclude<TableName, 'settings' | SyncTable>;
export type SyncTable = 'syncConnections' | 'syncCursors' | 'syncOutbox';
/** CRM sync state: not backed up, but gone with "delete all data". */
export const SYNC_TABLES = withRole(['sync']) as SyncTable[];

/** The customer history scoring reads, plus the actions whose statuses it keeps. */
export const BOOK_TABLES = [...withRole(['book']), 'actions'] as BookTable[];
export type BookTable = 'customers' | 'contacts' | 'transactions' | 'interactions' | 'feedback' | 'goals' | 'actions';
