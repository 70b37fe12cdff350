// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BOOKS } from '../../lib/crm/books';
import { salesforce as sf } from '../../lib/crm/salesforce/descriptor';
import { toId18 } from '../../lib/crm/salesforce/urls';
import type { PageInfo, RecordPage } from '../../lib/crm/types';
import { STORIES, UNKNOWN_RECORD } from '../../lib/sample/stories';
import { loadFixture } from './support';

const load = (name: string): Document => loadFixture('salesforce', name);
const page = (objectType: RecordPage['objectType'], recordId: string): RecordPage => ({ kind: 'record', objectType, recordId });
const [northwind, globex, initech] = [STORIES[0]!, STORIES[1]!, STORIES[2]!];

describe('salesforce hosts', () => {
  it.each([
    ['acme.lightning.force.com', true],
    ['acme--uat.sandbox.lightning.force.com', true],
    ['acme.my.salesforce.com', true],
    ['ACME.LIGHTNING.FORCE.COM', true],
    ['lightning.force.com.evil.example', false],
    ['acme.salesforce-setup.com', false],
    ['www.salesforce.com', false],
  ])('isHost(%j) = %s', (host, ok) => expect(sf.isHost(host)).toBe(ok));
});

describe('salesforce URLs', () => {
  const u = (p: string): PageInfo => sf.parseUrl(new URL(p, 'https://acme.lightning.force.com'));
  it.each<[string, PageInfo]>([
    ['/lightning/r/Account/001Dn00000GlbXqIAJ/view', { kind: 'record', objectType: 'account', recordId: '001Dn00000GlbXqIAJ' }],
    ['/lightning/r/Account/001Dn00000GlbXq/view', { kind: 'record', objectType: 'account', recordId: '001Dn00000GlbXq' }],
    ['/lightning/r/Contact/003Dn00000PpLpaIAF/view', { kind: 'record', objectType: 'contact', recordId: '003Dn00000PpLpaIAF' }],
    ['/lightning/r/Opportunity/006Dn00000AbCdEIAZ/edit', { kind: 'record', objectType: 'deal', recordId: '006Dn00000AbCdEIAZ' }],
    ['/lightning/r/001Dn00000GlbXqIAJ/view', { kind: 'record', objectType: 'account', recordId: '001Dn00000GlbXqIAJ' }],
    ['/lightning/r/Account/001Dn00000GlbXqIAJ/related/Contacts/view', { kind: 'other' }],
    ['/lightning/r/Case/500Dn00000AbCdEIAZ/view', { kind: 'other' }],
    ['/lightning/o/Account/list?filterName=Recent', { kind: 'list', objectType: 'account' }],
    ['/lightning/o/Contact/home', { kind: 'list', objectType: 'contact' }],
    ['/lightning/page/home', { kind: 'other' }],
    ['/lightning/r/Account/<script>/view', { kind: 'other' }],
    ['/lightning/r/constructor/001Dn00000GlbXqIAJ/view', { kind: 'other' }],
  ])('%s', (p, expected) => expect(u(p)).toEqual(expected));

  it('turns 15-character ids into the 18-character form the sample stores', () => {
    for (const s of STORIES) expect(toId18(s.crmIds.salesforce.slice(0, 15))).toBe(s.crmIds.salesforce);
    expect(toId18(UNKNOWN_RECORD.salesforce.id)).toBe(UNKNOWN_RECORD.salesforce.id);
    expect(sf.canonicalId!('001Dn00000GlbXq')).toBe(globex.crmIds.salesforce);
  });
});

describe('salesforce tenant', () => {
  it.each<[string, string | null]>([
    ['https://acme.lightning.force.com/lightning/r/Account/001Dn00000GlbXqIAJ/view', 'acme'],
    ['https://ACME.my.salesforce.com/001Dn00000GlbXq', 'acme'],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/page/home', 'acme--uat.sandbox'],
    ['https://crm.acme.example/lightning/page/home', 'crm.acme.example'],
  ])('%s → %s', (url, tenant) => {
    expect(BOOKS.salesforce.tenantOf(new URL(url))).toBe(tenant);
  });
});

describe('salesforce pages', () => {
  it('reads the active record page, not the hidden cached one', () => {
    const doc = load('account-record');
    const p = page('account', globex.crmIds.salesforce.slice(0, 15));
    expect(sf.findTitle(doc, p)?.textContent).toBe('Globex Industrial');
    expect(sf.readRecord(doc, p)).toEqual({
      crm: 'salesforce',
      objectType: 'account',
      recordId: globex.crmIds.salesforce,
      name: 'Globex Industrial',
      domain: 'globex.example',
    });
  });

  it('after SPA navigation the new page wins', () => {
    const doc = load('account-record-after-spa');
    expect(sf.readRecord(doc, page('account', northwind.crmIds.salesforce))).toMatchObject({ name: 'Northwind Traders', domain: 'northwind.example' });
  });

  it('reads a contact name (formatted name) and email', () => {
    const doc = load('contact-record');
    expect(sf.readRecord(doc, page('contact', '003Dn00000PpLpaIAF'))).toMatchObject({ name: 'Robert Hale', email: 'robert.hale@globex.example' });
  });

  it('in the console, reads the focused workspace tab only', () => {
    const doc = load('console');
    expect(sf.readRecord(doc, page('account', initech.crmIds.salesforce))).toMatchObject({ name: 'Initech Software', domain: 'initech.example' });
  });

  it('has no title before the page renders one', () => {
    const doc = new DOMParser().parseFromString('<div class="windowViewMode-normal active"></div>', 'text/html');
    expect(sf.findTitle(doc, page('account', globex.crmIds.salesforce))).toBeNull();
  });

  it('lists rows with their 18-character ids and skips hostile rows without an id', () => {
    const rows = sf.listRows(load('account-list'), { kind: 'list', objectType: 'account' });
    expect(rows.map((r) => r.recordId)).toEqual([...STORIES.map((s) => s.crmIds.salesforce), UNKNOWN_RECORD.salesforce.id]);
    expect(rows.every((r) => r.mount.tagName === 'SPAN')).toBe(true);
  });
});
