import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB, crmKey } from '../../../lib/db/app-db';
import { MIGRATIONS } from '../../../lib/db/migrations';
import { customersRepo } from '../../../lib/db/repos/customers';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** How many migrations open a database at version `v` (AppDB's `upTo`). */
const upTo = (v: number): number => MIGRATIONS.findIndex((m) => m.version === v) + 1;

describe('migration 004: CRM keys carry the tenant', () => {
  it('rewrites stored keys into the unbound form, adds the any-tenant index, and the record matches until a tenant binds it', async () => {
    const name = `mig-004-${Math.random()}`;
    names.push(name);
    const prev = MIGRATIONS[upTo(4) - 2]!.version;
    const old = new AppDB(name, upTo(prev));
    await old.open();
    await old.table('customers').put({
      id: 'c1',
      name: 'Acme',
      emails: [],
      createdAt: '2025-01-01',
      crmRefs: [{ crm: 'pipedrive', objectType: 'account', id: '5' }],
      crmKeys: ['pipedrive:account:5'],
    });
    old.close();

    const db = new AppDB(name, upTo(4));
    await db.open();
    const row = await db.customers.get('c1');
    expect(row).toMatchObject({ crmKeys: ['pipedrive::account:5'], refKeys: ['pipedrive:account:5'] });
    const ref = { crm: 'pipedrive' as const, objectType: 'account' as const, id: '5' };
    expect((await customersRepo(db).withRef(ref, null)).map((c) => c.id)).toEqual(['c1']);
    expect(await customersRepo(db).withRef(ref, 'acme')).toEqual([]);
    await customersRepo(db).bindRef('c1', ref, 'acme');
    expect((await customersRepo(db).withRef(ref, 'acme')).map((c) => c.id)).toEqual(['c1']);
    expect(await customersRepo(db).withRef(ref, null)).toEqual([]);
    expect((await db.customers.get('c1'))!.crmKeys).toEqual([crmKey({ ...ref, tenant: 'acme' })]);
    db.close();
  });

  it('a tenant with a colon cannot forge another key', () => {
    expect(crmKey({ crm: 'dynamics', objectType: 'account', id: 'x', tenant: 'a:account' })).toBe('dynamics:a%3Aaccount:account:x');
  });
});
