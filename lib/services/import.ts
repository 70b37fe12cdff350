/**
 * Background service for the options page: `rescoreAll` after an import, a restore or a
 * scoring-settings change. Recomputes every customer's score with the relationship scorer,
 * reports progress to extension pages (`rapport:rescore-progress`) and tells CRM tabs and
 * pages that data changed so overlays refresh.
 */
import { browser } from 'wxt/browser';
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { loadSettings } from '../settings/store';
import { broadcastDataChanged } from './broadcast';
import { rescoreAll } from './rescore';
import type { Handlers } from '../messaging/router';
import type { RescoreProgress } from '../messaging/protocol';
import type { Settings } from '../schemas/settings';

export type RescoreAllFn = (db: AppDB, settings: Settings, asOf: string, onProgress?: (done: number, total: number) => void) => Promise<unknown>;

export interface ImportServiceDeps {
  db: () => AppDB;
  settings: () => Promise<Settings>;
  rescoreAll: RescoreAllFn;
  broadcast: (customerIds?: string[]) => Promise<void>;
  /** Sends a progress message to extension pages (ignored when none listens). */
  progress: (p: RescoreProgress) => void;
}

/** At most one full rescore at a time; a second request waits for the running one, then runs. */
export function createImportHandlers(deps: ImportServiceDeps): Partial<Handlers> {
  let running: Promise<unknown> = Promise.resolve();
  return {
    async rescoreAll({ asOf }) {
      const job = running.then(async () => {
        const db = deps.db();
        const settings = await deps.settings();
        const total = await db.customers.count();
        deps.progress({ type: 'rapport:rescore-progress', done: 0, total });
        const r = await deps.rescoreAll(db, settings, asOf, (done, t) => deps.progress({ type: 'rapport:rescore-progress', done, total: t }));
        const customers =
          typeof r === 'object' && r !== null && typeof (r as { customers?: unknown }).customers === 'number' ? (r as { customers: number }).customers : total;
        deps.progress({ type: 'rapport:rescore-progress', done: customers, total: customers });
        await deps.broadcast();
        return { customers };
      });
      running = job.catch(() => undefined);
      return job;
    },
  };
}

/** The background's options-page handlers, wired to the relationship scorer and the extension's pages. */
export const importHandlers: Partial<Handlers> = createImportHandlers({
  db: getDb,
  settings: loadSettings,
  rescoreAll,
  broadcast: broadcastDataChanged,
  progress: (p) => void browser.runtime.sendMessage(p).catch(() => undefined),
});
