// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BOOKS } from '../../lib/crm/books';
import { fxiaoke } from '../../lib/crm/fxiaoke/descriptor';
import type { PageInfo } from '../../lib/crm/types';
import { STORIES, UNKNOWN_RECORD } from '../../lib/sample/stories';
import { loadFixture } from './support';

const load = (name: string): Document => loadFixture('fxiaoke', name);

const id = (i: number): string => STORIES[i]!.crmIds.fxiaoke;
const HOME = 'https://www.fxiaoke.com/XV/UI/Home';

describe('fxiaoke hosts', () => {
  it.each([
    ['www.fxiaoke.com', true],
    ['WWW.FXIAOKE.COM', true],
    ['open.fxiaoke.com', false],
    ['fxiaoke.com', false],
    ['www.fxiaoke.com.evil.example', false],
    ['evilwww.fxiaoke.com', false],
    ['', false],
  ])('isHost(%j) = %s', (host, expected) => {
    expect(fxiaoke.isHost(host)).toBe(expected);
  });
});

describe('fxiaoke parseUrl', () => {
  const rec = (objectType: string, recordId: string): PageInfo => ({ kind: 'record', objectType, recordId }) as PageInfo;
  const list = (objectType: string): PageInfo => ({ kind: 'list', objectType }) as PageInfo;
  const other: PageInfo = { kind: 'other' };
  it.each<[string, PageInfo]>([
    [`${HOME}#crm/detail/=/AccountObj/${id(4)}`, rec('account', id(4))],
    [`${HOME}#crm/detail/=/AccountObj/${id(0).toUpperCase()}`, rec('account', id(0))],
    [`${HOME}#crm/detail/=/AccountObj/${id(1)}/`, rec('account', id(1))],
    [`${HOME}#crm/detail/=/AccountObj/${id(2)}?from=list`, rec('account', id(2))],
    [`${HOME}/#crm/detail/=/AccountObj/${id(3)}`, rec('account', id(3))],
    [`${HOME}?lang=zh-CN#crm/detail/=/AccountObj/${id(5)}`, rec('account', id(5))],
    [`${HOME}#crm/detail/=/ContactObj/5f1e2d3c4b5a69788796a5b4`, rec('contact', '5f1e2d3c4b5a69788796a5b4')],
    [`${HOME}#crm/detail/=/NewOpportunityObj/6a7b8c9d0e1f2a3b4c5d6e7f`, rec('deal', '6a7b8c9d0e1f2a3b4c5d6e7f')],
    [`${HOME}#crm/detail/=/OpportunityObj/6a7b8c9d0e1f2a3b4c5d6e70`, rec('deal', '6a7b8c9d0e1f2a3b4c5d6e70')],
    [`${HOME}#crm/list/=/AccountObj`, list('account')],
    [`${HOME}#paasapp/list/=/appId_CRM/AccountObj`, list('account')],
    [`${HOME}#paasapp/list/=/appId_CRM/ContactObj?filter=mine`, list('contact')],
    [`${HOME}#crm/list/=/NewOpportunityObj`, list('deal')],
    // Not pages Rapport reads:
    [`${HOME}#crm/list/=/SalesOrderObj`, other],
    [`${HOME}#crm/detail/=/SalesOrderObj/${id(0)}`, other],
    [`${HOME}#crm/detail/=/LeadsObj/${id(0)}`, other],
    [`${HOME}#crm/detail/=/AccountObj/${id(0).slice(1)}`, other],
    [`${HOME}#crm/detail/=/AccountObj/${id(0)}ff`, other],
    [`${HOME}#crm/detail/=/AccountObj/zzzzzzzzzzzzzzzzzzzzzzzz`, other],
    [`${HOME}#crm/detail/=/__proto__/${id(0)}`, other],
    [`${HOME}#crm/detail/=/constructor/${id(0)}`, other],
    [`${HOME}#crm/detail/=/AccountObj/%3Cimg%20src=x%3E`, other],
    [`${HOME}#crm/custompage/=/page_abc__c`, other],
    [`${HOME}#paasapp/index/=/appId_CRM`, other],
    [`${HOME}#x#crm/detail/=/AccountObj/${id(0)}`, other],
    [`${HOME}`, other],
    [`https://www.fxiaoke.com/XV/UI/manage#crmmanage/=/module-sysobject`, other],
    [`https://www.fxiaoke.com/XV/Home/Index#customers/home`, other],
    [`https://www.fxiaoke.com/proj/page/loginv2?returnUrl=${encodeURIComponent(`${HOME}#crm/detail/=/AccountObj/${id(0)}`)}`, other],
    [`https://www.fxiaoke.com/evil/XV/UI/Home#crm/detail/=/AccountObj/${id(0)}`, other],
  ])('%s', (url, expected) => {
    expect(fxiaoke.parseUrl(new URL(url))).toEqual(expected);
  });
});

describe('fxiaoke tenant', () => {
  it.each<[string, string | null]>([['https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/131a4a1ecc7030c0ce6b6e79', null]])(
    '%s → %s',
    (url, tenant) => {
      expect(BOOKS.fxiaoke.tenantOf(new URL(url))).toBe(tenant);
    },
  );
});

describe('fxiaoke record pages', () => {
  it.each([
    ['account-record', `${HOME}#crm/detail/=/AccountObj/${id(4)}`, { name: '上海华腾贸易有限公司', domain: 'huateng.example' }],
    ['account-record-after-spa', `${HOME}#crm/detail/=/AccountObj/${id(1)}`, { name: 'Globex Industrial', domain: 'globex.example' }],
    ['contact-record', `${HOME}#crm/detail/=/ContactObj/5f1e2d3c4b5a69788796a5b4`, { name: '王芳', email: 'wang.fang@huateng.example' }],
    ['opportunity-record', `${HOME}#crm/detail/=/NewOpportunityObj/6a7b8c9d0e1f2a3b4c5d6e7f`, { name: '华腾 2027 年度采购' }],
  ] as const)('%s: title and record ref', (fixture, url, expected) => {
    const doc = load(fixture);
    const page = fxiaoke.parseUrl(new URL(url));
    if (page.kind !== 'record') throw new Error(`expected a record page for ${url}`);
    expect(fxiaoke.findTitle(doc, page)?.textContent).toBe(expected.name);
    expect(fxiaoke.readRecord(doc, page)).toEqual({ crm: 'fxiaoke', objectType: page.objectType, recordId: page.recordId, ...expected });
  });

  it.each([
    [id(0).toUpperCase(), id(0)],
    [id(0), id(0)],
    ['C-1001', 'C-1001'],
  ])('canonicalId(%s) = %s', (raw, expected) => {
    expect(fxiaoke.canonicalId?.(raw)).toBe(expected);
  });

  it('ignores the hidden, closed slide-over of the previous record', () => {
    const doc = load('account-record-after-spa');
    expect(doc.querySelector('.crm-d-name')?.textContent).toBe('Northwind Traders');
    expect(fxiaoke.findTitle(doc, { kind: 'record', objectType: 'account', recordId: id(1) })?.textContent).toBe('Globex Industrial');
  });

  it('falls back to the name field block when the header is missing', () => {
    const doc = load('account-record');
    doc.querySelector('.crm-d-header')!.remove();
    const title = fxiaoke.findTitle(doc, { kind: 'record', objectType: 'account', recordId: id(4) });
    expect(title?.className).toBe('faci-field-display_value');
    expect(title?.textContent).toBe('上海华腾贸易有限公司');
  });

  it('returns null on a list without an open detail', () => {
    expect(fxiaoke.findTitle(load('account-list'), { kind: 'record', objectType: 'account', recordId: id(0) })).toBeNull();
  });

  it('reads escaped payloads as text', () => {
    const doc = load('contact-record');
    expect(doc.querySelector('[data-apiname="job_title"] .faci-field-display_value')?.textContent).toBe('采购总监 <script>alert(1)</script>');
    expect(Object.values(fxiaoke.readRecord(doc, { kind: 'record', objectType: 'contact', recordId: '5f1e2d3c4b5a69788796a5b4' })).join(' ')).not.toContain(
      '<',
    );
  });
});

describe('fxiaoke list rows', () => {
  const expectedIds = [...STORIES.map((s) => s.crmIds.fxiaoke), UNKNOWN_RECORD.fxiaoke.id];
  it.each(['account-list', 'account-record-after-spa'] as const)('%s: one row per record, mounted on the name cell', (fixture) => {
    const rows = fxiaoke.listRows(load(fixture), { kind: 'list', objectType: 'account' });
    expect(rows.map((r) => r.recordId)).toEqual(expectedIds);
    expect(rows.every((r) => r.mount.classList.contains('td-name') && r.row.contains(r.mount))).toBe(true);
    expect(rows.map((r) => r.mount.textContent)).toEqual([...STORIES.map((s) => s.name), UNKNOWN_RECORD.fxiaoke.name]);
  });

  it('skips hidden rows', () => {
    const doc = load('account-list');
    doc.querySelector('.crm-list')!.setAttribute('hidden', '');
    expect(fxiaoke.listRows(doc, { kind: 'list', objectType: 'account' })).toEqual([]);
  });
});
