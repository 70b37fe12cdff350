/**
 * The full rescore, one at a time: every change that can move every customer's scores or
 * action ranking — an import, a restore, the sample book, a goal, a scoring setting — queues
 * one here. It recomputes every score with the relationship scorer, reports progress to
 * extension pages (`rapport:rescore-progress`) and tells CRM tabs and pages that data changed.
 */
import { browser } from 'wxt/browser';
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { customersRepo } from '../db/repos/customers';
import { loadSettings } from '../settings/store';
import type { Handlers } from '../messaging/router';
import type { RescoreProgress } from '../messaging/protocol';
import type { Settings } from '../schemas/settings';
import { broadcastDataChanged } from './broadcast';
import { rescoreAll } from './rescore';

export type RescoreAllFn = (db: AppDB, settings: Settings, asOf: string, onProgress?: (done: number, total: number) => void) => Promise<unknown>;

export interface RescoreQueueDeps {
  db: () => AppDB;
  settings: () => Promise<Settings>;
  rescoreAll: RescoreAllFn;
  broadcast: (customerIds?: string[]) => Promise<void>;
  /** Sends a progress message to extension pages (ignored when none listens). */
  progress: (p: RescoreProgress) => void;
}

export type RescoreQueue = (asOf: string) => Promise<{ customers: number }>;

/** At most one full rescore at a time; a second request waits for the running one, then runs. */
export function createRescoreQueue(deps: RescoreQueueDeps): RescoreQueue {
  let running: Promise<unknown> = Promise.resolve();
  return (asOf) => {
    const job = running.then(async () => {
      const db = deps.db();
      const settings = await deps.settings();
      const total = await customersRepo(db).count();
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
  };
}

/** The background's queue, wired to the relationship scorer and the extension's pages. */
export const rescoreQueue: RescoreQueue = createRescoreQueue({
  db: getDb,
  settings: () => loadSettings(),
  rescoreAll,
  broadcast: broadcastDataChanged,
  progress: (p) => void browser.runtime.sendMessage(p).catch(() => undefined),
});

/** "Rescore everyone now" as of the given day. */
export const rescoreAllHandlers = (queue: RescoreQueue = rescoreQueue): Pick<Handlers, 'rescoreAll'> => ({
  rescoreAll: ({ asOf }) => queue(asOf),
});
