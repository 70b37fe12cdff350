/**
 * Whole-book operations on request of the options page: "delete all data" (every data table
 * of lib/db/tables.ts and the CRM sync state — connections with their tokens, cursors, the
 * outbox — with no sync pass running meanwhile; settings stay) and rolling back an interrupted
 * import (then the full rescore, as after an import).
 */
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { dataRepo } from '../db/repos/data';
import { rollbackImport } from '../import/store';
import type { Handlers } from '../messaging/router';
import { toAppError } from '../messaging/errors';
import { today } from '../clock';
import { broadcastDataChanged } from './broadcast';
import { rescoreQueue, type RescoreQueue } from './rescore-all';
import { withSyncStopped } from './sync';

export function createDataHandlers(deps: {
  db: () => AppDB;
  broadcast: () => Promise<void>;
  /** Drop stored copies of import files (all of them, or one import's). */
  dropFiles: (importId?: string) => Promise<void>;
  /** Run `fn` with every CRM sync pass stopped and none starting (then pages hear the CRMs are disconnected). */
  withSyncStopped: <T>(fn: () => Promise<T>) => Promise<T>;
  /** The full rescore imports queue (after a rollback, scores must not describe rows that are gone). */
  rescore: RescoreQueue;
  asOf: () => string;
}): Pick<Handlers, 'deleteAllData' | 'rollbackImport'> {
  return {
    async deleteAllData() {
      await deps.withSyncStopped(() => dataRepo(deps.db()).clearAll());
      await deps.dropFiles().catch(() => undefined);
      await deps.broadcast();
      return { cleared: true };
    },
    async rollbackImport({ importId }) {
      const log = await rollbackImport(deps.db(), importId, Date.now());
      await deps.dropFiles(importId).catch(() => undefined);
      await deps.broadcast();
      // The rollback stands even if the rescore fails (the daily rescore runs it again).
      await deps.rescore(deps.asOf()).catch((e: unknown) => console.error('[Rapport] rescore after a rollback failed:', toAppError(e).code));
      return log;
    },
  };
}

export const createBackgroundDataHandlers = (dropFiles: (importId?: string) => Promise<void>): Pick<Handlers, 'deleteAllData' | 'rollbackImport'> =>
  createDataHandlers({ db: getDb, broadcast: () => broadcastDataChanged(), dropFiles, withSyncStopped, rescore: rescoreQueue, asOf: () => today() });
