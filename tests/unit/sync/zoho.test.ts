import { beforeEach, describe, expect, it } from 'vitest';
import { zohoConnector as zc } from '../../../lib/crm/zoho/connector';
import { dataCentreOf } from '../../../lib/crm/zoho/connector-auth';
import { zohoConnectLabels } from '../../../lib/crm/zoho/connector-labels';
import { generateSampleBook } from '../../../lib/sample/generate';
import type { Connection, ConnectorContext } from '../../../lib/sync/types';
import { ZohoMock } from '../../mocks/zoho';
import { countBy, expectedCounts, readAll, failureOf } from './helpers';

const book = generateSampleBook({ customers: 120 });
const want = expectedCounts(book);
const NORTHWIND = '4876876000000312001';
let clock: number;
let mock: ZohoMock;
let ctx: ConnectorContext;
let conn: Connection;

const connectInput = () => ({
  dataCentre: 'https://crm.zoho.com.cn/crm/org60012345678/tab/Home',
  clientId: mock.client.id,
  clientSecret: mock.client.secret,
  grantCode: mock.issueCode(),
});

beforeEach(async () => {
  clock = Date.parse('2026-11-20T09:00:00Z');
  mock = new ZohoMock('com.cn', () => clock);
  mock.seed(book);
  ctx = { fetch: mock.fetch(), now: () => clock };
  conn = await zc.connect(connectInput(), ctx);
});

describe('Zoho connect and tokens', () => {
  it('exchanges the Self Client code at the China DC and learns org and user', () => {
    expect(conn).toMatchObject({
      crm: 'zoho',
      apiBase: 'https://www.zohoapis.com.cn/crm/v6',
      tenant: '60012345678',
      user: { id: mock.user.id, name: 'Li Wei' },
    });
    expect(conn.origins).toEqual(['https://accounts.zoho.com.cn/*', 'https://www.zohoapis.com.cn/*']);
    expect(conn.auth).toMatchObject({ clientId: mock.client.id, accountsUrl: 'https://accounts.zoho.com.cn', expiresAt: String(clock + 3_600_000) });
    expect(conn.auth.refreshToken).toMatch(/^1000\./);
    expect(zc.originsFor({ dataCentre: 'eu' })).toEqual(['https://accounts.zoho.eu/*', 'https://www.zohoapis.eu/*']);
    expect(['com.cn', 'crm.zohocloud.ca', 'https://crm.zoho.com/crm/org1', 'jp'].map(dataCentreOf)).toEqual(['com.cn', 'ca', 'com', 'jp']);
    for (const f of zc.fields) expect(zohoConnectLabels.zh_CN[f.labelKey as keyof typeof zohoConnectLabels.zh_CN]).toBeTruthy();
  });

  it('is refused as auth for a used or wrong code, a wrong secret or the wrong DC, and names a missing field', async () => {
    const used = connectInput();
    await zc.connect(used, ctx);
    expect((await failureOf(zc.connect(used, ctx))).code).toBe('auth');
    expect((await failureOf(zc.connect({ ...connectInput(), clientSecret: 'nope' }, ctx))).code).toBe('auth');
    // A China code exchanged at the US accounts server is unknown there.
    expect((await failureOf(zc.connect({ ...connectInput(), dataCentre: 'com' }, ctx))).detail).toBe('token: invalid_code');
    const missing = await failureOf(zc.connect({ ...connectInput(), clientId: ' ' }, ctx));
    expect(missing).toMatchObject({ code: 'rejected', detail: 'clientId: required' });
    expect((await failureOf(zc.connect({ ...connectInput(), dataCentre: 'mars' }, ctx))).detail).toMatch(/^dataCentre:/);
  });

  it('an expired token is auth (by its expiry, or when Zoho says INVALID_TOKEN); refresh gets a new one', async () => {
    mock.expireTokens();
    const err = await failureOf(readAll(zc, conn, null, ctx));
    expect(err).toMatchObject({ code: 'auth', status: 401 });
    clock += 3_600_000;
    expect((await failureOf(readAll(zc, conn, null, ctx))).detail).toBe('access token expired');
    const renewed = await zc.refresh!(conn, ctx);
    expect(renewed.auth.accessToken).not.toBe(conn.auth.accessToken);
    expect((await readAll(zc, renewed, null, ctx)).all.customers).toHaveLength(want.customers);
  });

  it('refreshing too often is rate-limited (Access Denied on HTTP 200); a revoked refresh token is auth', async () => {
    for (let i = 0; i < 10; i++) await zc.refresh!(conn, ctx);
    expect((await failureOf(zc.refresh!(conn, ctx))).code).toBe('rate-limited');
    expect((await failureOf(zc.refresh!({ ...conn, auth: { ...conn.auth, refreshToken: '1000.revoked' } }, ctx))).code).toBe('auth');
  });
});

describe('Zoho readChanges', () => {
  it('reads every module page by page (200 a page, then page tokens) and maps the rows', async () => {
    const pass = await readAll(zc, conn, null, ctx);
    expect(pass.all.customers).toHaveLength(want.customers);
    expect(pass.all.contacts).toHaveLength(want.contacts);
    expect(pass.all.transactions).toHaveLength(want.transactions);
    expect(countBy(pass.all.interactions, (i) => i.channel)).toEqual(want.callMeetingOther);
    expect(pass.all.feedback).toHaveLength(want.complaints);
    expect(pass.progress).toEqual({ read: want.customers + want.contacts + want.transactions + want.interactions + want.complaints, skipped: 0 });
    const deals = mock.requests.filter((r) => r.path.startsWith('/crm/v6/Deals?'));
    expect(want.transactions).toBeGreaterThan(1000);
    expect(deals).toHaveLength(want.pages(want.transactions, 200));
    expect(deals[0]!.path).toContain('page=1');
    expect(deals.slice(1).every((r) => r.path.includes('page_token='))).toBe(true);

    const nw = pass.all.customers.find((c) => c.crmRefs[0]!.id === NORTHWIND)!;
    expect(nw).toEqual({
      id: `zoho:account:${NORTHWIND}`,
      name: 'Northwind Traders',
      domain: 'northwind.example',
      emails: [],
      owner: 'Alex Kim',
      createdAt: '2023-11-21',
      crmRefs: [{ crm: 'zoho', objectType: 'account', id: NORTHWIND }],
    });
    expect(pass.all.transactions.find((t) => t.customerId === NORTHWIND && t.date === '2023-11-21')).toMatchObject({
      amount: 19202.31,
      currency: 'USD',
      product: 'Hardware kit',
    });
    expect(pass.all.contacts.find((c) => c.name === 'Margaret Chen')).toMatchObject({
      customerId: NORTHWIND,
      role: 'CEO',
      email: 'margaret.chen@northwind.example',
    });
    expect(pass.all.interactions.find((i) => i.customerId === NORTHWIND && i.date === '2023-11-21')).toMatchObject({
      channel: 'meeting',
      summary: 'Renewal looks straightforward',
    });
    expect(pass.all.interactions.filter((i) => i.channel === 'call').every((i) => i.direction)).toBe(true);
    const lastCreated = book.customers
      .map((c) => c.createdAt)
      .sort()
      .at(-1);
    expect(pass.cursor).toMatchObject({ phase: 0, 'm:Accounts': `${lastCreated}T10:00:00+08:00`, 'd:Accounts': '2026-11-20T08:50:00+00:00' });
  });

  it('then reads only changes (If-Modified-Since), deletions from the deleted feed, and a deal that is no longer won', async () => {
    const first = await readAll(zc, conn, null, ctx);
    clock += 3_600_000;
    conn = await zc.refresh!(conn, ctx);
    const deal = first.all.transactions.find((t) => t.customerId === NORTHWIND)!.orderId!;
    const call = [...mock.modules.get('Calls')!.keys()][3]!;
    mock.edit('Accounts', NORTHWIND, { Account_Name: 'Northwind Traders Ltd' });
    mock.edit('Deals', deal, { Stage: 'Closed Lost', Probability: 0 });
    mock.remove('Calls', call);
    mock.requests.length = 0;
    const next = await readAll(zc, conn, first.cursor, ctx);
    expect(next.all.customers.map((c) => c.name)).toEqual(['Northwind Traders Ltd']);
    expect(next.all.deleted).toEqual([
      { objectType: 'transaction', id: deal },
      { objectType: 'activity', id: call },
    ]);
    expect(next.progress.read).toBe(3);
    expect(mock.requests.filter((r) => r.status === 304)).toHaveLength(5);
  });

  it('without page tokens it pages by number and stops at more_records: false', async () => {
    mock.pageTokens = false;
    const pass = await readAll(zc, conn, null, ctx);
    expect(pass.all.transactions).toHaveLength(want.transactions);
    const pages = Array.from({ length: want.pages(want.transactions, 200) }, (_, i) => String(i + 1));
    expect(mock.requests.filter((r) => r.path.startsWith('/crm/v6/Deals?')).map((r) => /[?&]page=(\d+)/.exec(r.path)![1])).toEqual(pages);
  });

  it('keeps hostile text as text, skips and counts a malformed record', async () => {
    const hostile = '=HYPERLINK("http://x")<script>alert(1)</script>';
    mock.edit('Accounts', NORTHWIND, { Account_Name: hostile });
    mock.edit('Deals', [...mock.modules.get('Deals')!.keys()][5]!, { Closing_Date: '2026-02-30' });
    const pass = await readAll(zc, conn, null, ctx);
    expect(pass.all.customers.find((c) => c.crmRefs[0]!.id === NORTHWIND)!.name).toBe(hostile);
    expect(pass.all.transactions).toHaveLength(want.transactions - 1);
    expect(pass.progress.skipped).toBe(1);
  });

  it('429 TOO_MANY_REQUESTS (credits used up) is rate-limited with the Retry-After wait', async () => {
    mock.credits = { limit: 4, used: 0, retryAfterS: 60 };
    const err = await failureOf(readAll(zc, conn, null, ctx));
    expect(err).toMatchObject({ code: 'rate-limited', status: 429, retryAfterMs: 60_000 });
    expect(err.detail).toContain('TOO_MANY_REQUESTS');
    // Zoho's limit code is honoured whatever status carries it.
    mock.credits = { limit: Number.POSITIVE_INFINITY, used: 0, retryAfterS: undefined };
    mock.fail({
      path: /\/crm\/v6\/Accounts$/,
      times: 1,
      response: { status: 400, body: { code: 'TOO_MANY_REQUESTS', details: {}, message: 'too many requests', status: 'error' } },
    });
    expect(await failureOf(readAll(zc, conn, null, ctx))).toMatchObject({ code: 'rate-limited', status: 400 });
  });
});
