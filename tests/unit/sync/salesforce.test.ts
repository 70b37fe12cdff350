import { describe, expect, it } from 'vitest';
import { salesforceConnector as sf } from '../../../lib/crm/salesforce/connector';
import { salesforceConnectLabels } from '../../../lib/crm/salesforce/connector-labels';
import { ConnectorError, type Connection } from '../../../lib/sync/types';
import { mockFetch } from '../../mocks/harness';
import { SalesforceMock } from '../../mocks/salesforce';
import { generateSampleBook } from '../../../lib/sample/generate';
import { STORIES } from '../../../lib/sample/stories';
import { book, HOSTILE_NAME } from './book';
import { contextOn, drain, failureOf, rowsOf } from './helpers';

function setup(opts: ConstructorParameters<typeof SalesforceMock>[0] = {}) {
  // The book was entered two days before the first sync ("now" is 2026-11-20T09:00Z).
  const mock = new SalesforceMock({ batchSize: 3, now: Date.parse('2026-11-18T09:00:00Z'), ...opts });
  const accounts = mock.store.seed(book);
  mock.store.now = Date.parse('2026-11-20T09:00:00Z');
  const fetch = mockFetch([{ match: (u) => /\.(my\.salesforce|lightning\.force)\.com$/.test(u.hostname), handler: mock.handle }]);
  const ctx = contextOn(fetch, mock);
  const connect = (): Promise<Connection> => sf.connect({ instanceUrl: 'https://acme.lightning.force.com/lightning/page/home', sid: mock.newSession() }, ctx);
  return { mock, accounts, ctx, connect };
}

describe('Salesforce connector: connect', () => {
  it('verifies the session on the My Domain host and learns org and user', async () => {
    const { mock, connect } = setup();
    const conn = await connect();
    expect(conn).toMatchObject({
      crm: 'salesforce',
      apiBase: 'https://acme.my.salesforce.com',
      tenant: mock.orgId,
      user: { id: mock.userId, name: 'Alex Kim', email: 'alex.kim@acme.example' },
      origins: ['https://acme.my.salesforce.com/*'],
    });
    expect(conn.auth.sid).toMatch(/^00D5e000000RpQa!/);
    expect(sf.originsFor({ instanceUrl: 'https://acme--uat.sandbox.lightning.force.com' })).toEqual(['https://acme--uat.sandbox.my.salesforce.com/*']);
    expect(mock.requests.every((r) => !r.path.includes('lightning'))).toBe(true);
  });

  it('refuses an expired session as auth, and names a bad org URL or a missing session', async () => {
    const { mock, ctx } = setup();
    const sid = mock.newSession();
    mock.expireSessions();
    const e = await failureOf(sf.connect({ instanceUrl: 'https://acme.my.salesforce.com', sid }, ctx));
    expect(e).toBeInstanceOf(ConnectorError);
    expect(e).toMatchObject({ code: 'auth', status: 401, detail: 'HTTP 401 INVALID_SESSION_ID' });
    await expect(sf.connect({ instanceUrl: 'https://evil.example/x.my.salesforce.com', sid }, ctx)).rejects.toMatchObject({
      code: 'rejected',
      detail: expect.stringContaining('instanceUrl'),
    });
    await expect(sf.connect({ instanceUrl: 'https://acme.my.salesforce.com' }, ctx)).rejects.toMatchObject({
      code: 'auth',
      detail: expect.stringContaining('sid'),
    });
  });

  it('labels its field in English and Chinese', () => {
    for (const f of sf.fields) {
      expect(salesforceConnectLabels.en[f.labelKey as keyof typeof salesforceConnectLabels.en]).toBeTruthy();
      expect(salesforceConnectLabels.zh_CN[f.labelKey as keyof typeof salesforceConnectLabels.zh_CN]).toBeTruthy();
    }
  });
});

describe('Salesforce connector: readChanges', () => {
  it('reads the whole book over several pages and maps every kind', async () => {
    const { mock, accounts, ctx, connect } = setup();
    const conn = await connect();
    const batches = await drain(sf.readChanges(conn, null, ctx));
    const rows = rowsOf(batches);
    expect(rows.customers).toHaveLength(4);
    expect(rows.contacts).toHaveLength(3);
    expect(rows.transactions).toHaveLength(4);
    expect(rows.interactions).toHaveLength(4);
    expect(rows.feedback).toHaveLength(1);
    expect(rows.skipped).toEqual([]);
    // Accounts came in two batches of at most 3, through nextRecordsUrl.
    expect(batches.filter((b) => b.customers.length).map((b) => b.customers.length)).toEqual([3, 1]);
    expect(mock.requests.some((r) => /^\/services\/data\/v66\.0\/query\/01g/.test(r.path))).toBe(true);
    expect(batches.at(-1)!.progress).toEqual({ read: 16, total: 16, skipped: 0 });
    expect(batches.at(-1)!.cursor).toMatchObject({ phase: null, currency: 'USD', eventsThrough: '2026-11-20' });

    const a1 = accounts.get('C1')!;
    expect(a1).toMatch(/^001[A-Za-z0-9]{15}$/);
    expect(rows.customers.find((c) => c.crmRefs[0]!.id === a1)).toEqual({
      id: `salesforce:account:${a1}`,
      name: 'Northwind Traders',
      domain: 'northwind.example',
      emails: [],
      segment: 'Retail',
      owner: undefined,
      createdAt: '2023-02-01',
      crmRefs: [{ crm: 'salesforce', objectType: 'account', id: a1 }],
    });
    expect(rows.contacts.filter((k) => k.isDecisionMaker).map((k) => k.name)).toEqual(['Anna Smith', '王 芳']);
    expect(rows.contacts.find((k) => k.name === 'Ben Miller')).toMatchObject({ customerId: a1, role: 'Buyer', email: 'ben@northwind.example' });
    expect(rows.transactions.find((t) => t.amount === 88000)).toMatchObject({
      customerId: accounts.get('C2'),
      date: '2026-06-30',
      currency: 'CNY',
      product: 'Implementation',
    });
    expect(rows.interactions.find((i) => i.summary === 'Renewal check-in')).toMatchObject({
      customerId: a1,
      date: '2026-10-05',
      channel: 'call',
      direction: 'outbound',
      contact: 'Anna Smith',
    });
    expect(rows.interactions.find((i) => i.summary === 'Quarterly business review')).toMatchObject({ channel: 'meeting', date: '2026-11-02' });
    expect(rows.interactions.find((i) => i.summary === 'Sent the Q4 price list')).toMatchObject({ channel: 'email' });
    expect(rows.feedback[0]).toMatchObject({
      customerId: accounts.get('C2'),
      kind: 'complaint',
      date: '2026-09-01',
      comment: 'Late delivery of the second batch',
    });
  });

  it('keeps a hostile name and HTML as text', async () => {
    const { ctx, connect } = setup();
    const rows = rowsOf(await drain(sf.readChanges(await connect(), null, ctx)));
    expect(rows.customers.map((c) => c.name)).toContain(HOSTILE_NAME);
    expect(rows.interactions.map((i) => i.summary)).toContain('<b>bold</b> claim & "quotes"');
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('skips and names a malformed record without losing the rest of its page', async () => {
    const { mock, accounts, ctx, connect } = setup();
    const bad = mock.store.insert('Opportunity', {
      AccountId: accounts.get('C4'),
      Name: 'No amount',
      Amount: null,
      CloseDate: '2026-10-01',
      IsWon: true,
      StageName: 'Closed Won',
    });
    const rows = rowsOf(await drain(sf.readChanges(await connect(), null, ctx)));
    expect(rows.transactions).toHaveLength(4);
    expect(rows.skipped).toEqual([{ record: { objectType: 'transaction', id: bad }, reason: expect.stringMatching(/^amount: /) }]);
  });

  it('reads only what changed since the cursor: an edit, a deletion, a merge, a meeting whose day came', async () => {
    const { mock, accounts, ctx, connect } = setup();
    const conn = await connect();
    mock.store.insert('Event', {
      WhatId: accounts.get('C4'),
      Subject: 'Site visit',
      ActivityDate: '2026-11-23',
      StartDateTime: '2026-11-23T10:00:00.000+0000',
    });
    const first = await drain(sf.readChanges(conn, null, ctx));
    expect(rowsOf(first).interactions.map((i) => i.summary)).not.toContain('Site visit');
    const cursor = first.at(-1)!.cursor;

    mock.advance(3 * 86_400_000);
    mock.edit('Account', accounts.get('C1')!, { Name: 'Northwind Traders Ltd' });
    const opp = [...mock.store.table('Opportunity').values()].find((o) => o.Amount === 950)!;
    mock.store.remove('Opportunity', String(opp.Id));
    mock.store.merge('Account', accounts.get('C1')!, accounts.get('C4')!);
    mock.requests.length = 0;

    const second = await drain(sf.readChanges(conn, cursor, ctx));
    const rows = rowsOf(second);
    expect(rows.customers.map((c) => c.name)).toEqual(['Northwind Traders Ltd']);
    expect(rows.deleted).toEqual([{ objectType: 'transaction', id: opp.Id }]);
    expect(rows.merged).toEqual([{ objectType: 'account', from: accounts.get('C4'), into: accounts.get('C1') }]);
    // Changed and due today: read once.
    expect(rows.interactions.map((i) => i.summary)).toEqual(['Site visit']);
    expect(rows.interactions[0]!.customerId).toBe(accounts.get('C1'));
    expect(second.at(-1)!.progress.total).toBeUndefined();
    expect(mock.requests.some((r) => r.path.includes('COUNT'))).toBe(false);
  });

  it('resumes a pass from its cursor, re-querying from the watermark when a locator expired', async () => {
    const { mock, ctx, connect } = setup({ locatorTtlMs: 1000 });
    const conn = await connect();
    const names: string[] = [];
    for await (const b of sf.readChanges(conn, null, ctx)) {
      names.push(...b.customers.map((c) => c.name));
      mock.advance(5000);
    }
    expect(new Set(names).size).toBe(4);
    expect(mock.requests.some((r) => r.status === 400)).toBe(true);
  });

  it('falls back to the org currency where opportunities have no CurrencyIsoCode field', async () => {
    const { mock, ctx, connect } = setup({ absentFields: ['Opportunity.CurrencyIsoCode'] });
    const batches = await drain(sf.readChanges(await connect(), null, ctx));
    expect(new Set(rowsOf(batches).transactions.map((t) => t.currency))).toEqual(new Set(['USD']));
    expect(batches.at(-1)!.cursor.lean).toBe('Opportunity');
    expect(mock.requests.filter((r) => r.status === 400)).toHaveLength(1);
  });

  it('reads deletions within the 15 days Salesforce keeps them, however old the cursor', async () => {
    const { mock, accounts, ctx, connect } = setup();
    const conn = await connect();
    const cursor = (await drain(sf.readChanges(conn, null, ctx))).at(-1)!.cursor;
    mock.advance(40 * 86_400_000);
    mock.store.remove('Account', accounts.get('C2')!);
    const rows = rowsOf(await drain(sf.readChanges(conn, cursor, ctx)));
    expect(rows.deleted).toEqual([{ objectType: 'account', id: accounts.get('C2') }]);
  });

  it('reads the sample book back whole, the stories under their Salesforce ids', async () => {
    const sample = generateSampleBook({ customers: 30 });
    const mock = new SalesforceMock({ now: Date.parse('2026-11-20T12:00:00Z') });
    mock.store.seed(sample);
    mock.store.now = Date.parse('2026-11-21T09:00:00Z');
    const ctx = contextOn(mockFetch([{ match: (u) => u.hostname === 'acme.my.salesforce.com', handler: mock.handle }]), mock);
    const conn = await sf.connect({ instanceUrl: 'https://acme.my.salesforce.com', sid: mock.newSession() }, ctx);
    const rows = rowsOf(await drain(sf.readChanges(conn, null, ctx)));
    expect(rows.skipped).toEqual([]);
    expect(rows.customers).toHaveLength(sample.customers.length);
    expect(rows.contacts).toHaveLength(sample.contacts.length);
    expect(rows.transactions).toHaveLength(sample.transactions.length);
    expect(rows.interactions).toHaveLength(sample.interactions.length);
    expect(rows.feedback).toHaveLength(sample.feedback.filter((f) => f.kind === 'complaint').length);
    const ids = new Set(rows.customers.map((c) => c.crmRefs[0]!.id));
    for (const story of STORIES) expect(ids.has(story.crmIds.salesforce)).toBe(true);
  });
});
