/**
 * The sync benchmark's side of the options page: messages to the background as the page sends
 * them, a pass waited for by its progress messages (no polling that would load the worker), and
 * the rows the pass left in the extension's IndexedDB.
 */
import type { Page, Worker } from '@playwright/test';

/** What the background tells pages about a connection (lib/sync/state.ts ConnectionStatus, the fields used here). */
export interface PassStatus {
  crm: string;
  state: 'disconnected' | 'connected' | 'syncing' | 'error';
  lastSyncAt?: string;
  error?: string;
  progress?: { read: number; total?: number; skipped: number; full: boolean };
}

type Runtime = {
  chrome: {
    runtime: {
      sendMessage: (m: unknown) => Promise<{ ok: boolean; data?: unknown; error?: unknown }>;
      onMessage: { addListener: (f: (m: unknown) => void) => void; removeListener: (f: (m: unknown) => void) => void };
    };
  };
};

/** A background message; an error answer throws with the answer. */
export async function askBackground<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = await page.evaluate(([t, p]) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const);
  if (!reply?.ok) throw new Error(`${type}: ${JSON.stringify(reply)}`);
  return reply.data as T;
}

/**
 * Send `type` (which starts a pass on Pipedrive) and wait for the progress message that ends it:
 * not syncing, with a last sync other than `previous` (or an error). Also when the full rescore
 * started (its first progress message), as epoch ms.
 */
export function passDone(page: Page, type: string, payload: unknown, previous: string | undefined): Promise<{ status: PassStatus; rescoreStartedAt?: number }> {
  return page.evaluate(
    ([t, p, prev]) =>
      new Promise<{ status: PassStatus; rescoreStartedAt?: number }>((resolve, reject) => {
        const runtime = (globalThis as unknown as Runtime).chrome.runtime;
        let rescoreStartedAt: number | undefined;
        const listener = (raw: unknown): void => {
          const m = raw as { type?: string; status?: PassStatus };
          if (m.type === 'rapport:rescore-progress') rescoreStartedAt ??= Date.now();
          const st = m.status;
          if (m.type !== 'rapport:sync-progress' || st?.crm !== 'pipedrive') return;
          if (st.state === 'error' || (st.state !== 'syncing' && st.lastSyncAt && st.lastSyncAt !== prev)) {
            runtime.onMessage.removeListener(listener);
            resolve({ status: st, ...(rescoreStartedAt !== undefined ? { rescoreStartedAt } : {}) });
          }
        };
        runtime.onMessage.addListener(listener);
        runtime.sendMessage({ type: t, payload: p }).then((reply) => {
          if (reply?.ok) return;
          runtime.onMessage.removeListener(listener);
          reject(new Error(`${t}: ${JSON.stringify(reply)}`));
        }, reject);
      }),
    [type, payload, previous] as const,
  );
}

/** Rows in the book's tables of the extension's database (`rapport`). */
export function countRows(page: Page): Promise<Record<'customers' | 'transactions' | 'interactions' | 'scores', number>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(new Error(`cannot open the database: ${String(open.error)}`));
        open.onsuccess = () => {
          const db = open.result;
          const names = ['customers', 'transactions', 'interactions', 'scores'] as const;
          const tx = db.transaction([...names], 'readonly');
          const out: Record<string, number> = {};
          for (const n of names) {
            const req = tx.objectStore(n).count();
            req.onsuccess = () => (out[n] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out as Record<(typeof names)[number], number>);
          };
          tx.onerror = () => reject(new Error(`cannot count rows: ${String(tx.error)}`));
        };
      }),
  );
}

/** Runs where it is evaluated: whether every one of `wanted` has a row in the database's `meta` table. */
const allInMeta = (wanted: string[]): Promise<boolean> =>
  new Promise<boolean>((resolve) => {
    const open = indexedDB.open('rapport');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      const store = db.transaction('meta').objectStore('meta');
      let found = 0;
      for (const k of wanted) {
        const req = store.getKey(k);
        req.onsuccess = () => {
          if (req.result !== undefined) found++;
        };
      }
      store.transaction.oncomplete = () => {
        db.close();
        resolve(found === wanted.length);
      };
      store.transaction.onerror = () => {
        db.close();
        resolve(false);
      };
    };
  });

/** Whether every one of `keys` has a row in the `meta` table, asked in an extension page or the service worker. */
export function metaStored(target: Page | Worker, keys: readonly string[]): Promise<boolean> {
  return 'goto' in target ? target.evaluate(allInMeta, [...keys]) : target.evaluate(allInMeta, [...keys]);
}
