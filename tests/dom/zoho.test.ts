// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BOOKS } from '../../lib/crm/books';
import { zoho } from '../../lib/crm/zoho/descriptor';
import type { PageInfo } from '../../lib/crm/types';
import { STORIES, UNKNOWN_RECORD } from '../../lib/sample/stories';
import { loadFixture } from './support';

const load = (name: string): Document => loadFixture('zoho', name);

const id = (i: number): string => STORIES[i]!.crmIds.zoho;

describe('zoho hosts', () => {
  it.each([
    ['crm.zoho.com', true],
    ['crm.zoho.eu', true],
    ['crm.zoho.in', true],
    ['crm.zoho.com.au', true],
    ['crm.zoho.com.cn', true],
    ['crm.zoho.jp', true],
    ['crm.zohocloud.ca', true],
    ['crmsandbox.zoho.com', true],
    ['crmplus.zoho.com', true],
    ['CRM.ZOHO.COM', true],
    ['www.zoho.com', false],
    ['accounts.zoho.com', false],
    ['crm.zoho.com.evil.example', false],
    ['evilcrm.zoho.com', false],
    ['crm.zoho.co', false],
    ['', false],
  ])('isHost(%j) = %s', (host, expected) => {
    expect(zoho.isHost(host)).toBe(expected);
  });
});

describe('zoho parseUrl', () => {
  const rec = (objectType: string, recordId: string): PageInfo => ({ kind: 'record', objectType, recordId }) as PageInfo;
  const list = (objectType: string): PageInfo => ({ kind: 'list', objectType }) as PageInfo;
  const other: PageInfo = { kind: 'other' };
  it.each<[string, PageInfo]>([
    [`https://crm.zoho.com/crm/org20067231/tab/Accounts/${id(0)}`, rec('account', id(0))],
    [`https://crm.zoho.eu/crm/org20067231/tab/Accounts/${id(1)}?sub_module=Notes`, rec('account', id(1))],
    [`https://crm.zoho.in/crm/acmesales/tab/Contacts/4876876000000412003`, rec('contact', '4876876000000412003')],
    [`https://crm.zoho.com/crm/tab/Accounts/${id(2)}`, rec('account', id(2))],
    [`https://crm.zoho.com/crm/org20067231/tab/Potentials/4876876000000512002`, rec('deal', '4876876000000512002')],
    [`https://crm.zoho.com/crm/org20067231/tab/Deals/4876876000000512002/`, rec('deal', '4876876000000512002')],
    [`https://crm.zoho.com/crm/org20067231/tab/Accounts/${id(3)}#notes`, rec('account', id(3))],
    [`https://crmplus.zoho.com/acme/index.do/cxapp/crm/org20067231/tab/Accounts/${id(4)}`, rec('account', id(4))],
    [`https://crm.zoho.com/crm/org20067231/EntityInfo.do?module=Accounts&id=${id(5)}`, rec('account', id(5))],
    [`https://crm.zoho.com/crm/org20067231/tab/Accounts/custom-view/4876876000000087501/list`, list('account')],
    [`https://crm.zoho.com/crm/org20067231/tab/Contacts/custom-view/4876876000000087503/list?page=2&per_page=100&sort_by=Last_Name`, list('contact')],
    [`https://crm.zoho.com/crm/org20067231/tab/Potentials/custom-view/4876876000000087505/list`, list('deal')],
    // Not pages Rapport reads:
    [`https://crm.zoho.com/crm/org20067231/tab/Potentials/custom-view/4876876000000087505/kanban`, other],
    [`https://crm.zoho.com/crm/org20067231/tab/Leads/list`, other],
    [`https://crm.zoho.com/crm/org20067231/tab/Leads/4876876000000612001`, other],
    [`https://crm.zoho.com/crm/org20067231/tab/CustomModule4/4876876000000712001`, other],
    [`https://crm.zoho.com/crm/org20067231/tab/Accounts/create?layoutId=4876876000000091055`, other],
    [`https://crm.zoho.com/crm/org20067231/tab/Home/begin`, other],
    [`https://crm.zoho.com/crm/org20067231/tab/Accounts/12345`, other],
    [`https://crm.zoho.com/crm/org20067231/tab/Accounts/4876876000000312001abc`, other],
    [`https://crm.zoho.com/crm/org20067231/tab/Accounts/48768760000003120010000`, other],
    [`https://crm.zoho.com/crm/org20067231/tab/constructor/${id(0)}`, other],
    [`https://crm.zoho.com/crm/org20067231/tab/__proto__/${id(0)}`, other],
    [`https://crm.zoho.com/crm/org20067231/EntityInfo.do?module=Accounts&id=1%20OR%201=1`, other],
    [`https://crm.zoho.com/crm/org20067231/EntityInfo.do?module=toString&id=${id(0)}`, other],
    [`https://crm.zoho.com/?next=/crm/tab/Accounts/${id(0)}`, other],
    [`https://crm.zoho.com/#/crm/tab/Accounts/${id(0)}`, other],
    [`https://crm.zoho.com/`, other],
  ])('%s', (url, expected) => {
    expect(zoho.parseUrl(new URL(url))).toEqual(expected);
  });
});

describe('zoho tenant', () => {
  it.each<[string, string | null]>([
    ['https://crm.zoho.com/crm/org20067231/tab/Accounts/4876876000000312001', 'org20067231'],
    ['https://crm.zoho.com/crm/org20067231/EntityInfo.do?module=Accounts&id=4876876000000312001', 'org20067231'],
    ['https://crm.zoho.in/crm/AcmeSales/tab/Contacts/4876876000000412003', 'acmesales'],
    ['https://crmplus.zoho.com/acme/index.do/cxapp/crm/org20067231/tab/Accounts/4876876000000312001', 'org20067231'],
    ['https://crm.zoho.com/crm/tab/Accounts/4876876000000312001', null],
    ['https://crm.zoho.com/crm/EntityInfo.do?module=Accounts&id=4876876000000312001', null],
  ])('%s → %s', (url, tenant) => {
    expect(BOOKS.zoho.tenantOf(new URL(url))).toBe(tenant);
  });
});

describe('zoho record pages', () => {
  it.each([
    ['account-record', `https://crm.zoho.com/crm/org20067231/tab/Accounts/${id(0)}`, { name: 'Northwind Traders', domain: 'northwind.example' }],
    ['account-record-after-spa', `https://crm.zoho.com/crm/org20067231/tab/Accounts/${id(1)}`, { name: 'Globex Industrial', domain: 'globex.example' }],
    [
      'contact-record',
      'https://crm.zoho.com/crm/acmesales/tab/Contacts/4876876000000412003',
      { name: 'Dana Whitfield', email: 'dana.whitfield@initech.example' },
    ],
    ['deal-record', 'https://crm.zoho.com/crm/org20067231/tab/Potentials/4876876000000512002', { name: 'Globex 2027 renewal' }],
  ] as const)('%s: title and record ref', (fixture, url, expected) => {
    const doc = load(fixture);
    const page = zoho.parseUrl(new URL(url));
    if (page.kind !== 'record') throw new Error(`expected a record page for ${url}`);
    const title = zoho.findTitle(doc, page);
    expect(title?.textContent?.trim()).toBe(expected.name);
    expect(zoho.readRecord(doc, page)).toEqual({ crm: 'zoho', objectType: page.objectType, recordId: page.recordId, ...expected });
  });

  it('ignores the hidden previous record after SPA navigation', () => {
    const doc = load('account-record-after-spa');
    const title = zoho.findTitle(doc, { kind: 'record', objectType: 'account', recordId: id(1) });
    expect(title?.textContent).toBe('Globex Industrial');
    expect(title?.closest('[style]')).toBeNull();
  });

  it('returns null when no title has rendered yet', () => {
    const doc = load('account-list');
    expect(zoho.findTitle(doc, { kind: 'record', objectType: 'account', recordId: id(0) })).toBeNull();
    expect(zoho.readRecord(doc, { kind: 'record', objectType: 'account', recordId: id(0) })).toEqual({
      crm: 'zoho',
      objectType: 'account',
      recordId: id(0),
    });
  });

  it('reads field payloads as text, never as markup', () => {
    const doc = load('contact-record');
    const ref = zoho.readRecord(doc, { kind: 'record', objectType: 'contact', recordId: '4876876000000412003' });
    expect(JSON.stringify(ref)).not.toContain('<img');
    expect(doc.querySelector('[data-zcqa="detailView_Title"]')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('zoho list rows', () => {
  it('finds every story customer and the unknown record, skipping rows without a record id', () => {
    const doc = load('account-list');
    const rows = zoho.listRows(doc, { kind: 'list', objectType: 'account' });
    expect(rows.map((r) => r.recordId)).toEqual([...STORIES.map((s) => s.crmIds.zoho), UNKNOWN_RECORD.zoho.id]);
    for (const r of rows) {
      expect(r.row.contains(r.mount)).toBe(true);
      expect(r.mount.localName).toBe('lyte-exptable-td');
    }
    expect(rows.map((r) => r.mount.textContent?.trim())).toEqual([...STORIES.map((s) => s.name), UNKNOWN_RECORD.zoho.name]);
  });

  it('skips hidden rows', () => {
    const doc = load('account-list');
    doc.querySelector('lyte-exptable-tr[data-zcqa="detailView"]')!.setAttribute('style', 'display: none');
    const rows = zoho.listRows(doc, { kind: 'list', objectType: 'account' });
    expect(rows.map((r) => r.recordId)).not.toContain(id(0));
    expect(rows).toHaveLength(6);
  });
});
