import { describe, expect, it } from 'vitest';
import { hubspotConnector as hs } from '../../../lib/crm/hubspot/connector';
import { hubspotConnectLabels } from '../../../lib/crm/hubspot/connector-labels';
import type { Customer } from '../../../lib/schemas/domain';
import type { Connection } from '../../../lib/sync/types';
import { mockFetch } from '../../mocks/harness';
import { HubspotMock, type HubspotMockOptions } from '../../mocks/hubspot';
import { generateSampleBook } from '../../../lib/sample/generate';
import { STORIES } from '../../../lib/sample/stories';
import { book, HOSTILE_NAME } from './book';
import { contextOn, drain, failureOf, rowsOf } from './helpers';

const filler = (n: number): Customer[] =>
  Array.from({ length: n }, (_, i) => ({ id: `X${i}`, name: `Filler ${i}`, emails: [], createdAt: '2022-01-01', crmRefs: [] }));

function setup(opts: HubspotMockOptions = {}, extra: Customer[] = []) {
  // The book was entered two days before the first sync ("now" is 2026-11-20T09:00Z).
  const mock = new HubspotMock({ now: Date.parse('2026-11-18T09:00:00Z'), ...opts });
  const companies = mock.store.seed({ ...book, customers: [...book.customers, ...extra] });
  mock.store.now = Date.parse('2026-11-20T09:00:00Z');
  const ctx = contextOn(mockFetch([{ match: (u) => u.hostname === 'api.hubapi.com', handler: mock.handle }]), mock);
  const connect = (): Promise<Connection> => hs.connect({ token: mock.newToken() }, ctx);
  return { mock, companies, ctx, connect };
}

describe('HubSpot connector: connect', () => {
  it('verifies the token and learns portal, user, time zone and currency', async () => {
    const { mock, connect } = setup();
    const conn = await connect();
    expect(conn).toMatchObject({
      crm: 'hubspot',
      apiBase: 'https://api.hubapi.com',
      tenant: String(mock.portalId),
      user: { id: String(mock.userId) },
      auth: { timeZone: 'Europe/Berlin', currency: 'EUR' },
      origins: ['https://api.hubapi.com/*'],
    });
    expect(conn.auth.token).toMatch(/^pat-na1-/);
    expect(hubspotConnectLabels.zh_CN[hs.fields[0]!.labelKey as keyof typeof hubspotConnectLabels.zh_CN]).toBeTruthy();
  });

  it('refuses a revoked token as auth and names a malformed one', async () => {
    const { mock, ctx } = setup();
    const token = mock.newToken();
    mock.revokeTokens();
    expect(await failureOf(hs.connect({ token }, ctx))).toMatchObject({ code: 'auth', detail: 'HTTP 401 INVALID_AUTHENTICATION' });
    await expect(hs.connect({ token: 'pat na1 with spaces' }, ctx)).rejects.toMatchObject({ code: 'rejected', detail: expect.stringContaining('token') });
  });
});

describe('HubSpot connector: readChanges', () => {
  it('lists every object type page by page on the first pass and maps every kind', async () => {
    const { mock, companies, ctx, connect } = setup({}, filler(150));
    const batches = await drain(hs.readChanges(await connect(), null, ctx));
    const rows = rowsOf(batches);
    expect(rows.customers).toHaveLength(154);
    expect(batches.filter((b) => b.customers.length).map((b) => b.customers.length)).toEqual([100, 54]);
    expect(
      mock.requests.filter((r) => r.path.startsWith('/crm/v3/objects/companies?')).map((r) => new URL(r.path, 'https://x').searchParams.get('after')),
    ).toEqual([null, expect.stringMatching(/^\d+$/)]);
    expect(rows.contacts).toHaveLength(3);
    expect(rows.transactions).toHaveLength(4);
    expect(rows.interactions).toHaveLength(4);
    expect(rows.feedback).toHaveLength(1);
    expect(rows.skipped).toEqual([]);
    expect(batches.at(-1)!.progress.read).toBe(166);

    const c1 = companies.get('C1')!;
    expect(rows.customers.find((c) => c.crmRefs[0]!.id === c1)).toEqual({
      id: `hubspot:account:${c1}`,
      name: 'Northwind Traders',
      domain: 'northwind.example',
      emails: [],
      segment: 'Retail',
      createdAt: '2023-02-01',
      crmRefs: [{ crm: 'hubspot', objectType: 'account', id: c1 }],
    });
    expect(rows.contacts.filter((k) => k.isDecisionMaker).map((k) => k.name)).toEqual(['Anna Smith', '王 芳']);
    expect(rows.contacts.find((k) => k.name === 'Ben Miller')).toMatchObject({ customerId: c1, role: 'Buyer', email: 'ben@northwind.example' });
    expect(rows.transactions.find((t) => t.amount === 4200.5)).toMatchObject({ customerId: c1, date: '2026-09-14', currency: 'USD', product: 'Support plan' });
    expect(rows.interactions.find((i) => i.channel === 'call' && i.customerId === c1)).toMatchObject({
      date: '2026-10-05',
      direction: 'outbound',
      summary: 'Renewal check-in',
    });
    expect(rows.interactions.find((i) => i.channel === 'email')).toMatchObject({ direction: 'outbound', summary: 'Sent the Q4 price list' });
    expect(rows.interactions.find((i) => i.channel === 'meeting')).toMatchObject({ customerId: companies.get('C2'), date: '2026-11-02' });
    expect(rows.feedback[0]).toMatchObject({
      customerId: companies.get('C2'),
      date: '2026-09-01',
      kind: 'complaint',
      comment: 'Late delivery of the second batch',
    });
  });

  it('keeps a hostile name as text and reads rich-text bodies back as the text that was typed', async () => {
    const { ctx, connect } = setup();
    const rows = rowsOf(await drain(hs.readChanges(await connect(), null, ctx)));
    expect(rows.customers.map((c) => c.name)).toContain(HOSTILE_NAME);
    expect(rows.interactions.map((i) => i.summary)).toContain('<b>bold</b> claim & "quotes"');
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('skips and names a malformed deal', async () => {
    const { mock, companies, ctx, connect } = setup();
    const bad = mock.store.create('deals', { dealname: 'Odd', amount: 'N/A', closedate: '2026-10-01T00:00:00.000Z', hs_is_closed_won: 'true' });
    mock.store.associate('deals', bad.id, 'companies', companies.get('C4')!, 5);
    const rows = rowsOf(await drain(hs.readChanges(await connect(), null, ctx)));
    expect(rows.transactions).toHaveLength(4);
    expect(rows.skipped).toEqual([{ record: { objectType: 'transaction', id: bad.id }, reason: expect.stringMatching(/^amount: /) }]);
  });

  it('then searches what changed: an edit, an archived deal, a merge, a meeting whose time came', async () => {
    const { mock, companies, ctx, connect } = setup();
    const conn = await connect();
    const visit = mock.store.create('meetings', { hs_timestamp: '2026-11-22T10:00:00.000Z', hs_meeting_title: 'Site visit', hs_meeting_outcome: 'SCHEDULED' });
    mock.store.associate('meetings', visit.id, 'companies', companies.get('C4')!);
    const first = await drain(hs.readChanges(conn, null, ctx));
    expect(rowsOf(first).interactions.map((i) => i.summary)).not.toContain('Site visit');

    mock.advance(3 * 86_400_000);
    mock.edit('companies', companies.get('C1')!, { name: 'Northwind Traders Ltd' });
    const deal = [...mock.store.table('deals').values()].find((d) => d.properties.amount === '950')!;
    mock.store.archive('deals', deal.id);
    mock.store.merge('companies', companies.get('C1')!, companies.get('C4')!);
    mock.requests.length = 0;

    const rows = rowsOf(await drain(hs.readChanges(conn, first.at(-1)!.cursor, ctx)));
    expect(rows.customers.map((c) => c.name)).toEqual(['Northwind Traders Ltd']);
    expect(rows.deleted).toEqual([{ objectType: 'transaction', id: deal.id }]);
    expect(rows.merged).toEqual([{ objectType: 'account', from: companies.get('C4'), into: companies.get('C1') }]);
    expect(rows.interactions).toEqual([
      expect.objectContaining({ summary: 'Site visit', customerId: companies.get('C1'), date: '2026-11-22', channel: 'meeting' }),
    ]);
    expect(mock.requests.some((r) => r.path === '/crm/v3/objects/companies/search')).toBe(true);
    expect(mock.requests.some((r) => r.path.startsWith('/crm/v3/objects/companies?') && r.path.includes('archived=false'))).toBe(false);
  });

  it('pages a search by value, so records changing mid-read are neither lost nor paged past', async () => {
    const { mock, ctx, connect } = setup({}, filler(450));
    const conn = await connect();
    const cursor = (await drain(hs.readChanges(conn, null, ctx))).at(-1)!.cursor;
    mock.advance(2 * 3_600_000);
    const all = [...mock.store.table('companies').values()];
    for (const c of all) {
      mock.advance(1);
      mock.store.edit('companies', c.id, { industry: 'Changed' });
    }
    const seen = new Set<string>();
    let edits = 0;
    for await (const b of hs.readChanges(conn, cursor, ctx)) {
      for (const c of b.customers) seen.add(c.crmRefs[0]!.id);
      // Between pages, someone edits records already read: they move to the end of the order.
      if (b.customers.length && edits++ < 2) for (const c of all.slice(edits * 10, edits * 10 + 5)) mock.store.edit('companies', c.id, { industry: 'Again' });
    }
    expect(seen.size).toBe(all.length);
    expect(mock.requests.filter((r) => r.path === '/crm/v3/objects/companies/search').length).toBeGreaterThanOrEqual(3);
  });

  it('catches up on records search had not indexed yet on the next pass', async () => {
    const { mock, companies, ctx, connect } = setup({ searchLagMs: 5 * 60_000 });
    const conn = await connect();
    const c1 = (await drain(hs.readChanges(conn, null, ctx))).at(-1)!.cursor;
    mock.advance(86_400_000);
    mock.store.edit('companies', companies.get('C2')!, { name: 'Globex East' });
    const pass2 = await drain(hs.readChanges(conn, c1, ctx));
    expect(rowsOf(pass2).customers).toEqual([]);
    mock.advance(10 * 60_000);
    const pass3 = rowsOf(await drain(hs.readChanges(conn, pass2.at(-1)!.cursor, ctx)));
    expect(pass3.customers.map((c) => c.name)).toEqual(['Globex East']);
  });

  it('reads the sample book back whole, the stories under their HubSpot ids', async () => {
    const sample = generateSampleBook({ customers: 30 });
    const mock = new HubspotMock({ now: Date.parse('2026-11-20T12:00:00Z') });
    mock.store.seed(sample);
    mock.store.now = Date.parse('2026-11-21T09:00:00Z');
    const ctx = contextOn(mockFetch([{ match: (u) => u.hostname === 'api.hubapi.com', handler: mock.handle }]), mock);
    const conn = await hs.connect({ token: mock.newToken() }, ctx);
    const rows = rowsOf(await drain(hs.readChanges(conn, null, ctx)));
    expect(rows.skipped).toEqual([]);
    expect(rows.customers).toHaveLength(sample.customers.length);
    expect(rows.contacts).toHaveLength(sample.contacts.length);
    expect(rows.transactions).toHaveLength(sample.transactions.length);
    expect(rows.interactions).toHaveLength(sample.interactions.length);
    expect(rows.feedback).toHaveLength(sample.feedback.filter((f) => f.kind === 'complaint').length);
    const ids = new Set(rows.customers.map((c) => c.crmRefs[0]!.id));
    for (const story of STORIES) expect(ids.has(story.crmIds.hubspot)).toBe(true);
  });
});
