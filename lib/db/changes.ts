/**
 * Hearing about writes: Dexie reports every write to a table in this context and, through
 * BroadcastChannel, in the extension's other contexts (its `storagemutated` event).
 */
import Dexie from 'dexie';
import type { TableName } from './tables';

/** Call `cb` after any write that may have touched `table` (or when Dexie cannot tell which). */
export function onTableChanged(table: TableName, cb: () => void): void {
  onTablesChanged([table], cb);
}

/**
 * Call `cb` after any committed write that may have touched one of `tables` (or when Dexie cannot
 * tell which); `dbName` narrows it to one database. `cb` runs outside the transaction that wrote,
 * so it may read and write. Returns the way to stop listening.
 */
export function onTablesChanged(tables: readonly TableName[], cb: () => void, dbName?: string): () => void {
  const parts = tables.map((t) => (dbName ? `idb://${dbName}/${t}/` : `/${t}/`));
  const listener = (changed: Record<string, unknown>): void => {
    if (Object.keys(changed).some((k) => k === 'all' || parts.some((p) => (dbName ? k.startsWith(p) : k.includes(p))))) Dexie.ignoreTransaction(cb);
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
