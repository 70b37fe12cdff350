/** Messages between the options page and the import Worker (lib/import/worker.ts). */
import type { ImportLog } from '../schemas/domain';
import type { Settings } from '../schemas/settings';
import type { RestorePlan } from '../backup/backup';
import type { ImportKind } from './columns';
import type { FileInspection } from './inspect';
import type { ImportProgress } from './run';
import type { RowError } from './rows';
import type { DateOrder } from './values';

export type ToWorker =
  | { type: 'start'; file: File; importId: string; kind?: ImportKind; mapping?: Record<string, string>; asOf: string; sliceSize?: number }
  | { type: 'resume'; importId: string; asOf: string }
  | { type: 'dateOrder'; order: DateOrder }
  /** XLSX only (CSV is inspected on the page): headers, mapping and preview rows. */
  | { type: 'inspect'; file: File }
  | { type: 'cancel' }
  /** Undo an interrupted import (big deletes stay off the page's main thread). */
  | { type: 'rollback'; importId: string }
  /** Backup and restore run here too: reading, validating and writing a whole database is long. */
  | { type: 'backup'; settings: Settings; exportedAt: number }
  | { type: 'planRestore'; file: File }
  /** Restore the backup of the last `planRestore` (same Worker). */
  | { type: 'restore' };

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'rejected'; rows: RowError[] }
  | { type: 'needDateOrder' }
  | { type: 'done'; log: ImportLog; kind: ImportKind; changedCustomerIds: string[]; unknownColumns: string[]; placeholdersCreated: number }
  | { type: 'cancelled' }
  | { type: 'inspection'; inspection: FileInspection | undefined }
  | { type: 'rolledBack'; log: ImportLog }
  | { type: 'backup'; blob: Blob }
  | { type: 'restorePlan'; exportedAt: number; changes: RestorePlan['changes'] }
  | { type: 'restored'; settings: Settings }
  /** `refused`: the file was refused as a whole (missing column, empty) before anything was written. */
  | { type: 'error'; message: string; refused: boolean };

/** A Web Lock held while an import runs, so another tab doesn't offer to resume it. */
export const importLockName = (importId: string): string => `rapport-import-${importId}`;
