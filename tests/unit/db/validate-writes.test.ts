import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB, toStoredCustomer } from '../../../lib/db/app-db';
import { CodedError } from '../../../lib/messaging/errors';
import type { Customer } from '../../../lib/schemas/domain';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`validate-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const customer = (over: Partial<Customer> = {}): Customer => ({ id: 'c1', name: 'Acme', emails: [], createdAt: '2025-01-01', crmRefs: [], ...over });
const refused = async (p: Promise<unknown>): Promise<CodedError> => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CodedError);
  return e as CodedError;
};

describe('every write is checked against the domain schema', () => {
  it('a valid row is stored as given', async () => {
    await db.customers.put(toStoredCustomer(customer()));
    expect(await db.customers.get('c1')).toMatchObject({ id: 'c1', crmKeys: [] });
  });

  it('a CRM id longer than the schema allows is refused, naming table, key and field', async () => {
    const hostile = customer({ crmRefs: [{ crm: 'salesforce', objectType: 'account', id: '9'.repeat(201) }] });
    const e = await refused(db.customers.put(toStoredCustomer(hostile)));
    expect(e.error).toMatchObject({ code: 'db.invalid-row', field: 'crmRefs.0.id', params: { table: 'customers', key: 'c1' } });
    expect(await db.customers.count()).toBe(0);
  });

  it('an impossible date is refused (9999-99-99, 30 February)', async () => {
    const action = { id: 'a1', customerId: 'c1', kind: 'revisit', status: 'snoozed', due: '2026-01-10', reason: 'r', createdAt: 1, updatedAt: 1 } as const;
    await refused(db.actions.put({ ...action, snoozedUntil: '9999-99-99' }));
    await refused(db.transactions.put({ id: 't1', customerId: 'c1', date: '2025-02-30', amount: 5 }));
    await db.actions.put({ ...action, snoozedUntil: '2026-02-28' });
    expect(await db.actions.count()).toBe(1);
  });

  it('one bad row in a bulk write fails the whole transaction: nothing half-written', async () => {
    const rows = [
      { id: 't1', customerId: 'c1', date: '2025-01-01', amount: 5 },
      { id: 't2', customerId: 'c1', date: '2025-01-02', amount: Number.NaN },
    ];
    await refused(db.transaction('rw', db.transactions, async () => db.transactions.bulkPut(rows)));
    expect(await db.transactions.count()).toBe(0);
  });

  it('modify() and update() are checked too', async () => {
    await db.transactions.put({ id: 't1', customerId: 'c1', date: '2025-01-01', amount: 5 });
    await refused(db.transactions.update('t1', { date: 'yesterday' }));
    await refused(
      db.transactions
        .where('customerId')
        .equals('c1')
        .modify((t) => {
          t.amount = Number.POSITIVE_INFINITY;
        }),
    );
    expect(await db.transactions.get('t1')).toMatchObject({ date: '2025-01-01', amount: 5 });
  });
});
