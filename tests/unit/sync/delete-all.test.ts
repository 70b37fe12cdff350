/**
 * "Delete all data" (lib/services/data.ts) with a connected CRM: the connection and its token,
 * the cursor and the outbox go with the book; settings stay; a pass under way is stopped first,
 * so nothing it reads comes back after the wipe, and no pass starts during it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { customersRepo } from '../../../lib/db/repos/customers';
import { settingsRepo } from '../../../lib/db/repos/settings';
import { syncRepo } from '../../../lib/db/repos/sync';
import { TABLE_NAMES } from '../../../lib/db/tables';
import type { Customer } from '../../../lib/schemas/domain';
import { createDataHandlers } from '../../../lib/services/data';
import { engineSetup } from './engine-setup';

const page = { id: 'ext', url: 'chrome-extension://ext/options.html' };
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setup(extra: { customers?: Customer[] } = {}) {
  const s = await engineSetup(extra);
  cleanup = s.close;
  const token = s.mock.newToken();
  await s.engine.connect('pipedrive', { apiToken: token });
  const handlers = createDataHandlers({
    db: () => s.db,
    broadcast: async () => undefined,
    dropFiles: vi.fn(async () => undefined),
    withSyncStopped: (fn) => s.engine.halt(fn),
    rescore: async () => ({ customers: 0 }),
    asOf: () => '2026-11-20',
  });
  return { ...s, token, handlers };
}

/** Every row of every table but settings, as JSON (to look for the token anywhere). */
async function everything(db: Awaited<ReturnType<typeof setup>>['db']): Promise<string> {
  const rows = await Promise.all(TABLE_NAMES.filter((t) => t !== 'settings').map((t) => db.table(t).toArray()));
  return JSON.stringify(rows);
}

describe('"delete all data" with a connected CRM', () => {
  it('removes the connection with its token, the cursor and the outbox; settings stay; the CRM shows as disconnected', async () => {
    const { db, engine, token, handlers } = await setup();
    expect(await engine.sync('pipedrive')).toMatchObject({ outcome: 'done' });
    await syncRepo(db).putOutbox({
      interactionId: 'ql-1',
      crm: 'pipedrive',
      draft: { key: 'ql-1', target: { objectType: 'account', id: '1' }, date: '2026-11-19', channel: 'call', summary: 'Call' },
      state: 'queued',
      attempts: 0,
      nextAt: 0,
      uncertain: false,
    });
    await settingsRepo(db).put({ version: 1, language: 'zh_CN' });
    expect(await everything(db)).toContain(token);

    expect(await handlers.deleteAllData({}, page)).toEqual({ cleared: true });

    expect(await syncRepo(db).connections()).toEqual([]);
    expect(await syncRepo(db).cursor('pipedrive')).toBeUndefined();
    expect(await syncRepo(db).outboxRow('ql-1')).toBeUndefined();
    expect(await customersRepo(db).count()).toBe(0);
    expect(await everything(db)).not.toContain(token);
    expect(await settingsRepo(db).raw()).toEqual({ version: 1, language: 'zh_CN' });
    expect(await engine.status('pipedrive')).toMatchObject({ state: 'disconnected', outbox: 0 });
  });

  it('stops a first sync under way before wiping: nothing it read comes back, no cursor is left', async () => {
    const filler = Array.from({ length: 700 }, (_, i): Customer => ({ id: `X${i}`, name: `Filler ${i}`, emails: [], createdAt: '2022-01-01', crmRefs: [] }));
    const { db, engine, log, handlers } = await setup({ customers: filler });
    let deleting: Promise<unknown> | undefined;
    log.onProgress = (p) => {
      if (p.state === 'syncing' && (p.progress?.read ?? 0) > 0) deleting ??= handlers.deleteAllData({}, page);
    };
    expect(await engine.sync('pipedrive')).toMatchObject({ outcome: 'cancelled' });
    log.onProgress = undefined;
    await deleting;
    expect(await customersRepo(db).count()).toBe(0);
    expect(await syncRepo(db).cursor('pipedrive')).toBeUndefined();
    expect(await syncRepo(db).connections()).toEqual([]);
  });

  it('no pass starts while the wipe runs (an alarm firing meanwhile reads nothing)', async () => {
    const { engine, mock } = await setup();
    const before = mock.requests.length;
    const during = await engine.halt(() => engine.sync('pipedrive'));
    expect(during).toEqual({ crm: 'pipedrive', outcome: 'cancelled', read: 0, skipped: 0 });
    expect(mock.requests.length).toBe(before);
    // once it is over, passes run again
    expect(await engine.sync('pipedrive')).toMatchObject({ outcome: 'done' });
  });
});
