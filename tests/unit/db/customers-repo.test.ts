import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { customersRepo, normaliseDomain, normaliseName } from '../../../lib/db/repos/customers';
import type { Customer } from '../../../lib/schemas/domain';

let db: AppDB;
const base = (id: string, over: Partial<Customer> = {}): Customer => ({
  id,
  name: id,
  emails: [],
  createdAt: '2025-01-01',
  crmRefs: [],
  ...over,
});

beforeEach(async () => {
  db = new AppDB(`repo-${Math.random()}`);
  await db.open();
  await customersRepo(db).bulkPut([
    base('c1', { name: 'Acme Corp', domain: 'acme.com', crmRefs: [{ crm: 'salesforce', objectType: 'account', id: '001000000000001AAA' }] }),
    base('c2', { name: 'Globex GmbH', domain: 'globex.de', emails: ['buyer@globex.de'] }),
    base('c3', { name: '华为技术有限公司' }),
    base('c4', { name: 'Twin Ltd' }),
    base('c5', { name: 'Twin Ltd.' }),
  ]);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('customersRepo.matchRecord', () => {
  const sf = (id: string) => ({ crm: 'salesforce' as const, objectType: 'account' as const, id });

  it('matches by exact CRM ref first, whatever the page shows', async () => {
    const m = await customersRepo(db).matchRecord({ ref: sf('001000000000001AAA'), name: 'Globex GmbH' });
    expect(m).toMatchObject({ kind: 'matched', by: 'crm-ref', customer: { id: 'c1' } });
  });
  it('falls back to the company domain, then email', async () => {
    expect(await customersRepo(db).matchRecord({ ref: sf('x1'), domain: 'https://www.Acme.com/about' })).toMatchObject({
      customer: { id: 'c1' },
      by: 'domain',
    });
    expect(await customersRepo(db).matchRecord({ ref: sf('x2'), email: 'someone@globex.de' })).toMatchObject({ customer: { id: 'c2' }, by: 'domain' });
  });
  it('ignores webmail domains', async () => {
    expect(await customersRepo(db).matchRecord({ ref: sf('x3'), email: 'a@gmail.com' })).toEqual({ kind: 'unknown', candidates: [] });
  });
  it('matches a normalised name only when unambiguous', async () => {
    expect(await customersRepo(db).matchRecord({ ref: sf('x4'), name: 'GLOBEX gmbh.' })).toMatchObject({ customer: { id: 'c2' }, by: 'name' });
    // c1 already has a Salesforce account id, so another Salesforce record with its name is not c1.
    expect(await customersRepo(db).matchRecord({ ref: sf('x7'), name: 'ACME corp.' })).toMatchObject({ kind: 'unknown', candidates: [{ id: 'c1' }] });
    expect(await customersRepo(db).matchRecord({ ref: sf('x5'), name: '华为技术' })).toMatchObject({ customer: { id: 'c3' } });
    const twin = await customersRepo(db).matchRecord({ ref: sf('x6'), name: 'Twin' });
    expect(twin.kind).toBe('unknown');
    expect(twin.kind === 'unknown' && twin.candidates.map((c) => c.id).sort()).toEqual(['c4', 'c5']);
  });
  it('never returns another customer for an unknown record', async () => {
    expect(await customersRepo(db).matchRecord({ ref: sf('nope'), name: 'Initech' })).toEqual({ kind: 'unknown', candidates: [] });
  });
  it('links a ref so the next lookup matches by ref', async () => {
    await customersRepo(db).linkRef('c4', sf('0015000000TWIN'));
    expect(await customersRepo(db).matchRecord({ ref: sf('0015000000TWIN') })).toMatchObject({ customer: { id: 'c4' }, by: 'crm-ref' });
  });
});

describe('normalisers', () => {
  it.each([
    ['Acme, Inc.', 'acme'],
    ['  GLOBEX   GmbH ', 'globex'],
    ['北京字节跳动科技有限公司', '北京字节跳动科技'],
    ['\u202eevil\u202c Co', 'evil'],
  ])('name %j → %j', (input, out) => expect(normaliseName(input)).toBe(out));
  it.each([
    ['https://www.acme.com/x?y', 'acme.com'],
    ['ACME.com', 'acme.com'],
  ])('domain %j → %j', (input, out) => expect(normaliseDomain(input)).toBe(out));
});
