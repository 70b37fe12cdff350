import { describe, expect, it } from 'vitest';
import { pipedriveConnector as pd } from '../../../lib/crm/pipedrive/connector';
import { BLOCKED_WAIT_MS } from '../../../lib/crm/pipedrive/connector-http';
import { SCORE_FIELD_NAMES } from '../../../lib/crm/pipedrive/connector-write';
import type { ActivityDraft } from '../../../lib/sync/types';
import { mockFetch } from '../../mocks/harness';
import { PipedriveMock, type PipedriveMockOptions } from '../../mocks/pipedrive';
import { book } from './book';
import { contextOn, drain, failureOf } from './helpers';

async function setup(opts: PipedriveMockOptions = {}) {
  const mock = new PipedriveMock(opts);
  const orgs = mock.store.seed(book);
  const ctx = contextOn(mockFetch([{ match: (u) => u.hostname.endsWith('.pipedrive.com'), handler: mock.handle }]), mock);
  const conn = await pd.connect({ apiToken: mock.newToken() }, ctx);
  const draft: ActivityDraft = {
    key: 'int-0c9d41',
    target: { objectType: 'account', id: String(orgs.get('C1')) },
    date: '2026-11-19',
    channel: 'meeting',
    summary: 'Demo of the <new> module & pricing',
    nextStepDue: '2026-12-01',
    nextStep: 'Send the proposal',
  };
  const written = () => mock.activities();
  return { mock, orgs, ctx, conn, draft, written };
}

describe('Pipedrive connector: writeActivity', () => {
  it('creates one done activity on the organization, its note escaped with our key, and finds it again', async () => {
    const { ctx, conn, draft, written, orgs } = await setup();
    const { id } = await pd.writeActivity(conn, draft, ctx);
    expect(written()).toHaveLength(1);
    expect(written()[0]).toMatchObject({
      id: Number(id),
      subject: 'Demo of the <new> module & pricing',
      type: 'meeting',
      org_id: orgs.get('C1'),
      due_date: '2026-11-19',
      done: true,
      note: '<p>Demo of the &lt;new&gt; module &amp; pricing</p><p>→ Send the proposal (2026-12-01)</p><p>[Rapport int-0c9d41]</p>',
    });
    expect(await pd.findActivity(conn, draft.key, draft.target, ctx)).toBe(id);
    expect(await pd.findActivity(conn, 'int-other', draft.target, ctx)).toBeNull();
  });

  it('attaches to a person through participants (person_id is read-only in v2)', async () => {
    const { mock, ctx, conn, draft, written } = await setup();
    const person = [...mock.store.table('persons').values()].find((p) => p.name === 'Anna Smith')!;
    const target = { objectType: 'contact' as const, id: String(person.id) };
    const { id } = await pd.writeActivity(conn, { ...draft, channel: 'call', target }, ctx);
    expect(written()[0]).toMatchObject({ type: 'call', participants: [{ person_id: person.id, primary: true }] });
    expect(await pd.findActivity(conn, draft.key, target, ctx)).toBe(id);
  });

  it('reads its own activity back as the text the rep typed, without the tag', async () => {
    const { ctx, conn, draft } = await setup();
    const { id } = await pd.writeActivity(conn, draft, ctx);
    const rows = (await drain(pd.readChanges(conn, null, ctx))).flatMap((b) => b.interactions);
    expect(rows.find((i) => i.id === `pipedrive:activity:${id}`)).toMatchObject({
      channel: 'meeting',
      date: '2026-11-19',
      summary: 'Demo of the <new> module & pricing\n→ Send the proposal (2026-12-01)',
    });
  });

  it('after a 500, a 429 with Retry-After or a lost answer, findActivity tells whether to retry: still exactly one activity', async () => {
    const { mock, ctx, conn, draft, written } = await setup();
    mock.fail({ method: 'POST', path: /activities$/, times: 1, response: { status: 500, body: { success: false, error: 'Internal error' } } });
    expect(await failureOf(pd.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'unavailable', status: 500 });
    expect(await pd.findActivity(conn, draft.key, draft.target, ctx)).toBeNull();
    mock.fail({
      method: 'POST',
      path: /activities$/,
      times: 1,
      response: { status: 429, headers: { 'retry-after': '3', 'x-ratelimit-remaining': '0' }, body: { success: false } },
    });
    expect(await failureOf(pd.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'rate-limited', retryAfterMs: 3000 });
    mock.fail({ method: 'POST', path: /activities$/, times: 1, apply: 'after', response: { status: 503, body: 'Service Unavailable' } });
    expect(await failureOf(pd.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'unavailable' });
    expect(written()).toHaveLength(1);
    expect(await pd.findActivity(conn, draft.key, draft.target, ctx)).toBe(String(written()[0]!.id));
  });

  it('a refusal on HTTP 200 (success:false) is rejected, not success', async () => {
    const { mock, ctx, conn, draft, written } = await setup();
    mock.fail({
      method: 'POST',
      path: /activities$/,
      times: 1,
      response: { status: 200, body: { success: false, error: 'Activity type is inactive', error_code: 'ERR_TYPE', data: null } },
    });
    expect(await failureOf(pd.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'rejected', detail: 'HTTP 200 success:false ERR_TYPE' });
    expect(written()).toHaveLength(0);
  });

  it('a revoked token is auth for writes and reads', async () => {
    const { mock, ctx, conn, draft } = await setup();
    mock.revokeTokens();
    expect(await failureOf(pd.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'auth' });
    expect(await failureOf(drain(pd.readChanges(conn, null, ctx)))).toMatchObject({ code: 'auth' });
  });

  it('names bad drafts before calling Pipedrive', async () => {
    const { mock, ctx, conn, draft } = await setup();
    const before = mock.requests.length;
    await expect(pd.writeActivity(conn, { ...draft, target: { objectType: 'account', id: 'abc' } }, ctx)).rejects.toMatchObject({
      detail: expect.stringContaining('target id'),
    });
    await expect(pd.writeActivity(conn, { ...draft, date: '2026-11-31x' }, ctx)).rejects.toMatchObject({ detail: expect.stringContaining('date') });
    expect(mock.requests.length).toBe(before);
  });
});

describe('Pipedrive connector: limits', () => {
  it('the burst window answers 429 with x-ratelimit-reset: wait that long', async () => {
    const { mock, ctx, conn, draft } = await setup({ burstLimit: 2, requestMs: 10 });
    mock.advance(5000);
    await pd.findActivity(conn, draft.key, draft.target, ctx);
    await pd.findActivity(conn, draft.key, draft.target, ctx);
    const e = await failureOf(pd.writeActivity(conn, draft, ctx));
    expect(e).toMatchObject({ code: 'rate-limited', detail: 'HTTP 429 burst', retryAfterMs: 2000 });
  });

  it('the spent daily budget waits until midnight; ignoring 429s gets Cloudflare’s HTML 403', async () => {
    const { ctx, conn, draft } = await setup({ dailyBudget: 12, cloudflareAfter: 2, now: Date.parse('2026-11-20T21:00:00Z') });
    // users/me cost 1, the activity list 10: the next list is over budget.
    await pd.findActivity(conn, draft.key, draft.target, ctx);
    const e = (await failureOf(pd.findActivity(conn, draft.key, draft.target, ctx))) as { retryAfterMs: number };
    expect(e).toMatchObject({ code: 'rate-limited', detail: 'HTTP 429 daily budget' });
    // London is on UTC in November: three hours to midnight, less the requests' time.
    expect(e.retryAfterMs).toBeGreaterThan(3 * 3_600_000 - 5_000);
    expect(e.retryAfterMs).toBeLessThanOrEqual(3 * 3_600_000);
    await failureOf(pd.findActivity(conn, draft.key, draft.target, ctx));
    expect(await failureOf(pd.findActivity(conn, draft.key, draft.target, ctx))).toMatchObject({
      code: 'rate-limited',
      status: 403,
      retryAfterMs: BLOCKED_WAIT_MS,
    });
  });
});

describe('Pipedrive connector: writeScores', () => {
  const scores = (id: string) => [
    {
      target: { objectType: 'account' as const, id },
      tier: 'iron' as const,
      riskBand: 'medium' as const,
      churnRisk: 0.4,
      nextAction: { kind: 'survey' as const, due: '2026-12-02' },
    },
  ];

  it('writes into the organization fields an admin created, found by name', async () => {
    const { mock, ctx, conn, orgs } = await setup();
    const keys = Object.fromEntries(Object.entries(SCORE_FIELD_NAMES).map(([k, name]) => [k, mock.store.addOrgField(name)]));
    expect(await pd.writeScores!(conn, scores(String(orgs.get('C3'))), ctx)).toEqual({ written: 1 });
    expect(mock.store.table('organizations').get(orgs.get('C3')!)!.custom_fields).toEqual({
      [keys.tier!]: 'iron',
      [keys.risk!]: 'medium',
      [keys.churnRisk!]: 40,
      [keys.nextAction!]: 'survey',
      [keys.nextActionDue!]: '2026-12-02',
    });
  });

  it('says the fields are missing when there are none', async () => {
    const { ctx, conn, orgs } = await setup();
    await expect(pd.writeScores!(conn, scores(String(orgs.get('C3'))), ctx)).rejects.toMatchObject({
      code: 'rejected',
      detail: expect.stringContaining('organization fields'),
    });
  });
});
