// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BOOKS } from '../../lib/crm/books';
import { hubspot as hs } from '../../lib/crm/hubspot/descriptor';
import type { PageInfo, RecordPage } from '../../lib/crm/types';
import { STORIES, UNKNOWN_RECORD } from '../../lib/sample/stories';
import { loadFixture } from './support';

const load = (name: string): Document => loadFixture('hubspot', name);
const page = (objectType: RecordPage['objectType'], recordId: string): RecordPage => ({ kind: 'record', objectType, recordId });

describe('hubspot hosts', () => {
  it.each([
    ['app.hubspot.com', true],
    ['app-eu1.hubspot.com', true],
    ['app-na2.hubspot.com', true],
    ['community.hubspot.com', false],
    ['app.hubspot.com.evil.example', false],
    ['developers.hubspot.com', false],
  ])('isHost(%j) = %s', (host, ok) => expect(hs.isHost(host)).toBe(ok));
});

describe('hubspot URLs', () => {
  const u = (p: string): PageInfo => hs.parseUrl(new URL(p, 'https://app.hubspot.com'));
  it.each<[string, PageInfo]>([
    ['/contacts/4567890/record/0-2/18734220003', { kind: 'record', objectType: 'account', recordId: '18734220003' }],
    ['/contacts/4567890/record/0-1/55501/', { kind: 'record', objectType: 'contact', recordId: '55501' }],
    ['/contacts/4567890/record/0-3/9911?tab=activity', { kind: 'record', objectType: 'deal', recordId: '9911' }],
    ['/contacts/4567890/company/18734220003', { kind: 'record', objectType: 'account', recordId: '18734220003' }],
    ['/contacts/4567890/contact/55501', { kind: 'record', objectType: 'contact', recordId: '55501' }],
    ['/contacts/4567890/deal/9911', { kind: 'record', objectType: 'deal', recordId: '9911' }],
    ['/contacts/4567890/record/0-5/77', { kind: 'other' }],
    ['/contacts/4567890/objects/0-2/views/all/list', { kind: 'list', objectType: 'account' }],
    ['/contacts/4567890/objects/0-3/views/123/board', { kind: 'list', objectType: 'deal' }],
    ['/contacts/4567890/companies', { kind: 'list', objectType: 'account' }],
    ['/reports-dashboard/4567890/view/1', { kind: 'other' }],
    ['/contacts/4567890/record/0-2/<img>', { kind: 'other' }],
  ])('%s', (p, expected) => expect(u(p)).toEqual(expected));
});

describe('hubspot tenant', () => {
  it.each<[string, string | null]>([
    ['https://app.hubspot.com/contacts/4567890/record/0-2/18734220003', '4567890'],
    ['https://app-eu1.hubspot.com/reports-dashboard/4781234/view/1', '4781234'],
    ['https://app.hubspot.com/contacts/4567890/objects/0-2/views/all/list', '4567890'],
    ['https://app.hubspot.com/login', null],
  ])('%s → %s', (url, tenant) => {
    expect(BOOKS.hubspot.tenantOf(new URL(url))).toBe(tenant);
  });
});

describe('hubspot pages', () => {
  const initech = STORIES[2]!;
  it('reads the highlight card: name and company domain', () => {
    const doc = load('company-record');
    const p = page('account', initech.crmIds.hubspot);
    expect(hs.findTitle(doc, p)?.textContent).toBe('Initech Software');
    expect(hs.readRecord(doc, p)).toEqual({
      crm: 'hubspot',
      objectType: 'account',
      recordId: initech.crmIds.hubspot,
      name: 'Initech Software',
      domain: 'initech.example',
    });
  });

  it('reads a contact email', () => {
    expect(hs.readRecord(load('contact-record'), page('contact', '55501'))).toMatchObject({ name: 'Peter Gibbons', email: 'peter.gibbons@initech.example' });
  });

  it('lists company rows only (not the owner contact links in the same row)', () => {
    const rows = hs.listRows(load('company-list'), { kind: 'list', objectType: 'account' });
    expect(rows.map((r) => r.recordId)).toEqual([...STORIES.map((s) => s.crmIds.hubspot), UNKNOWN_RECORD.hubspot.id]);
    expect(rows.every((r) => r.mount.getAttribute('data-table-external-id')?.startsWith('name-'))).toBe(true);
  });
});
