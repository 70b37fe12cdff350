// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BOOKS } from '../../lib/crm/books';
import { dynamics } from '../../lib/crm/dynamics/descriptor';
import type { PageInfo } from '../../lib/crm/types';
import { STORIES, UNKNOWN_RECORD } from '../../lib/sample/stories';
import { loadFixture } from './support';

const load = (name: string): Document => loadFixture('dynamics', name);

const id = (i: number): string => STORIES[i]!.crmIds.dynamics;
const APP = 'https://contoso.crm4.dynamics.com/main.aspx?appid=4c3a7f0e-8d2b-4f7a-9b1e-2f6d1c0a9e55';

describe('dynamics hosts', () => {
  it.each([
    ['contoso.crm.dynamics.com', true],
    ['contoso.crm4.dynamics.com', true],
    ['contoso-dev.crm11.dynamics.com', true],
    ['CONTOSO.CRM.DYNAMICS.COM', true],
    ['contoso.crm.microsoftdynamics.us', true],
    ['contoso.crm.appsplatform.us', true],
    ['contoso.crm.dynamics.cn', true],
    ['contoso.crm.microsoftdynamics.de', true],
    ['contoso.operations.dynamics.com', false],
    ['home.dynamics.com', false],
    ['contoso.api.crm.dynamics.com', false],
    ['crm.dynamics.com', false],
    ['contoso.crm.dynamics.com.evil.example', false],
    ['contoso.crmx.dynamics.com', false],
    ['-bad.crm.dynamics.com', false],
    ['', false],
  ])('isHost(%j) = %s', (host, expected) => {
    expect(dynamics.isHost(host)).toBe(expected);
  });
});

describe('dynamics parseUrl', () => {
  const rec = (objectType: string, recordId: string): PageInfo => ({ kind: 'record', objectType, recordId }) as PageInfo;
  const list = (objectType: string): PageInfo => ({ kind: 'list', objectType }) as PageInfo;
  const other: PageInfo = { kind: 'other' };
  it.each<[string, PageInfo]>([
    [`${APP}&pagetype=entityrecord&etn=account&id=${id(0)}`, rec('account', id(0))],
    [`${APP}&pagetype=entityrecord&etn=account&id=%7B${id(1).toUpperCase()}%7D`, rec('account', id(1))],
    [`${APP}&pagetype=entityrecord&etn=account&id={${id(2)}}`, rec('account', id(2))],
    [
      `https://contoso.crm.dynamics.com/main.aspx?etn=account&pagetype=entityrecord&id=%7B91330924-802A-4B0D-A900-34FD9D790829%7D`,
      rec('account', '91330924-802a-4b0d-a900-34fd9d790829'),
    ],
    [
      `${APP}&pagetype=entityrecord&etn=contact&id=6d2f7a10-3c4b-4e5f-8a9b-0c1d2e3f4a56&formid=1fed44d1-ae68-4a41-bd2b-f13acac4acfa`,
      rec('contact', '6d2f7a10-3c4b-4e5f-8a9b-0c1d2e3f4a56'),
    ],
    [`${APP}&pagetype=entityrecord&etn=opportunity&id=7e3a8b21-4d5c-4f60-9b0c-1d2e3f4a5b67&forceUCI=1`, rec('deal', '7e3a8b21-4d5c-4f60-9b0c-1d2e3f4a5b67')],
    [`https://contoso.crm.dynamics.com/main.aspx?appname=msdynce_saleshub&pagetype=entityrecord&etn=Account&id=${id(3)}`, rec('account', id(3))],
    [`https://crm.contoso.local:8443/ContosoOrg/main.aspx?etn=account&pagetype=entityrecord&id=${id(4)}`, rec('account', id(4))],
    [`https://contoso.crm.dynamics.com/MAIN.ASPX?pagetype=EntityRecord&etn=account&id=${id(5)}`, rec('account', id(5))],
    [`${APP}&pagetype=entitylist&etn=account&viewid=00000000-0000-0000-00aa-000010001001&viewtype=1039`, list('account')],
    [`${APP}&pagetype=entitylist&etn=contact`, list('contact')],
    [`${APP}&pagetype=entitylist&etn=opportunity&viewid=%7Bbf649add-6c30-ea11-a813-000d3a5475f7%7d&viewtype=4230`, list('deal')],
    // Not pages Rapport reads:
    [`${APP}&pagetype=entityrecord&etn=account`, other],
    [`${APP}&pagetype=entityrecord&etn=account&id=`, other],
    [`${APP}&pagetype=entityrecord&etn=account&id=not-a-guid`, other],
    [`${APP}&pagetype=entityrecord&etn=account&id=${id(0)}x`, other],
    [`${APP}&pagetype=entityrecord&etn=account&id=${id(0)}%27%20OR%201=1`, other],
    [`${APP}&pagetype=entityrecord&etn=account&id={{${id(0)}}}`, other],
    [`${APP}&pagetype=entityrecord&etn=lead&id=${id(0)}`, other],
    [`${APP}&pagetype=entityrecord&etn=__proto__&id=${id(0)}`, other],
    [`${APP}&pagetype=entityrecord&etn=hasOwnProperty&id=${id(0)}`, other],
    [`${APP}&pagetype=dashboard&id=${id(0)}`, other],
    [`${APP}&pagetype=entitylist`, other],
    [`https://contoso.crm.dynamics.com/main.aspx.evil?pagetype=entityrecord&etn=account&id=${id(0)}`, other],
    [`https://contoso.crm.dynamics.com/api/data/v9.2/accounts(${id(0)})`, other],
    [`https://contoso.crm.dynamics.com/?pagetype=entityrecord&etn=account&id=${id(0)}`, other],
    [`https://contoso.crm.dynamics.com/main.aspx#pagetype=entityrecord&etn=account&id=${id(0)}`, other],
  ])('%s', (url, expected) => {
    expect(dynamics.parseUrl(new URL(url))).toEqual(expected);
  });
});

describe('dynamics tenant', () => {
  it.each<[string, string | null]>([
    ['https://Contoso.crm4.dynamics.com/main.aspx?appid=a1&pagetype=entitylist&etn=account', 'contoso.crm4.dynamics.com'],
    ['https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=a5f55b8f-3596-6f8b-04a3-32d2d4f5882d', 'contoso.crm4.dynamics.com'],
    ['https://crm.contoso.local:8443/ContosoOrg/main.aspx?etn=account&pagetype=entityrecord', 'crm.contoso.local:8443/contosoorg'],
  ])('%s → %s', (url, tenant) => {
    expect(BOOKS.dynamics.tenantOf(new URL(url))).toBe(tenant);
  });
});

describe('dynamics record pages', () => {
  it.each([
    ['account-record', `${APP}&pagetype=entityrecord&etn=account&id=${id(0)}`, { name: 'Northwind Traders', domain: 'northwind.example' }],
    [
      'account-record-after-spa',
      `${APP}&pagetype=entityrecord&etn=account&id=%7B${id(1).toUpperCase()}%7D`,
      { name: 'Globex Industrial', domain: 'globex.example' },
    ],
    ['multi-session', `${APP}&pagetype=entityrecord&etn=account&id=${id(4)}`, { name: '上海华腾贸易有限公司', domain: 'huateng.example' }],
    [
      'contact-record',
      `${APP}&pagetype=entityrecord&etn=contact&id=6d2f7a10-3c4b-4e5f-8a9b-0c1d2e3f4a56`,
      { name: 'Marta Lindqvist', email: 'marta.lindqvist@stark.example' },
    ],
    ['opportunity-record', `${APP}&pagetype=entityrecord&etn=opportunity&id=7e3a8b21-4d5c-4f60-9b0c-1d2e3f4a5b67`, { name: 'Umbrella Health onboarding' }],
  ] as const)('%s: title and record ref', (fixture, url, expected) => {
    const doc = load(fixture);
    const page = dynamics.parseUrl(new URL(url));
    if (page.kind !== 'record') throw new Error(`expected a record page for ${url}`);
    expect(dynamics.findTitle(doc, page)?.textContent).toBe(expected.name);
    expect(dynamics.readRecord(doc, page)).toEqual({ crm: 'dynamics', objectType: page.objectType, recordId: page.recordId, ...expected });
  });

  it('the record id keeps the story form whatever the URL case and braces', () => {
    const page = dynamics.parseUrl(new URL(`${APP}&pagetype=entityrecord&etn=account&id=%7B${id(1).toUpperCase()}%7D`));
    expect(page).toEqual({ kind: 'record', objectType: 'account', recordId: STORIES[1]!.crmIds.dynamics });
  });

  it.each([
    [`{${id(1).toUpperCase()}}`, id(1)],
    [id(1).toUpperCase(), id(1)],
    [id(1), id(1)],
    ['not-a-guid', 'not-a-guid'],
  ])('canonicalId(%s) = %s', (raw, expected) => {
    expect(dynamics.canonicalId?.(raw)).toBe(expected);
  });

  it('multi-session: only the focused session counts, not the hidden background one', () => {
    const doc = load('multi-session');
    const title = dynamics.findTitle(doc, { kind: 'record', objectType: 'account', recordId: id(4) });
    expect(title?.closest('[data-id^="session-"]')?.getAttribute('data-id')).toBe('session-2');
    expect(JSON.stringify(dynamics.readRecord(doc, { kind: 'record', objectType: 'account', recordId: id(4) }))).not.toContain('Initech');
  });

  it('returns null when no form has rendered yet', () => {
    const page = { kind: 'record', objectType: 'account', recordId: id(0) } as const;
    expect(dynamics.findTitle(load('account-list'), page)).toBeNull();
  });

  it('reads field payloads as text', () => {
    const doc = load('contact-record');
    expect((doc.querySelector('[data-id="jobtitle.fieldControl-text-box-text"]') as HTMLInputElement).value).toContain('<img src=x');
    const ref = dynamics.readRecord(doc, { kind: 'record', objectType: 'contact', recordId: '6d2f7a10-3c4b-4e5f-8a9b-0c1d2e3f4a56' });
    expect(Object.values(ref).join(' ')).not.toContain('<');
  });
});

describe('dynamics list rows', () => {
  it('reads ids from links (any case, braces) and row-id, once per row (pinned columns ignored)', () => {
    const doc = load('account-list');
    const rows = dynamics.listRows(doc, { kind: 'list', objectType: 'account' });
    expect(rows.map((r) => r.recordId)).toEqual([...STORIES.map((s) => s.crmIds.dynamics), UNKNOWN_RECORD.dynamics.id]);
    expect(rows.map((r) => r.mount.getAttribute('col-id'))).toEqual(Array(7).fill('name'));
    expect(rows.map((r) => r.mount.textContent?.trim())).toEqual([...STORIES.map((s) => s.name), UNKNOWN_RECORD.dynamics.name]);
  });

  it('skips rows of a hidden grid', () => {
    const doc = load('account-list');
    doc.querySelector('[data-id="entity_control-powerapps_onegrid_control_container"]')!.setAttribute('aria-hidden', 'true');
    expect(dynamics.listRows(doc, { kind: 'list', objectType: 'account' })).toEqual([]);
  });
});
