import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { customersRepo } from '../../../lib/db/repos/customers';
import { actionsRepo } from '../../../lib/db/repos/actions';
import { interactionsRepo } from '../../../lib/db/repos/history';
import { outcomesRepo } from '../../../lib/db/repos/outcomes';
import type { ImportCheckpoint } from '../../../lib/db/repos/import-log';
import type { ImportKind } from '../../../lib/import/columns';
import type { ImportRecord } from '../../../lib/import/rows';
import { rollbackImport, startImportLog, writeChunk } from '../../../lib/import/store';
import { revertCustomer } from '../../../lib/import/rollback';
import type { Customer } from '../../../lib/schemas/domain';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`rollback-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** An import left unfinished after writing these chunks (one per array). */
async function unfinished(importId: string, kind: ImportKind, ...chunks: ImportRecord[][]): Promise<void> {
  const cp: ImportCheckpoint = { importId, fileName: 'f.csv', fileSize: 1, lastModified: 0, kind, slicesDone: 0, sliceSize: 1, tailDone: false };
  await startImportLog(db, cp, 1);
  for (const [seq, records] of chunks.entries())
    await writeChunk(db, kind, { records, rejected: [], duplicates: 0, rowsSeen: records.length }, seq, { ...cp, slicesDone: seq + 1 });
}
const purchase = (id: string, customerId: string): ImportRecord => ({ id, customerId, date: '2025-01-01', amount: 5 });
const customer = (id: string, more: Partial<Customer> = {}): Customer => ({ id, name: id, emails: [], createdAt: '2024-01-01', crmRefs: [], ...more });

describe('rolling back an import', () => {
  it('keeps the placeholders now in use (a quick-log, an action decision or outcome, a linked CRM ref) and deletes the others', async () => {
    await unfinished(
      'imp',
      'transactions',
      ['P1', 'P2', 'P3', 'P4', 'P5'].map((c, i) => purchase(`t${i}`, c)),
    );
    expect(await db.customers.count()).toBe(5);
    // since: a quick-log for P1, a decision on P2's action, an outcome for P3, P4 linked from a CRM page
    await interactionsRepo(db).add({ id: 'q:1', customerId: 'P1', date: '2025-02-01', channel: 'call', summary: 'called', createdAt: 2 });
    await actionsRepo(db).put({
      id: 'P2:revisit',
      customerId: 'P2',
      kind: 'revisit',
      status: 'done',
      due: '2025-02-01',
      reason: 'r',
      createdAt: 1,
      updatedAt: 2,
    });
    await outcomesRepo(db).add([
      { id: 'o1', customerId: 'P3', actionId: 'P3:revisit', kind: 'revisit', tier: 'gold', outcome: 'dismissed', date: '2025-02-01' },
    ]);
    await customersRepo(db).linkRef('P4', { crm: 'hubspot', objectType: 'account', id: '44', tenant: 'acme' });
    // an open action (derived, rescored away) is not a use
    await actionsRepo(db).put({
      id: 'P5:revisit',
      customerId: 'P5',
      kind: 'revisit',
      status: 'open',
      due: '2025-02-01',
      reason: 'r',
      createdAt: 1,
      updatedAt: 1,
    });

    expect(await rollbackImport(db, 'imp', 3)).toMatchObject({ status: 'cancelled', accepted: 0 });
    expect(await db.transactions.count()).toBe(0);
    expect((await db.customers.orderBy('id').primaryKeys()).sort()).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(await interactionsRepo(db).get('q:1')).toBeDefined();
    expect((await customersRepo(db).get('P4'))!.crmRefs).toHaveLength(1);
  });

  it('deletes a customer a customers import created unless it is in use or changed since', async () => {
    await unfinished('imp', 'customers', [customer('N1'), customer('N2'), customer('N3', { domain: 'n3.example' })]);
    await interactionsRepo(db).add({ id: 'q:2', customerId: 'N2', date: '2025-02-01', channel: 'email', summary: 'hi', createdAt: 2 });
    await customersRepo(db).linkRef('N3', { crm: 'zoho', objectType: 'account', id: '3' });
    await rollbackImport(db, 'imp', 3);
    expect((await db.customers.orderBy('id').primaryKeys()).sort()).toEqual(['N2', 'N3']);
  });

  it('restores only the fields the import changed that still hold its value; changes made since stay', async () => {
    const before = customer('C1', {
      name: 'Acme',
      segment: 'Retail',
      emails: ['a@acme.example'],
      crmRefs: [{ crm: 'salesforce', objectType: 'account', id: '001A' }],
    });
    await customersRepo(db).put(before);
    await customersRepo(db).put(customer('C2', { name: 'Gone soon' }));
    await unfinished('imp', 'customers', [
      customer('C1', {
        name: 'Acme Corp',
        segment: 'Wholesale',
        owner: 'Kim',
        emails: ['b@acme.example'],
        crmRefs: [{ crm: 'hubspot', objectType: 'account', id: '9' }],
      }),
      customer('C2', { name: 'Renamed' }),
    ]);
    // since: the segment changed again, a CRM page linked another ref, C2 was deleted (a sync)
    const now = (await customersRepo(db).get('C1'))!;
    await customersRepo(db).put({ ...now, segment: 'Enterprise', crmRefs: [...now.crmRefs, { crm: 'zoho', objectType: 'account', id: 'z1', tenant: 'eu' }] });
    await customersRepo(db).bulkDelete(['C2']);

    await rollbackImport(db, 'imp', 3);
    const after = (await customersRepo(db).get('C1'))!;
    expect(after.name).toBe('Acme'); // the import's value, taken back
    expect(after.owner).toBeUndefined(); // the import added it: gone
    expect(after.segment).toBe('Enterprise'); // changed since: kept
    expect(after.emails).toEqual(['a@acme.example']);
    expect(after.crmRefs).toEqual([
      { crm: 'salesforce', objectType: 'account', id: '001A' },
      { crm: 'zoho', objectType: 'account', id: 'z1', tenant: 'eu' },
    ]);
    expect(await customersRepo(db).get('C2')).toBeUndefined(); // not brought back
  });

  it('takes a later chunk back first: a customer changed by two chunks returns to its first value', async () => {
    await customersRepo(db).put(customer('C1', { name: 'One' }));
    await unfinished('imp', 'customers', [customer('C1', { name: 'Two' })], [customer('C1', { name: 'Three', segment: 'S' })]);
    await rollbackImport(db, 'imp', 3);
    expect(await customersRepo(db).get('C1')).toEqual(customer('C1', { name: 'One' }));
  });

  it('revertCustomer: a placeholder the import completed becomes one again only while its name is the import’s', () => {
    const ph = customer('P', { placeholder: true });
    const written = customer('P', { name: 'Imported name' });
    expect(revertCustomer(written, ph, written)).toEqual(ph);
    const namedSince = customer('P', { name: 'Synced name' });
    expect(revertCustomer(namedSince, ph, written)).toEqual(namedSince);
  });
});
