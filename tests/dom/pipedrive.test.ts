// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BOOKS } from '../../lib/crm/books';
import { pipedrive } from '../../lib/crm/pipedrive/descriptor';
import type { PageInfo } from '../../lib/crm/types';
import { STORIES, UNKNOWN_RECORD } from '../../lib/sample/stories';
import { loadFixture } from './support';

const load = (name: string): Document => loadFixture('pipedrive', name);

const id = (i: number): string => STORIES[i]!.crmIds.pipedrive;
const BASE = 'https://acme.pipedrive.com';

describe('pipedrive hosts', () => {
  it.each([
    ['acme.pipedrive.com', true],
    ['app.pipedrive.com', true],
    ['20191010-1c32d5.pipedrive.com', true],
    ['ACME.PIPEDRIVE.COM', true],
    ['www.pipedrive.com', false],
    ['developers.pipedrive.com', false],
    ['api.pipedrive.com', false],
    ['pipedrive.com', false],
    ['a.b.pipedrive.com', false],
    ['acme.pipedrive.com.evil.example', false],
    ['acmepipedrive.com', false],
    ['-acme.pipedrive.com', false],
    ['', false],
  ])('isHost(%j) = %s', (host, expected) => {
    expect(pipedrive.isHost(host)).toBe(expected);
  });
});

describe('pipedrive parseUrl', () => {
  const rec = (objectType: string, recordId: string): PageInfo => ({ kind: 'record', objectType, recordId }) as PageInfo;
  const list = (objectType: string): PageInfo => ({ kind: 'list', objectType }) as PageInfo;
  const other: PageInfo = { kind: 'other' };
  it.each<[string, PageInfo]>([
    [`${BASE}/organization/${id(0)}`, rec('account', id(0))],
    [`${BASE}/organization/${id(1)}?tab=notes`, rec('account', id(1))],
    [`${BASE}/organization/${id(2)}/`, rec('account', id(2))],
    [`https://app.pipedrive.com/organization/${id(3)}#dialog/activity/add`, rec('account', id(3))],
    [`${BASE}/person/3105`, rec('contact', '3105')],
    [`${BASE}/person/3105?tab=email`, rec('contact', '3105')],
    [`${BASE}/deal/4106`, rec('deal', '4106')],
    [`${BASE}/deal/4106/activities`, rec('deal', '4106')],
    [`${BASE}/organizations/list`, list('account')],
    [`${BASE}/organizations/list/user/everyone`, list('account')],
    [`${BASE}/persons/list/user/77`, list('contact')],
    [`${BASE}/persons/list#dialog/person/add`, list('contact')],
    [`${BASE}/deals/list?filter_id=12`, list('deal')],
    // Not pages Rapport reads:
    [`${BASE}/pipeline/1/user/everyone`, other],
    [`${BASE}/leads/inbox/3f1c9a52-8b0e-4c8d-9a61-2b7e5c4d1f00`, other],
    [`${BASE}/organization/`, other],
    [`${BASE}/organization/abc`, other],
    [`${BASE}/organization/12x`, other],
    [`${BASE}/organization/-1`, other],
    [`${BASE}/organization/1234567890123`, other],
    [`${BASE}/organizations/1201`, other],
    [`${BASE}/Organization/1201`, other],
    [`${BASE}/x/organization/1201`, other],
    [`${BASE}/organizationslist`, other],
    [`${BASE}/?redirect=/organization/1201`, other],
    [`${BASE}/#/organization/1201`, other],
    [`${BASE}/`, other],
  ])('%s', (url, expected) => {
    expect(pipedrive.parseUrl(new URL(url))).toEqual(expected);
  });
});

describe('pipedrive tenant', () => {
  it.each<[string, string | null]>([
    ['https://acme.pipedrive.com/organization/1201', 'acme'],
    ['https://ACME.pipedrive.com/deals/list', 'acme'],
    ['https://app.pipedrive.com/organization/1201', null],
  ])('%s → %s', (url, tenant) => {
    expect(BOOKS.pipedrive.tenantOf(new URL(url))).toBe(tenant);
  });
});

describe('pipedrive record pages', () => {
  it.each([
    ['organization-record', `${BASE}/organization/${id(0)}`, { name: 'Northwind Traders', domain: 'northwind.example' }],
    ['organization-record-after-spa', `${BASE}/organization/${id(2)}`, { name: 'Initech Software', domain: 'initech.example' }],
    ['person-record', `${BASE}/person/3105`, { name: 'Li Wei', email: 'li.wei@huateng.example' }],
    ['deal-record', `${BASE}/deal/4106`, { name: 'Stark Logistics fleet renewal' }],
  ] as const)('%s: title and record ref', (fixture, url, expected) => {
    const doc = load(fixture);
    const page = pipedrive.parseUrl(new URL(url));
    if (page.kind !== 'record') throw new Error(`expected a record page for ${url}`);
    expect(pipedrive.findTitle(doc, page)?.textContent).toBe(expected.name);
    expect(pipedrive.readRecord(doc, page)).toEqual({ crm: 'pipedrive', objectType: page.objectType, recordId: page.recordId, ...expected });
  });

  it('ignores the hidden cached view that comes first in the DOM', () => {
    const doc = load('organization-record-after-spa');
    const page = { kind: 'record', objectType: 'account', recordId: id(2) } as const;
    expect(doc.querySelector('[data-testid="header-title"]')?.textContent?.trim()).toBe('Northwind Traders');
    expect(pipedrive.findTitle(doc, page)?.closest('.viewContainer')?.getAttribute('data-view')).toBe('organization-1203');
  });

  it('does not take a listed person email as the organization email', () => {
    const ref = pipedrive.readRecord(load('organization-record'), { kind: 'record', objectType: 'account', recordId: id(0) });
    expect(ref.email).toBeUndefined();
  });

  it('returns null when no visible detail header exists', () => {
    expect(pipedrive.findTitle(load('organization-list'), { kind: 'record', objectType: 'account', recordId: id(0) })).toBeNull();
  });

  it('reads escaped payloads as text', () => {
    const doc = load('person-record');
    expect(doc.body.textContent).toContain('<script>alert(1)</script>');
    expect(doc.querySelectorAll('.detailView script')).toHaveLength(0);
    expect(Object.values(pipedrive.readRecord(doc, { kind: 'record', objectType: 'contact', recordId: '3105' })).join(' ')).not.toContain('<');
  });
});

describe('pipedrive list rows', () => {
  it('finds the story organizations (relative and absolute links), not their deal or owner links', () => {
    const doc = load('organization-list');
    const rows = pipedrive.listRows(doc, { kind: 'list', objectType: 'account' });
    expect(rows.map((r) => r.recordId)).toEqual([...STORIES.map((s) => s.crmIds.pipedrive), UNKNOWN_RECORD.pipedrive.id]);
    expect(rows.map((r) => r.mount.getAttribute('data-field'))).toEqual(Array(7).fill('organization.name'));
    expect(rows.map((r) => r.mount.textContent)).toEqual([...STORIES.map((s) => s.name), UNKNOWN_RECORD.pipedrive.name]);
  });

  it('a deals list reads the deal links of the same grid shape', () => {
    const rows = pipedrive.listRows(load('organization-list'), { kind: 'list', objectType: 'deal' });
    expect(rows.map((r) => r.recordId)).toEqual(['4100', '4101', '4102', '4103', '4104', '4105', '4106']);
  });

  it('skips rows of a hidden cached list', () => {
    const doc = load('organization-list');
    doc.querySelector('[data-view="organizations-list"]')!.setAttribute('style', 'display: none;');
    expect(pipedrive.listRows(doc, { kind: 'list', objectType: 'account' })).toEqual([]);
  });
});
