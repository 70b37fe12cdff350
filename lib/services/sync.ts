/**
 * Background wiring of the CRM sync (lib/sync): the engine and the outbox on the real database,
 * fetch, scorer and pages; the options page's messages; the schedule — an incremental pass for
 * every connected CRM every SYNC_MINUTES (`browser.alarms`), and the outbox woken when a log is
 * due (an alarm, and a timer while the worker is awake for waits shorter than an alarm's minimum).
 */
import { browser } from 'wxt/browser';
import { getDb } from '../db/db';
import { syncRepo } from '../db/repos/sync';
import { CodedError, type ErrorCode } from '../messaging/errors';
import { SYNC_PROGRESS, type SyncProgress } from '../messaging/protocol';
import type { Handlers } from '../messaging/router';
import type { Customer, Interaction } from '../schemas/domain';
import type { CrmId } from '../schemas/values';
import { today } from '../clock';
import { loadSettings } from '../settings/store';
import { CONNECTORS } from '../sync/connectors';
import { createSyncEngine, errorCodeOf } from '../sync/engine';
import { createOutbox } from '../sync/outbox';
import type { ConnectionStatus } from '../sync/state';
import { ConnectorError } from '../sync/types';
import { broadcastDataChanged } from './broadcast';
import { rescoreCustomers } from './rescore';
import { rescoreQueue } from './rescore-all';
import { sessionInput, withBrowserSession } from './sync-session';
import { browserTabs, sessionAwareFetch } from './sync-tab-fetch';

export const SYNC_ALARM = 'rapport:sync';
export const OUTBOX_ALARM = 'rapport:outbox';
export const SYNC_MINUTES = 15;
/** Chrome fires alarms no sooner than 30 s ahead. */
const ALARM_MIN_MS = 30_000;

const progress = (status: ConnectionStatus): void => {
  void browser.runtime.sendMessage({ type: SYNC_PROGRESS, status } satisfies SyncProgress).catch(() => undefined);
};

/** Requests on the browser's session (Dynamics) go through an open tab of the org when there is one (sync-tab-fetch.ts). */
const crmFetch = sessionAwareFetch((input: string, init?: RequestInit) => fetch(input, init), browserTabs);
const session = { db: getDb, connectors: CONNECTORS, fetch: crmFetch, now: () => Date.now(), sessionInput };

export const syncEngine = createSyncEngine({
  ...session,
  async rescore(ids) {
    const asOf = today();
    if (!ids) {
      await rescoreQueue(asOf);
      return;
    }
    const settings = await loadSettings();
    await rescoreCustomers(getDb(), ids, settings, asOf);
  },
  broadcast: broadcastDataChanged,
  neverLog: async () => (await loadSettings()).neverLog,
  progress,
});

let timer: ReturnType<typeof setTimeout> | undefined;
export const outbox = createOutbox({
  ...session,
  schedule(when) {
    const wait = when - Date.now();
    if (timer) clearTimeout(timer);
    if (wait < ALARM_MIN_MS) timer = setTimeout(() => void outbox.drain(), Math.max(0, wait));
    void browser.alarms.create(OUTBOX_ALARM, { when: Math.max(when, Date.now() + ALARM_MIN_MS) });
  },
  changed: (crm) => void syncEngine.status(crm).then(progress),
});

/** Queue a quick-log for write-back and start writing it; `off` when no connected CRM knows the customer. */
export async function enqueueWriteBack(interaction: Interaction, customer: Customer) {
  const state = await outbox.enqueue(interaction, customer);
  if (state === 'queued') void outbox.drain();
  return state;
}

/** Forget the queued write-back of an undone quick-log. */
export const dropWriteBack = (interactionId: string): Promise<void> => outbox.drop(interactionId);

/** A connector's refusal as a code the page translates; a named connect field is shown beside its input. */
function codedOf(e: unknown, crm: CrmId): unknown {
  if (!(e instanceof ConnectorError)) return e;
  const field = /^([A-Za-z]+): /.exec(e.detail)?.[1];
  if (field && CONNECTORS[crm].fields.some((f) => f.name === field))
    return new CodedError(e.detail.endsWith('required') ? 'value.required' : 'value.invalid', undefined, `input.${field}`);
  if (crm === 'salesforce' && e.code === 'auth' && e.detail.startsWith('sid:')) return new CodedError('sync.no-session');
  return new CodedError(errorCodeOf(e) as ErrorCode);
}

/** Run a pass, then write what the outbox holds (a pass may have recognised lost writes). */
const runPass = (crm: CrmId): void => void syncEngine.sync(crm).then(() => outbox.drain());

export const syncHandlers: Pick<Handlers, 'getSyncStatus' | 'connectCrm' | 'syncCrm' | 'cancelSync' | 'disconnectCrm' | 'setSyncOptions'> = {
  getSyncStatus: () => syncEngine.statuses(),
  async connectCrm({ crm, input }) {
    try {
      await syncEngine.connect(crm, await withBrowserSession(crm, input));
    } catch (e) {
      throw codedOf(e, crm);
    }
    runPass(crm);
    return syncEngine.status(crm);
  },
  async syncCrm({ crm }) {
    if (!(await syncRepo(getDb()).connection(crm))) throw new CodedError('sync.auth');
    runPass(crm);
    return syncEngine.status(crm);
  },
  cancelSync: ({ crm }) => syncEngine.cancel(crm),
  disconnectCrm: ({ crm }) => syncEngine.disconnect(crm),
  async setSyncOptions({ crm, writeBack, writeScores }) {
    await syncRepo(getDb()).updateConnection(crm, { ...(writeBack !== undefined ? { writeBack } : {}), ...(writeScores !== undefined ? { writeScores } : {}) });
    if (writeBack) void outbox.drain();
    const status = await syncEngine.status(crm);
    progress(status);
    return status;
  },
};

/** "Delete all data": `fn` runs with no sync pass running or starting; then pages hear every CRM's state (disconnected). */
export async function withSyncStopped<T>(fn: () => Promise<T>): Promise<T> {
  const out = await syncEngine.halt(fn);
  for (const status of await syncEngine.statuses()) progress(status);
  return out;
}

/** Background wiring: the schedule, and the outbox drained once at start (logs queued before the worker slept). */
export function setupSync(): void {
  void browser.alarms.get(SYNC_ALARM).then((a) => (a ? undefined : browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_MINUTES })));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncEngine.syncAll().then(() => outbox.drain());
    if (alarm.name === OUTBOX_ALARM) void outbox.drain();
  });
  void outbox.drain();
}
