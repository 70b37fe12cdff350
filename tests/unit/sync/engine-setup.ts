/** A sync engine on a fresh database against the Pipedrive mock (token auth: the simplest to drive), with the real scorer. */
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { rescoreAll, rescoreCustomer } from '../../../lib/services/rescore';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';
import { CONNECTORS } from '../../../lib/sync/connectors';
import { createSyncEngine } from '../../../lib/sync/engine';
import type { ConnectionStatus } from '../../../lib/sync/state';
import type { Customer } from '../../../lib/schemas/domain';
import { mockFetch } from '../../mocks/harness';
import { PipedriveMock } from '../../mocks/pipedrive';
import { book } from './book';

export const AS_OF = '2026-11-20';

export async function engineSetup(extra: { customers?: Customer[] } = {}) {
  const db = new AppDB(`engine-${Math.random()}`);
  await db.open();
  const mock = new PipedriveMock({ now: Date.parse('2026-11-18T09:00:00Z') });
  const orgs = mock.store.seed({ ...book, customers: [...book.customers, ...(extra.customers ?? [])] });
  mock.store.now = Date.parse('2026-11-20T09:00:00Z');
  const fetch = mockFetch([{ match: (u) => u.hostname.endsWith('.pipedrive.com'), handler: mock.handle }]);
  const log = {
    rescored: [] as (string[] | 'all')[],
    progress: [] as ConnectionStatus[],
    broadcasts: 0,
    sleeps: [] as number[],
    onProgress: undefined as ((s: ConnectionStatus) => void) | undefined,
  };
  const deps = {
    db: () => db,
    connectors: CONNECTORS,
    fetch,
    now: () => mock.now,
    rescore: async (ids: string[] | undefined) => {
      log.rescored.push(ids ?? 'all');
      if (ids) for (const id of ids) await rescoreCustomer(db, id, DEFAULT_SETTINGS, AS_OF);
      else await rescoreAll(db, DEFAULT_SETTINGS, AS_OF);
    },
    broadcast: async () => {
      log.broadcasts++;
    },
    progress: (s: ConnectionStatus) => {
      log.progress.push(s);
      log.onProgress?.(s);
    },
    sleep: async (ms: number) => {
      log.sleeps.push(ms);
      mock.advance(ms);
    },
  };
  const engine = createSyncEngine(deps);
  const close = async (): Promise<void> => {
    db.close();
    await Dexie.delete(db.name);
  };
  return { db, mock, orgs, engine, deps, log, close };
}
