import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { MIGRATIONS } from '../../../lib/db/migrations';

const opened: AppDB[] = [];
const openAt = async (name: string, upTo: number): Promise<AppDB> => {
  const db = new AppDB(name, upTo);
  opened.push(db);
  await db.open();
  return db;
};

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('Dexie migrations', () => {
  it('are numbered from 1 upwards, each above the last (a number reserved by a branch not merged yet may be missing)', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    versions.slice(1).forEach((v, i) => expect(v).toBeGreaterThan(versions[i]!));
  });

  it('v1 creates every table of the canonical model with its indexes', async () => {
    const db = await openAt('mig-v1', 1);
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['actions', 'contacts', 'customers', 'feedback', 'goals', 'importLog', 'interactions', 'meta', 'scores', 'transactions'].sort(),
    );
    const idx = (t: string): string[] =>
      db
        .table(t)
        .schema.indexes.map((i) => i.name)
        .sort();
    expect(idx('customers')).toEqual(expect.arrayContaining(['crmKeys', 'domain', 'emails', 'name']));
    expect(idx('transactions')).toEqual(expect.arrayContaining(['[customerId+date]', 'customerId', 'date']));
    expect(idx('actions')).toEqual(expect.arrayContaining(['[status+due]', '[customerId+status]']));
  });

  it('v2 adds the settings store (one row per key) and keeps v1 data', async () => {
    const old = await openAt('mig-v2', 1);
    await old.table('meta').put({ key: 'bookModel', value: { asOf: '2025-01-01' } });
    old.close();
    const db = await openAt('mig-v2', 2);
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name)).toContain('settings');
    expect(db.table('settings').schema.primKey.keyPath).toBe('key');
    await db.table('settings').put({ key: 'settings', value: { version: 1 } });
    expect(await db.table('settings').count()).toBe(1);
    expect(await db.table('meta').get('bookModel')).toEqual({ key: 'bookModel', value: { asOf: '2025-01-01' } });
  });

  it('v3 adds score history (one row per customer and day) and action outcomes, keeping v2 data', async () => {
    const old = await openAt('mig-v3', 2);
    await old.table('settings').put({ key: 'settings', value: { version: 1 } });
    old.close();
    const db = await openAt('mig-v3', 3);
    expect(db.verno).toBe(3);
    const idx = (t: string): string[] => db.table(t).schema.indexes.map((i) => i.name);
    expect(idx('scoreHistory')).toEqual(expect.arrayContaining(['[customerId+date]', 'customerId', 'date']));
    expect(idx('actionOutcomes')).toEqual(expect.arrayContaining(['customerId', 'date', 'outcome']));
    expect(await db.table('settings').get('settings')).toEqual({ key: 'settings', value: { version: 1 } });
  });

  it('every version upgrades a database written by the one before it, keeping its rows', async () => {
    for (let v = 1; v < MIGRATIONS.length; v++) {
      const name = `mig-upgrade-${v}`;
      const old = await openAt(name, v);
      await old.table('customers').put({ id: 'c1', name: 'Acme', emails: [], createdAt: '2025-01-01', crmRefs: [], crmKeys: [] });
      old.close();
      const next = await openAt(name, v + 1);
      expect(await next.table('customers').get('c1')).toMatchObject({ id: 'c1', name: 'Acme' });
    }
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(1);
  });
});

describe('migration 005 (CRM sync)', () => {
  it('adds the sync tables to a database of the previous version, keeping its rows', async () => {
    const before = MIGRATIONS.findIndex((m) => m.version === 5);
    const old = await openAt('mig-v5', before);
    await old.customers.put({ id: 'C1', name: 'Acme', emails: [], createdAt: '2025-01-01', crmRefs: [], crmKeys: [] });
    old.close();
    const db = await openAt('mig-v5', MIGRATIONS.length);
    expect(await db.customers.count()).toBe(1);
    await db.syncOutbox.put({
      interactionId: 'I1',
      crm: 'hubspot',
      draft: { key: 'I1', target: { objectType: 'account', id: '9' }, date: '2026-01-01', channel: 'call', summary: 'x' },
      state: 'written',
      attempts: 1,
      nextAt: 0,
      uncertain: false,
      crmId: 'A9',
    });
    expect(await db.syncOutbox.where('[crm+crmId]').equals(['hubspot', 'A9']).primaryKeys()).toEqual(['I1']);
  });
});
