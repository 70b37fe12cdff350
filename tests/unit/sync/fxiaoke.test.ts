import { beforeEach, describe, expect, it } from 'vitest';
import { fxiaokeConnector as fx } from '../../../lib/crm/fxiaoke/connector';
import { resetPacing } from '../../../lib/crm/fxiaoke/connector-http';
import { fxiaokeConnectLabels } from '../../../lib/crm/fxiaoke/connector-labels';
import { generateSampleBook } from '../../../lib/sample/generate';
import type { Connection, ConnectorContext } from '../../../lib/sync/types';
import { FxiaokeMock } from '../../mocks/fxiaoke';
import { countBy, expectedCounts, readAll, failureOf } from './helpers';

const book = generateSampleBook({ customers: 120 });
const want = expectedCounts(book);
const NORTHWIND = 'a5f55b8f35966f8b04a332d2';
let clock: number;
let mock: FxiaokeMock;
let ctx: ConnectorContext;
let conn: Connection;

beforeEach(async () => {
  resetPacing();
  clock = Date.parse('2026-11-20T09:00:00Z');
  mock = new FxiaokeMock(() => clock);
  mock.seed(book);
  ctx = { fetch: mock.fetch(), now: () => clock };
  conn = await fx.connect({ ...mock.app, mobile: '138 0013 8000' }, ctx);
});

const queries = () => mock.requests.filter((r) => r.path.startsWith('/cgi/crm/v2/data/query'));

describe('Fxiaoke connect', () => {
  it('gets a corp access token with the app credentials and acts as the rep found by mobile', () => {
    expect(conn).toMatchObject({
      crm: 'fxiaoke',
      apiBase: 'https://open.fxiaoke.com',
      tenant: mock.ea,
      user: { id: 'FSUID_REP000001', name: '王芳' },
      origins: ['https://open.fxiaoke.com/*'],
    });
    expect(conn.auth).toMatchObject({ userId: 'FSUID_REP000001', expiresAt: String(clock + 7_200_000) });
    expect(mock.requests.every((r) => r.path.includes('thirdTraceId='))).toBe(true);
    expect(fx.originsFor({ cloudDomain: 'crm.example-cloud.cn' })).toEqual(['https://crm.example-cloud.cn/*']);
    for (const f of fx.fields) expect(fxiaokeConnectLabels.zh_CN[f.labelKey as keyof typeof fxiaokeConnectLabels.zh_CN]).toBeTruthy();
  });

  it('refused credentials are auth; an unknown mobile and a missing field are named', async () => {
    expect((await failureOf(fx.connect({ ...mock.app, appSecret: 'wrong' }, ctx))).code).toBe('auth');
    expect((await failureOf(fx.connect({ ...mock.app, mobile: '13000000000' }, ctx))).detail).toBe('mobile: no Fxiaoke employee with this number');
    expect((await failureOf(fx.connect({ ...mock.app, permanentCode: '' }, ctx))).detail).toBe('permanentCode: required');
  });

  it('a stale token (errorCode 20016 on HTTP 200) is auth; refresh brings a working one', async () => {
    mock.expireTokens();
    expect(await failureOf(readAll(fx, conn, null, ctx))).toMatchObject({ code: 'auth', detail: '/cgi/crm/v2/data/query: errorCode 20016' });
    const renewed = await fx.refresh!(conn, ctx);
    expect(renewed.auth.accessToken).not.toBe(conn.auth.accessToken);
    clock += 7_200_000;
    expect((await failureOf(readAll(fx, renewed, null, ctx))).detail).toBe('access token expired');
  });
});

describe('Fxiaoke readChanges', () => {
  it('reads every object 100 at a time, keyed by last_modified_time, and maps the rows', async () => {
    const pass = await readAll(fx, conn, null, ctx);
    expect(pass.all.customers).toHaveLength(want.customers);
    expect(pass.all.contacts).toHaveLength(want.contacts);
    expect(pass.all.transactions).toHaveLength(want.transactions);
    expect(pass.all.interactions).toHaveLength(want.interactions);
    expect(countBy(pass.all.interactions, (i) => i.channel)).toEqual(want.channels);
    expect(pass.progress).toEqual({ read: want.customers + want.contacts + want.transactions + want.interactions, skipped: 0 });
    // All contacts share one timestamp (more than two pages of them): whole pages skipped by offset, none read twice.
    expect(want.contacts).toBeGreaterThan(200);
    expect(new Set(pass.all.contacts.map((c) => c.id)).size).toBe(want.contacts);
    // At least one call per 100 records; a page that starts on records already read at the same time takes one more.
    const least = [want.customers, want.contacts, want.transactions, want.interactions].reduce((s, n) => s + Math.floor(n / 100) + 1, 0);
    expect(queries().length).toBeGreaterThanOrEqual(least);
    expect(queries().length).toBeLessThanOrEqual(least + 4);

    const nw = pass.all.customers.find((c) => c.crmRefs[0]!.id === NORTHWIND)!;
    expect(nw).toEqual({
      id: `fxiaoke:account:${NORTHWIND}`,
      name: 'Northwind Traders',
      domain: 'northwind.example',
      emails: [],
      owner: 'Alex Kim',
      createdAt: '2023-11-21',
      crmRefs: [{ crm: 'fxiaoke', objectType: 'account', id: NORTHWIND }],
    });
    expect(pass.all.transactions.find((t) => t.customerId === NORTHWIND && t.date === '2023-11-21')).toMatchObject({ amount: 19202.31, orderId: 'T-0000001' });
    expect(pass.all.interactions.find((i) => i.customerId === NORTHWIND && i.date === '2023-11-21')).toMatchObject({
      channel: 'visit',
      summary: 'Renewal looks straightforward',
    });
    expect(pass.all.contacts.find((c) => c.name === 'Margaret Chen')).toMatchObject({ customerId: NORTHWIND, role: 'CEO' });
  });

  it('then reads only what changed since, with invalidated (作废) records as deletions', async () => {
    const first = await readAll(fx, conn, null, ctx);
    clock += 60_000;
    const order = first.all.transactions.find((t) => t.customerId === NORTHWIND)!.id.split(':')[2]!;
    mock.edit('AccountObj', NORTHWIND, { name: '北风贸易' });
    mock.invalidate('SalesOrderObj', order);
    mock.requests.length = 0;
    const next = await readAll(fx, conn, first.cursor, ctx);
    expect(next.all.customers.map((c) => c.name)).toEqual(['北风贸易']);
    expect(next.all.deleted).toEqual([{ objectType: 'transaction', id: order }]);
    expect(next.all.interactions).toHaveLength(0);
    expect(next.progress.read).toBe(2);
    expect(queries()).toHaveLength(4);
  });

  it('an edit made while a pass pages through an object loses nothing', async () => {
    const seen = new Set<string>();
    let edited = false;
    for await (const b of fx.readChanges(conn, null, ctx)) {
      for (const i of b.interactions) seen.add(i.id);
      if (!edited && b.interactions.length > 0) {
        // Touch a record already read: it moves to the end; nothing else may shift out of the read.
        mock.edit('ActiveRecordObj', [...mock.objects.get('ActiveRecordObj')!.keys()][0]!, { active_record_content: 'edited mid-pass' });
        clock += 1;
        edited = true;
      }
    }
    expect(seen.size).toBe(want.interactions);
  });

  it('keeps hostile text as text and skips a malformed record, counting it', async () => {
    const hostile = '<svg onload=alert(1)>客户';
    mock.edit('AccountObj', NORTHWIND, { name: hostile });
    mock.edit('SalesOrderObj', [...mock.objects.get('SalesOrderObj')!.keys()][7]!, { order_amount: '一千' });
    const pass = await readAll(fx, conn, null, ctx);
    expect(pass.all.customers.find((c) => c.crmRefs[0]!.id === NORTHWIND)!.name).toBe(hostile);
    expect(pass.all.transactions).toHaveLength(want.transactions - 1);
    expect(pass.progress.skipped).toBe(1);
  });

  it('paces itself to 100 calls per 20 s per interface: rate-limited with the wait, never a burst past the limit', async () => {
    // Whole passes, about 50 query calls each, until the 101st call in the window would go out.
    let err: (Error & { code?: string; retryAfterMs?: number }) | undefined;
    for (let i = 0; i < 5 && !err; i++)
      err = await readAll(fx, conn, null, ctx).then(
        () => undefined,
        (e: Error) => e,
      );
    expect(err).toMatchObject({ code: 'rate-limited', retryAfterMs: 20_000 });
    expect(mock.requests.filter((r) => r.path.startsWith('/cgi/crm/v2/data/query')).length).toBe(100);
    clock += 20_000;
    expect((await readAll(fx, conn, null, ctx)).all.customers).toHaveLength(want.customers);
  });

  it("the server's own limit: HTTP 429 is rate-limited with Retry-After; an envelope code is retried after the window", async () => {
    mock.limit = { calls: 3, windowMs: 20_000 };
    mock.limitAnswer = 'http-429';
    expect(await failureOf(readAll(fx, conn, null, ctx))).toMatchObject({ code: 'rate-limited', retryAfterMs: 20_000, status: 429 });
    mock.limitAnswer = 'envelope';
    expect(await failureOf(readAll(fx, conn, null, ctx))).toMatchObject({
      code: 'unavailable',
      retryAfterMs: 20_000,
      detail: expect.stringMatching(/errorCode \d+$/),
    });
  });
});
