/**
 * The import history (one row per file import: running, done, cancelled) and the checkpoint
 * of each running import (meta `import:<id>`), written by lib/import/store.ts.
 */
import { defineRepo } from '../repo';
import type { ImportLog } from '../../schemas/domain';
import type { ImportKind } from '../../import/columns';
import type { DateOrder } from '../../import/values';

export interface ChunkResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  rowsSeen: number;
  placeholdersCreated: number;
  changedCustomerIds: string[];
}

/** Where a running import is, stored next to its importLog row. */
export interface ImportCheckpoint {
  importId: string;
  fileName: string;
  fileSize: number;
  lastModified: number;
  kind: ImportKind;
  mapping?: Record<string, string>;
  dateOrder?: DateOrder;
  /** Number of fixed-size slices fully written (the next slice to write). */
  slicesDone: number;
  sliceSize: number;
  /** The end-of-file batch (held rows, last row) is written. */
  tailDone: boolean;
  /** The last chunk written and what it counted (answers a chunk sent again). */
  lastSeq?: number;
  lastResult?: ChunkResult;
}

export const checkpointKey = (id: string): string => `import:${id}`;

export const importLogRepo = defineRepo(
  (db) => ({
    get: (id: string): Promise<ImportLog | undefined> => db.importLog.get(id),
    /** The latest imports, newest first. */
    recent: (limit: number): Promise<ImportLog[]> => db.importLog.orderBy('startedAt').reverse().limit(limit).toArray(),
    async checkpoint(importId: string): Promise<ImportCheckpoint | undefined> {
      return (await db.meta.get(checkpointKey(importId)))?.value as ImportCheckpoint | undefined;
    },
    /** Imports left `running` (tab closed, browser killed, or still going), with their checkpoint. */
    async unfinished(): Promise<{ log: ImportLog; checkpoint?: ImportCheckpoint }[]> {
      const logs = await db.importLog.where('status').equals('running').toArray();
      const cps = await db.meta.bulkGet(logs.map((l) => checkpointKey(l.id)));
      return logs.map((log, i) => ({ log, checkpoint: cps[i]?.value as ImportCheckpoint | undefined }));
    },
  }),
  (db) => ({
    async put(log: ImportLog): Promise<void> {
      await db.importLog.put(log);
    },
  }),
);
