import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { customersRepo } from '../../../lib/db/repos/customers';
import { createBackup } from '../../../lib/backup/backup';
import { serveRestorePort, type RestorePortDeps } from '../../../lib/services/restore-port';
import { RestoreClient } from '../../../components/options/restore-client';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';
import { fakeBackground } from '../import/fake-port';

let db: AppDB;
let deps: RestorePortDeps;
beforeEach(async () => {
  db = new AppDB(`restore-${Math.random()}`);
  await db.open();
  deps = {
    db: () => db,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    saveSettings: vi.fn(async (s) => s),
    broadcast: vi.fn(async () => undefined),
  };
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const customer = (id: string) => ({ id, name: `Name ${id}`, emails: [], createdAt: '2025-01-01', crmRefs: [] });

async function backupOf(ids: string[], language: 'en' | 'zh_CN'): Promise<Blob> {
  const other = new AppDB(`src-${Math.random()}`);
  await customersRepo(other).bulkPut(ids.map(customer));
  const b = await createBackup(other, { ...DEFAULT_SETTINGS, language }, 1_700_000_000_000);
  other.close();
  await Dexie.delete(other.name);
  return new Blob([JSON.stringify(b)]);
}

describe('restoring through the background (restore port)', () => {
  it('sends the backup in parts, answers the plan, restores data and settings on confirmation', async () => {
    await customersRepo(db).put(customer('OLD'));
    const bg = fakeBackground((port) => serveRestorePort(port, deps));
    const client = new RestoreClient({ connect: bg.connect, partSize: 100 });
    const plan = await client.plan(await backupOf(['A', 'B'], 'zh_CN'));
    expect(plan.exportedAt).toBe(1_700_000_000_000);
    expect(plan.changes.find((c) => c.table === 'customers')).toEqual({ table: 'customers', current: 1, incoming: 2 });
    expect(await customersRepo(db).count()).toBe(1);
    await expect(client.restore()).resolves.toEqual({ restored: true });
    expect((await customersRepo(db).all()).map((c) => c.id)).toEqual(['A', 'B']);
    expect(deps.saveSettings).toHaveBeenCalledWith(expect.objectContaining({ language: 'zh_CN' }));
    expect(deps.broadcast).toHaveBeenCalledOnce();
    client.close();
  });

  it('refuses a tampered backup with a code naming table, row and field; nothing changes', async () => {
    await customersRepo(db).put(customer('OLD'));
    const bg = fakeBackground((port) => serveRestorePort(port, deps));
    const client = new RestoreClient({ connect: bg.connect });
    const json = JSON.parse(await (await backupOf(['A'], 'en')).text()) as { tables: { customers: { createdAt: unknown }[] } };
    json.tables.customers[0]!.createdAt = 'yesterday';
    await expect(client.plan(new Blob([JSON.stringify(json)]))).rejects.toMatchObject({
      error: { code: 'backup.invalid-row', params: { where: 'customers[0].createdAt' } },
    });
    await expect(client.restore()).rejects.toMatchObject({ error: { code: 'restore.interrupted' } });
    expect((await customersRepo(db).all()).map((c) => c.id)).toEqual(['OLD']);
    expect(deps.saveSettings).not.toHaveBeenCalled();
  });

  it('a restore cut off before it ran changed nothing, and says so', async () => {
    const bg = fakeBackground((port) => serveRestorePort(port, deps));
    const client = new RestoreClient({ connect: bg.connect });
    await client.plan(await backupOf(['A'], 'en'));
    bg.kill();
    await expect(client.restore()).rejects.toMatchObject({ error: { code: 'restore.interrupted' } });
    expect(await customersRepo(db).count()).toBe(0);
  });

  it('serves only Rapport’s own pages', () => {
    const disconnect = vi.fn();
    serveRestorePort(
      {
        name: 'rapport:restore',
        sender: { id: 'ext', url: 'https://crm.example/' },
        postMessage: () => undefined,
        disconnect,
        onMessage: { addListener: () => undefined },
        onDisconnect: { addListener: () => undefined },
      },
      deps,
    );
    expect(disconnect).toHaveBeenCalled();
  });
});
