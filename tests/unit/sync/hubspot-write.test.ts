import { describe, expect, it } from 'vitest';
import { hubspotConnector as hs } from '../../../lib/crm/hubspot/connector';
import { SECONDLY_WAIT_MS, TEN_SECONDLY_WAIT_MS } from '../../../lib/crm/hubspot/connector-http';
import { SCORE_PROPERTIES } from '../../../lib/crm/hubspot/connector-write';
import type { ActivityDraft } from '../../../lib/sync/types';
import { mockFetch } from '../../mocks/harness';
import { HubspotMock, type HubspotMockOptions } from '../../mocks/hubspot';
import { book } from './book';
import { contextOn, drain, failureOf } from './helpers';

async function setup(opts: HubspotMockOptions = {}) {
  const mock = new HubspotMock(opts);
  const companies = mock.store.seed(book);
  const ctx = contextOn(mockFetch([{ match: (u) => u.hostname === 'api.hubapi.com', handler: mock.handle }]), mock);
  const conn = await hs.connect({ token: mock.newToken() }, ctx);
  const draft: ActivityDraft = {
    key: 'int-5b21e0',
    target: { objectType: 'account', id: companies.get('C2')! },
    date: '2026-11-19',
    channel: 'call',
    direction: 'inbound',
    summary: 'They called about <the> invoice & the "late" batch',
    nextStep: 'Credit note',
  };
  const written = () => mock.created.map((c) => ({ ...c, rec: mock.store.table(c.type).get(c.id)! }));
  return { mock, companies, ctx, conn, draft, written };
}

describe('HubSpot connector: writeActivity', () => {
  it('creates one completed call associated to the company, its text escaped and our key in the body', async () => {
    const { mock, ctx, conn, draft, written, companies } = await setup();
    const { id } = await hs.writeActivity(conn, draft, ctx);
    expect(written()).toHaveLength(1);
    const call = written()[0]!;
    expect(call.type).toBe('calls');
    expect(call.rec.properties).toMatchObject({
      hs_timestamp: '2026-11-19T12:00:00.000Z',
      hs_call_title: 'They called about <the> invoice & the "late" batch',
      hs_call_body: '<p>They called about &lt;the&gt; invoice &amp; the &quot;late&quot; batch</p><p>→ Credit note</p><p>[Rapport int-5b21e0]</p>',
      hs_call_status: 'COMPLETED',
      hs_call_direction: 'INBOUND',
    });
    expect(mock.store.linked('calls', id, 'companies')).toEqual([expect.objectContaining({ to: companies.get('C2'), typeId: 182 })]);
    expect(await hs.findActivity(conn, draft.key, draft.target, ctx)).toBe(id);
    expect(await hs.findActivity(conn, 'int-other', draft.target, ctx)).toBeNull();
  });

  it('logs meetings and visits as meetings, other channels as notes, each with its association type', async () => {
    const { mock, ctx, conn, draft } = await setup();
    const meeting = await hs.writeActivity(conn, { ...draft, key: 'k-meet', channel: 'visit' }, ctx);
    const note = await hs.writeActivity(conn, { ...draft, key: 'k-note', channel: 'email' }, ctx);
    expect(mock.store.table('meetings').get(meeting.id)!.properties).toMatchObject({
      hs_meeting_outcome: 'COMPLETED',
      hs_meeting_start_time: '2026-11-19T12:00:00.000Z',
    });
    expect(mock.store.linked('meetings', meeting.id, 'companies')[0]!.typeId).toBe(188);
    expect(mock.store.linked('notes', note.id, 'companies')[0]!.typeId).toBe(190);
    expect(await hs.findActivity(conn, 'k-note', draft.target, ctx)).toBe(note.id);
  });

  it('reads its own call back as the text the rep typed, without the tag', async () => {
    const { ctx, conn, draft } = await setup();
    const { id } = await hs.writeActivity(conn, draft, ctx);
    const rows = (await drain(hs.readChanges(conn, null, ctx))).flatMap((b) => b.interactions);
    expect(rows.find((i) => i.id === `hubspot:activity:${id}`)).toMatchObject({
      date: '2026-11-19',
      channel: 'call',
      direction: 'inbound',
      summary: 'They called about <the> invoice & the "late" batch\n→ Credit note',
    });
  });

  it('after a 500, a 429 with Retry-After or a lost answer, findActivity tells whether to retry: still exactly one call', async () => {
    const { mock, ctx, conn, draft, written } = await setup();
    mock.fail({ method: 'POST', path: /^\/crm\/v3\/objects\/calls$/, times: 1, response: { status: 502, body: 'Bad gateway' } });
    expect(await failureOf(hs.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'unavailable', status: 502 });
    expect(await hs.findActivity(conn, draft.key, draft.target, ctx)).toBeNull();
    mock.fail({
      method: 'POST',
      path: /^\/crm\/v3\/objects\/calls$/,
      times: 1,
      response: { status: 429, headers: { 'retry-after': '4' }, body: { status: 'error' } },
    });
    expect(await failureOf(hs.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'rate-limited', retryAfterMs: 4000 });
    mock.fail({ method: 'POST', path: /^\/crm\/v3\/objects\/calls$/, times: 1, apply: 'after', response: { status: 504, body: 'Gateway timeout' } });
    expect(await failureOf(hs.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'unavailable' });
    expect(written()).toHaveLength(1);
    expect(await hs.findActivity(conn, draft.key, draft.target, ctx)).toBe(written()[0]!.id);
  });

  it('a revoked token is auth; a locked record (423) is a short wait', async () => {
    const { mock, ctx, conn, draft } = await setup();
    mock.fail({ method: 'POST', times: 1, response: { status: 423, body: { status: 'error', message: 'locked' } } });
    expect(await failureOf(hs.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'unavailable', retryAfterMs: 2000 });
    mock.revokeTokens();
    expect(await failureOf(hs.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'auth' });
    expect(await failureOf(drain(hs.readChanges(conn, null, ctx)))).toMatchObject({ code: 'auth' });
  });

  it('names bad drafts before calling HubSpot', async () => {
    const { mock, ctx, conn, draft } = await setup();
    const before = mock.requests.length;
    await expect(hs.writeActivity(conn, { ...draft, target: { objectType: 'lead', id: '1' } }, ctx)).rejects.toMatchObject({
      detail: expect.stringContaining('target'),
    });
    await expect(hs.writeActivity(conn, { ...draft, target: { objectType: 'account', id: '../x' } }, ctx)).rejects.toMatchObject({
      detail: expect.stringContaining('target id'),
    });
    await expect(hs.writeActivity(conn, { ...draft, key: '<script>' }, ctx)).rejects.toMatchObject({ detail: expect.stringContaining('key') });
    expect(mock.requests.length).toBe(before);
  });
});

describe('HubSpot connector: limits', () => {
  it('the ten-second bucket answers 429 TEN_SECONDLY_ROLLING: wait ten seconds', async () => {
    const { mock, ctx, conn, draft } = await setup({ tenSecondLimit: 4, requestMs: 100 });
    await hs.findActivity(conn, draft.key, draft.target, ctx).catch(() => undefined);
    expect(await failureOf(hs.writeActivity(conn, draft, ctx))).toMatchObject({
      code: 'rate-limited',
      retryAfterMs: TEN_SECONDLY_WAIT_MS,
      detail: 'HTTP 429 TEN_SECONDLY_ROLLING',
    });
    mock.advance(10_000);
    await hs.writeActivity(conn, draft, ctx);
  });

  it('searching faster than five a second answers 429 SECONDLY: wait a second', async () => {
    const { mock, ctx, conn } = await setup({ requestMs: 0 });
    const cursor = (await drain(hs.readChanges(conn, null, ctx))).at(-1)!.cursor;
    mock.advance(60_000);
    expect(await failureOf(drain(hs.readChanges(conn, cursor, ctx)))).toMatchObject({ code: 'rate-limited', retryAfterMs: SECONDLY_WAIT_MS });
  });

  it('the daily limit waits until midnight in the portal time zone', async () => {
    const { ctx, conn, draft } = await setup({ dailyLimit: 3, now: Date.parse('2026-11-20T20:30:00Z') });
    // connect took 2 requests, the look-up one more.
    await hs.findActivity(conn, draft.key, draft.target, ctx).catch(() => undefined);
    const e = (await failureOf(hs.writeActivity(conn, draft, ctx))) as { retryAfterMs: number };
    expect(e).toMatchObject({ code: 'rate-limited', detail: 'HTTP 429 DAILY' });
    // 20:30 UTC is 21:30 in Berlin: two and a half hours to its midnight, less the second the requests took.
    expect(e.retryAfterMs).toBeGreaterThan(150 * 60_000 - 5_000);
    expect(e.retryAfterMs).toBeLessThanOrEqual(150 * 60_000);
  });
});

describe('HubSpot connector: writeScores', () => {
  const scores = (id: string) => [{ target: { objectType: 'account' as const, id }, tier: 'platinum' as const, riskBand: 'low' as const, churnRisk: 0.05 }];

  it('writes the score properties an admin created on companies', async () => {
    const { mock, ctx, conn, companies } = await setup({ companyProperties: Object.values(SCORE_PROPERTIES) });
    expect(await hs.writeScores!(conn, scores(companies.get('C1')!), ctx)).toEqual({ written: 1 });
    expect(mock.store.table('companies').get(companies.get('C1')!)!.properties).toMatchObject({
      rapport_tier: 'platinum',
      rapport_risk: 'low',
      rapport_churn_risk: '5',
      rapport_next_action: '',
    });
  });

  it('is refused when the properties do not exist', async () => {
    const { ctx, conn, companies } = await setup();
    await expect(hs.writeScores!(conn, scores(companies.get('C1')!), ctx)).rejects.toMatchObject({ code: 'rejected', status: 400 });
  });
});
