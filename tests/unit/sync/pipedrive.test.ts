import { describe, expect, it } from 'vitest';
import { pipedriveConnector as pd } from '../../../lib/crm/pipedrive/connector';
import { pipedriveConnectLabels } from '../../../lib/crm/pipedrive/connector-labels';
import type { Customer, Interaction } from '../../../lib/schemas/domain';
import type { Connection } from '../../../lib/sync/types';
import { mockFetch } from '../../mocks/harness';
import { PipedriveMock, type PipedriveMockOptions } from '../../mocks/pipedrive';
import { generateSampleBook } from '../../../lib/sample/generate';
import { STORIES } from '../../../lib/sample/stories';
import { book, HOSTILE_NAME } from './book';
import { contextOn, drain, failureOf, rowsOf } from './helpers';

const filler = (n: number): Customer[] =>
  Array.from({ length: n }, (_, i) => ({ id: `X${i}`, name: `Filler ${i}`, emails: [], createdAt: '2022-01-01', crmRefs: [] }));
const chats = (n: number): Interaction[] =>
  Array.from({ length: n }, (_, i) => ({ id: `N${i}`, customerId: 'C4', date: '2026-07-01', channel: 'chat', summary: `Chat ${i}` }));

function setup(opts: PipedriveMockOptions = {}, extra: { customers?: Customer[]; interactions?: Interaction[] } = {}) {
  // The book was entered two days before the first sync ("now" is 2026-11-20T09:00Z).
  const mock = new PipedriveMock({ now: Date.parse('2026-11-18T09:00:00Z'), ...opts });
  const orgs = mock.store.seed({
    ...book,
    customers: [...book.customers, ...(extra.customers ?? [])],
    interactions: [...book.interactions, ...(extra.interactions ?? [])],
  });
  mock.store.now = Date.parse('2026-11-20T09:00:00Z');
  const ctx = contextOn(mockFetch([{ match: (u) => u.hostname.endsWith('.pipedrive.com'), handler: mock.handle }]), mock);
  const connect = (): Promise<Connection> => pd.connect({ apiToken: mock.newToken() }, ctx);
  return { mock, orgs, ctx, connect };
}

describe('Pipedrive connector: connect', () => {
  it('verifies the token on api.pipedrive.com and moves to the company host', async () => {
    const { mock, connect } = setup();
    const conn = await connect();
    expect(conn).toMatchObject({
      crm: 'pipedrive',
      apiBase: 'https://acme.pipedrive.com',
      tenant: String(mock.companyId),
      user: { id: String(mock.userId), name: 'Sam Patel', email: 'sam@acme.example' },
      auth: { currency: 'EUR', timeZone: 'Europe/London' },
      origins: ['https://acme.pipedrive.com/*'],
    });
    expect(mock.requests[0]!.path).toBe('/v1/users/me');
    expect(pipedriveConnectLabels.zh_CN[pd.fields[0]!.labelKey as keyof typeof pipedriveConnectLabels.zh_CN]).toBeTruthy();
  });

  it('refuses a revoked token as auth and names a malformed one', async () => {
    const { mock, ctx } = setup();
    const apiToken = mock.newToken();
    mock.revokeTokens();
    expect(await failureOf(pd.connect({ apiToken }, ctx))).toMatchObject({ code: 'auth', status: 401 });
    await expect(pd.connect({ apiToken: 'not-a-token' }, ctx)).rejects.toMatchObject({ code: 'rejected', detail: expect.stringContaining('apiToken') });
  });
});

describe('Pipedrive connector: readChanges', () => {
  it('reads v2 lists by cursor and v1 notes by start, and maps every kind', async () => {
    const { mock, orgs, ctx, connect } = setup({}, { customers: filler(600), interactions: chats(510) });
    const batches = await drain(pd.readChanges(await connect(), null, ctx));
    const rows = rowsOf(batches);
    expect(batches.filter((b) => b.customers.length).map((b) => b.customers.length)).toEqual([500, 104]);
    expect(mock.requests.filter((r) => r.path.startsWith('/api/v2/organizations')).map((r) => new URL(r.path, 'https://x').searchParams.get('cursor'))).toEqual(
      [null, expect.any(String)],
    );
    expect(mock.requests.filter((r) => r.path.startsWith('/api/v1/notes')).map((r) => new URL(r.path, 'https://x').searchParams.get('start'))).toEqual([
      null,
      '500',
    ]);
    expect(rows.contacts).toHaveLength(3);
    expect(rows.transactions).toHaveLength(4);
    expect(rows.interactions).toHaveLength(4 + 510);
    expect(rows.feedback).toEqual([]);
    expect(rows.skipped).toEqual([]);

    const o1 = String(orgs.get('C1'));
    expect(rows.customers.find((c) => c.crmRefs[0]!.id === o1)).toEqual({
      id: `pipedrive:account:${o1}`,
      name: 'Northwind Traders',
      emails: [],
      createdAt: '2023-02-01',
      crmRefs: [{ crm: 'pipedrive', objectType: 'account', id: o1 }],
    });
    expect(rows.contacts.find((k) => k.name === 'Ben Miller')).toMatchObject({
      customerId: o1,
      role: 'Buyer',
      email: 'ben@northwind.example',
      isDecisionMaker: false,
    });
    expect(rows.transactions.find((t) => t.amount === 88000)).toMatchObject({
      customerId: String(orgs.get('C2')),
      date: '2026-06-30',
      currency: 'CNY',
      product: 'Implementation',
    });
    expect(rows.interactions.find((i) => i.summary === 'Renewal check-in')).toMatchObject({ customerId: o1, date: '2026-10-05', channel: 'call' });
    expect(rows.interactions.find((i) => i.summary === 'Quarterly business review')).toMatchObject({ channel: 'meeting', date: '2026-11-02' });
    expect(rows.interactions.find((i) => i.summary === 'Chat 7')).toMatchObject({
      id: expect.stringMatching(/^pipedrive:activity:note-\d+$/),
      channel: 'other',
      date: '2026-07-01',
    });
  });

  it('keeps a hostile name and HTML as text', async () => {
    const { ctx, connect } = setup();
    const rows = rowsOf(await drain(pd.readChanges(await connect(), null, ctx)));
    expect(rows.customers.map((c) => c.name)).toContain(HOSTILE_NAME);
    expect(rows.interactions.map((i) => i.summary)).toContain('<b>bold</b> claim & "quotes"');
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('skips and names a malformed deal', async () => {
    const { mock, orgs, ctx, connect } = setup();
    const bad = mock.store.create('deals', {
      title: 'No value',
      org_id: orgs.get('C4'),
      value: null,
      currency: 'USD',
      status: 'won',
      won_time: '2026-10-01T10:00:00Z',
    });
    const rows = rowsOf(await drain(pd.readChanges(await connect(), null, ctx)));
    expect(rows.transactions).toHaveLength(4);
    expect(rows.skipped).toEqual([{ record: { objectType: 'transaction', id: String(bad.id) }, reason: expect.stringMatching(/^amount: /) }]);
  });

  it('then reads only what changed since: an edit, a deleted deal, a new done activity', async () => {
    const { mock, orgs, ctx, connect } = setup();
    const conn = await connect();
    const first = await drain(pd.readChanges(conn, null, ctx));
    mock.advance(3 * 86_400_000);
    mock.edit('organizations', orgs.get('C1')!, { name: 'Northwind Traders Ltd' });
    const deal = [...mock.store.table('deals').values()].find((d) => d.value === 950)!;
    mock.store.remove('deals', deal.id);
    mock.store.create('activities', { subject: 'Follow-up call', type: 'call', org_id: orgs.get('C2'), due_date: '2026-11-22', done: true });
    mock.store.create('activities', { subject: 'Planned call', type: 'call', org_id: orgs.get('C2'), due_date: '2026-11-30', done: false });
    mock.requests.length = 0;

    const rows = rowsOf(await drain(pd.readChanges(conn, first.at(-1)!.cursor, ctx)));
    expect(rows.customers.map((c) => c.name)).toEqual(['Northwind Traders Ltd']);
    expect(rows.deleted).toEqual([{ objectType: 'transaction', id: String(deal.id) }]);
    expect(rows.interactions.map((i) => i.summary)).toEqual(['Follow-up call']);
    expect(rows.transactions).toEqual([]);
    const since = new URL(mock.requests[0]!.path, 'https://x').searchParams.get('updated_since');
    expect(since).toBe('2026-11-20T08:00:00Z');
    expect(mock.requests.find((r) => r.path.startsWith('/api/v1/notes'))!.path).toContain('updated_since=2026-11-20+08%3A00%3A00');
  });

  it('reads the sample book back whole, the stories under their Pipedrive ids', async () => {
    const sample = generateSampleBook({ customers: 30 });
    const mock = new PipedriveMock({ now: Date.parse('2026-11-20T12:00:00Z') });
    mock.store.seed(sample);
    mock.store.now = Date.parse('2026-11-21T09:00:00Z');
    const ctx = contextOn(mockFetch([{ match: (u) => u.hostname.endsWith('.pipedrive.com'), handler: mock.handle }]), mock);
    const conn = await pd.connect({ apiToken: mock.newToken() }, ctx);
    const rows = rowsOf(await drain(pd.readChanges(conn, null, ctx)));
    expect(rows.skipped).toEqual([]);
    expect(rows.customers).toHaveLength(sample.customers.length);
    expect(rows.contacts).toHaveLength(sample.contacts.length);
    expect(rows.transactions).toHaveLength(sample.transactions.length);
    expect(rows.interactions).toHaveLength(sample.interactions.length);
    const ids = new Set(rows.customers.map((c) => c.crmRefs[0]!.id));
    for (const story of STORIES) expect(ids.has(story.crmIds.pipedrive)).toBe(true);
  });
});
