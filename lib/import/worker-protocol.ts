/** Messages between the options page and the import Worker (lib/import/worker.ts). */
import type { ImportLog } from '../schemas/domain';
import type { ImportKind } from './columns';
import type { ImportProgress } from './run';
import type { RowError } from './rows';
import type { DateOrder } from './values';

export type ToWorker =
  | { type: 'start'; file: File; importId: string; kind?: ImportKind; mapping?: Record<string, string>; asOf: string; sliceSize?: number }
  | { type: 'resume'; importId: string; asOf: string }
  | { type: 'dateOrder'; order: DateOrder }
  | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'rejected'; rows: RowError[] }
  | { type: 'needDateOrder' }
  | { type: 'done'; log: ImportLog; kind: ImportKind; changedCustomerIds: string[]; unknownColumns: string[]; placeholdersCreated: number }
  | { type: 'cancelled' }
  /** `refused`: the file was refused as a whole (missing column, empty) before anything was written. */
  | { type: 'error'; message: string; refused: boolean };

/** A Web Lock held while an import runs, so another tab doesn't offer to resume it. */
export const importLockName = (importId: string): string => `rapport-import-${importId}`;
