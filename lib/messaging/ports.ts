/**
 * Long-lived connections (`browser.runtime.connect`) between the options page and the
 * background, for work too big for one message: an import's row batches and a backup being
 * restored. Requests carry an id and get exactly one reply with that id; every request is
 * idempotent, so after the background restarted (a service worker is stopped when idle) the
 * page reconnects and sends the unanswered ones again. Type-only.
 */
import type { ImportLog } from '../schemas/domain';
import type { ChunkResult, ImportCheckpoint } from '../db/repos/import-log';
import type { RestorePlan } from '../backup/backup';
import type { AppError } from './errors';

export const IMPORT_PORT = 'rapport:import';
export const RESTORE_PORT = 'rapport:restore';

export type ImportRequest =
  | { op: 'begin'; checkpoint: ImportCheckpoint; startedAt: number }
  /** `chunk`: a ParsedChunk (lib/import/parser.ts) as JSON, serialised in the Worker. */
  | { op: 'write'; seq: number; checkpoint: ImportCheckpoint; chunk: string }
  | { op: 'finish'; importId: string; at: number }
  | { op: 'rollback'; importId: string; at: number };

export interface ImportResults {
  begin: { started: true };
  write: ChunkResult;
  finish: ImportLog;
  rollback: ImportLog;
}

export type RestoreRequest = { op: 'part'; index: number; text: string } | { op: 'plan'; parts: number } | { op: 'restore' };

export interface RestoreResults {
  part: { received: number };
  plan: { exportedAt: number; changes: RestorePlan['changes'] };
  restore: { restored: true };
}

export type PortRequest<R extends { op: string }> = R & { id: number };
export type PortReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: AppError };

/** BG → page on the import port once the full rescore after an import is done (or failed). */
export type ImportNotice = { notice: 'rescored'; customers: number } | { notice: 'rescore-failed'; error: AppError };
