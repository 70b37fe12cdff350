/**
 * Hearing about writes: Dexie reports every write to a table in this context and, through
 * BroadcastChannel, in the extension's other contexts (its `storagemutated` event).
 */
import Dexie from 'dexie';
import type { TableName } from './tables';

/** Call `cb` after any write that may have touched `table` (or when Dexie cannot tell which). */
export function onTableChanged(table: TableName, cb: () => void): void {
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((k) => k === 'all' || k.includes(`/${table}/`))) cb();
  });
}
