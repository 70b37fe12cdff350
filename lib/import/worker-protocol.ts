/** Messages between the options page and the import Worker (lib/import/worker.ts). */
import type { ImportLog } from '../schemas/domain';
import type { Settings } from '../schemas/settings';
import type { AppError } from '../messaging/errors';
import type { ImportRequest, PortReply, PortRequest } from '../messaging/ports';
import type { ImportCheckpoint } from '../db/repos/import-log';
import type { ImportKind } from './columns';
import type { FileInspection } from './inspect';
import type { ImportProgress } from './run';
import type { RowError } from './rows';
import type { DateOrder } from './values';

export type ToWorker =
  | { type: 'start'; file: File; importId: string; kind?: ImportKind; mapping?: Record<string, string>; asOf: string; neverLog: string[]; sliceSize?: number }
  /** Continue an interrupted import from its checkpoint, reading the stored copy of its file. */
  | { type: 'resume'; importId: string; asOf: string; neverLog: string[]; checkpoint: ImportCheckpoint; log: ImportLog }
  | { type: 'dateOrder'; order: DateOrder }
  /** XLSX only (CSV is inspected on the page): headers, mapping and preview rows. */
  | { type: 'inspect'; file: File }
  | { type: 'cancel' }
  /** The backup is read here: reading and serialising a whole database is long. */
  | { type: 'backup'; settings: Settings; exportedAt: number }
  /** The background's reply to a request the Worker sent (relayed by the page). */
  | { type: 'reply'; reply: PortReply };

export type FromWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'rejected'; rows: RowError[] }
  | { type: 'needDateOrder' }
  | { type: 'done'; log: ImportLog; kind: ImportKind; unknownColumns: string[]; placeholdersCreated: number }
  | { type: 'cancelled' }
  | { type: 'inspection'; inspection: FileInspection | undefined }
  | { type: 'backup'; blob: Blob }
  /** A request for the background (the page relays it over the import port). */
  | { type: 'request'; request: PortRequest<ImportRequest> }
  /** `refused`: the file was refused as a whole (missing column, empty) before anything was written. */
  | { type: 'error'; error: AppError; refused: boolean };

/** A Web Lock held while an import runs, so another tab doesn't offer to resume it. */
export const importLockName = (importId: string): string => `rapport-import-${importId}`;
