import { beforeEach, describe, expect, it } from 'vitest';
import { dynamicsConnector as dx } from '../../../lib/crm/dynamics/connector';
import { dynamicsConnectLabels } from '../../../lib/crm/dynamics/connector-labels';
import { generateSampleBook } from '../../../lib/sample/generate';
import type { Connection, ConnectorContext } from '../../../lib/sync/types';
import { DynamicsMock } from '../../mocks/dynamics';
import { countBy, expectedCounts, readAll, failureOf } from './helpers';

const book = generateSampleBook({ customers: 120 });
const want = expectedCounts(book);
const NORTHWIND = 'a5f55b8f-3596-6f8b-04a3-32d2d4f5882d';
const ORG = 'https://org.crm4.dynamics.com';
let clock: number;
let mock: DynamicsMock;
let ctx: ConnectorContext;
let conn: Connection;

beforeEach(async () => {
  clock = Date.parse('2026-11-20T09:00:00Z');
  mock = new DynamicsMock(ORG, () => clock);
  mock.seed(book);
  ctx = { fetch: mock.browserFetch(), now: () => clock };
  conn = await dx.connect({ orgUrl: `${ORG}/main.aspx?appid=1&pagetype=entityrecord` }, ctx);
});

describe('Dynamics connect', () => {
  it('learns org and user from WhoAmI on the session, and asks for the org origin only', async () => {
    expect(conn).toMatchObject({
      crm: 'dynamics',
      apiBase: `${ORG}/api/data/v9.2`,
      tenant: mock.orgId,
      user: { id: mock.user.id, name: 'Sales Rep' },
      auth: {},
    });
    expect(conn.origins).toEqual([`${ORG}/*`]);
    expect(dx.originsFor({ orgUrl: `${ORG}/main.aspx` })).toEqual([`${ORG}/*`]);
    expect(dynamicsConnectLabels.en[dx.fields[0]!.labelKey as keyof typeof dynamicsConnectLabels.en]).toBe('Environment URL');
  });

  it('is refused as auth when signed out (redirect to sign-in, or 401), and names a bad org URL', async () => {
    mock.signedOut = 'redirect';
    expect((await failureOf(dx.connect({ orgUrl: ORG }, ctx))).code).toBe('auth');
    mock.signedOut = '401';
    expect((await failureOf(dx.connect({ orgUrl: ORG }, ctx))).code).toBe('auth');
    const bad = await failureOf(dx.connect({ orgUrl: 'contoso' }, ctx));
    expect(bad.code).toBe('rejected');
    expect(bad.message).toContain('orgUrl');
  });
});

describe('Dynamics readChanges', () => {
  it('reads the whole book over several pages and maps every kind of row', async () => {
    const pass = await readAll(dx, conn, null, ctx);
    expect(pass.all.customers).toHaveLength(want.customers);
    expect(pass.all.contacts).toHaveLength(want.contacts);
    expect(pass.all.transactions).toHaveLength(want.transactions);
    expect(pass.all.interactions).toHaveLength(want.interactions);
    expect(pass.all.feedback).toHaveLength(want.complaints);
    expect(pass.progress).toEqual({ read: want.customers + want.contacts + want.transactions + want.interactions + want.complaints, skipped: 0 });
    // 500 rows a page: opportunities take 4 pages, followed by their opaque next links.
    expect(want.transactions).toBeGreaterThan(1000);
    expect(mock.requests.filter((r) => r.path.startsWith('/api/data/v9.2/opportunities'))).toHaveLength(want.pages(want.transactions, 500));
    // One next link per page after the first, in every table.
    const rows = [want.customers, want.contacts, want.transactions, ...Object.values(want.callMeetingOther), want.complaints];
    expect(mock.requests.filter((r) => r.path.includes('$skiptoken'))).toHaveLength(rows.reduce((s, n) => s + want.pages(n, 500) - 1, 0));
    expect(countBy(pass.all.interactions, (i) => i.channel)).toEqual(want.callMeetingOther);

    const nw = pass.all.customers.find((c) => c.crmRefs[0]!.id === NORTHWIND)!;
    expect(nw).toEqual({
      id: `dynamics:account:${NORTHWIND}`,
      name: 'Northwind Traders',
      domain: 'northwind.example',
      emails: [],
      owner: 'Alex Kim',
      createdAt: '2023-11-21',
      crmRefs: [{ crm: 'dynamics', objectType: 'account', id: NORTHWIND }],
    });
    const t = pass.all.transactions.find((x) => x.customerId === NORTHWIND && x.date === '2023-11-21')!;
    expect(t).toMatchObject({ amount: 19202.31, currency: 'USD', product: 'Hardware kit' });
    expect(pass.all.contacts.find((c) => c.name === 'Margaret Chen')).toMatchObject({ customerId: NORTHWIND, role: 'CEO', isDecisionMaker: true });
    const visit = pass.all.interactions.find((i) => i.customerId === NORTHWIND && i.date === '2023-11-21')!;
    expect(visit).toMatchObject({ channel: 'meeting', summary: 'Renewal looks straightforward' });
    expect(pass.all.interactions.filter((i) => i.channel === 'call').every((i) => i.direction === 'inbound' || i.direction === 'outbound')).toBe(true);
    expect(pass.all.feedback.every((f) => f.kind === 'complaint')).toBe(true);
    expect(pass.cursor).toMatchObject({ phase: 0, next: null });
    expect(typeof pass.cursor['d:accounts']).toBe('string');
  });

  it('then reads only what changed: an edit, a deletion, a merge, a reopened deal', async () => {
    const first = await readAll(dx, conn, null, ctx);
    clock += 3_600_000;
    const call = [...mock.tables.get('phonecalls')!.keys()][0]!;
    const opp = first.all.transactions.find((x) => x.customerId === NORTHWIND)!.orderId!;
    const [a, b] = first.all.customers.slice(-2).map((c) => c.crmRefs[0]!.id);
    mock.edit('accounts', NORTHWIND, { name: 'Northwind Traders Ltd' });
    mock.remove('phonecalls', call);
    mock.merge(a!, b!);
    mock.edit('opportunities', opp, { statecode: 0, statuscode: 1 });
    mock.requests.length = 0;

    const next = await readAll(dx, conn, first.cursor, ctx);
    expect(next.all.customers.map((c) => c.name)).toEqual(['Northwind Traders Ltd']);
    expect(next.all.merged).toEqual([{ objectType: 'account', from: a, into: b }]);
    expect(next.all.deleted).toEqual(
      expect.arrayContaining([
        { objectType: 'activity', id: call },
        { objectType: 'transaction', id: opp },
      ]),
    );
    expect(next.all.interactions).toHaveLength(0);
    expect(next.progress.read).toBe(4);
    expect(mock.requests.every((r) => r.path.includes('$deltatoken') || r.path.includes('transactioncurrencies'))).toBe(true);
  });

  it('reads a table without change tracking by modifiedon, and still picks up an edit', async () => {
    mock.trackChanges.delete('accounts');
    const first = await readAll(dx, conn, null, ctx);
    expect(first.all.customers).toHaveLength(want.customers);
    const since = `${book.customers
      .map((c) => c.createdAt)
      .sort()
      .at(-1)}T10:00:00Z`;
    expect(first.cursor['m:accounts']).toBe(since);
    clock += 60_000;
    mock.edit('accounts', NORTHWIND, { name: 'Northwind (renamed)' });
    const next = await readAll(dx, conn, first.cursor, ctx);
    expect(next.all.customers.map((c) => c.name)).toContain('Northwind (renamed)');
    expect(next.all.customers.length).toBeLessThan(want.customers);
    expect(mock.requests.some((r) => r.path.includes(`$filter=modifiedon%20ge%20${since}`))).toBe(true);
  });

  it('keeps hostile text as text and skips a malformed record, counting it', async () => {
    const hostile = '<img src=x onerror="alert(1)">Acme</script>';
    mock.edit('accounts', NORTHWIND, { name: hostile });
    mock.edit('opportunities', [...mock.tables.get('opportunities')!.keys()][0]!, { actualclosedate: 'soon' });
    const pass = await readAll(dx, conn, null, ctx);
    expect(pass.all.customers.find((c) => c.crmRefs[0]!.id === NORTHWIND)!.name).toBe(hostile);
    expect(pass.all.transactions).toHaveLength(want.transactions - 1);
    expect(pass.progress.skipped).toBe(1);
  });

  it('turns an expired session mid-sync into auth, and 429 into rate-limited with the wait', async () => {
    const it1 = dx.readChanges(conn, null, ctx);
    await it1.next();
    mock.signedOut = 'redirect';
    expect((await failureOf(it1.next())).code).toBe('auth');
    mock.signedOut = null;
    mock.limit = { max: 2, windowMs: 300_000 };
    const err = await failureOf(readAll(dx, conn, null, ctx));
    expect(err).toMatchObject({ code: 'rate-limited', status: 429 });
    expect(err.retryAfterMs).toBe(300_000);
  });
});
