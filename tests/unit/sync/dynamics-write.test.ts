import { beforeEach, describe, expect, it } from 'vitest';
import { dynamicsConnector as dx } from '../../../lib/crm/dynamics/connector';
import { activityGuid } from '../../../lib/crm/dynamics/connector-write';
import { generateSampleBook } from '../../../lib/sample/generate';
import type { ActivityDraft, Connection, ConnectorContext } from '../../../lib/sync/types';
import { DynamicsMock } from '../../mocks/dynamics';
import { readAll, failureOf } from './helpers';

const book = generateSampleBook({ customers: 4 });
const NORTHWIND = 'a5f55b8f-3596-6f8b-04a3-32d2d4f5882d';
const ORG = 'https://org.crm4.dynamics.com';
const PATCH_CALL = /^\/api\/data\/v9\.2\/phonecalls\(/;
let clock: number;
let mock: DynamicsMock;
let ctx: ConnectorContext;
let conn: Connection;

const draft = (over: Partial<ActivityDraft> = {}): ActivityDraft => ({
  key: '6c1f0a9e-2f4b-4c55-8d3e-9a7b1c2d3e4f',
  target: { objectType: 'account', id: NORTHWIND },
  date: '2026-11-19',
  channel: 'call',
  direction: 'outbound',
  summary: 'Renewal call\nAgreed to send the new price list',
  nextStep: 'Send price list',
  nextStepDue: '2026-11-25',
  ...over,
});

beforeEach(async () => {
  clock = Date.parse('2026-11-20T09:00:00Z');
  mock = new DynamicsMock(ORG, () => clock);
  mock.seed(book);
  ctx = { fetch: mock.browserFetch(), now: () => clock };
  conn = await dx.connect({ orgUrl: ORG }, ctx);
});

/** Write, and on an uncertain outcome do what the outbox does: look it up, write again only if absent. */
async function deliver(d: ActivityDraft): Promise<string> {
  try {
    return (await dx.writeActivity(conn, d, ctx)).id;
  } catch (e) {
    expect((e as { code: string }).code).toBe('unavailable');
    return (await dx.findActivity(conn, d.key, d.target, ctx)) ?? (await dx.writeActivity(conn, d, ctx)).id;
  }
}

describe('Dynamics writeActivity', () => {
  it('creates one completed phone call regarding the account, with the key in its description', async () => {
    const { id } = await dx.writeActivity(conn, draft(), ctx);
    expect(id).toBe(await activityGuid(draft().key));
    const [call, ...rest] = mock.activities();
    expect(rest).toHaveLength(0);
    expect(call).toMatchObject({
      set: 'phonecalls',
      activityid: id,
      subject: 'Renewal call',
      description: 'Renewal call\nAgreed to send the new price list\n\n→ Send price list (2026-11-25)\n\n[Rapport 6c1f0a9e-2f4b-4c55-8d3e-9a7b1c2d3e4f]',
      directioncode: true,
      actualend: '2026-11-19T12:00:00.000Z',
      statecode: 1,
      statuscode: 2,
      _regardingobjectid_value: NORTHWIND,
      _tables: { _regardingobjectid_value: 'account' },
    });
    expect(await dx.findActivity(conn, draft().key, draft().target, ctx)).toBe(id);
    // Read back, it is named as our own (its key in `tagged`): the engine files it under the interaction the rep logged.
    const pass = await readAll(dx, conn, null, ctx);
    expect(pass.all.tagged).toEqual([{ key: draft().key, id }]);
    expect(pass.all.interactions.filter((i) => i.id === `dynamics:activity:${id}`)).toEqual([
      {
        id: `dynamics:activity:${id}`,
        customerId: NORTHWIND,
        date: '2026-11-19',
        channel: 'call',
        direction: 'outbound',
        summary: expect.stringMatching(/^Renewal call\nAgreed/),
      },
    ]);
  });

  it('writes other channels as a completed task', async () => {
    await dx.writeActivity(conn, draft({ channel: 'email', key: 'k-email-1', direction: undefined }), ctx);
    expect(mock.activities()).toEqual([expect.objectContaining({ set: 'tasks', statecode: 1, statuscode: 5, _regardingobjectid_value: NORTHWIND })]);
  });

  it('a 500 before the write: nothing written, the retry writes exactly one', async () => {
    mock.fail({
      method: 'PATCH',
      path: PATCH_CALL,
      times: 1,
      response: { status: 500, body: { error: { code: '0x80040216', message: 'An unexpected error occurred.' } } },
    });
    expect(await dx.findActivity(conn, draft().key, draft().target, ctx)).toBeNull();
    await deliver(draft());
    expect(mock.activities()).toHaveLength(1);
  });

  it('the answer to the create is lost (written, then 502): findActivity + retry still leave exactly one, completed', async () => {
    mock.fail({ method: 'PATCH', path: PATCH_CALL, times: 1, apply: 'after', response: { status: 502, body: 'Bad Gateway' } });
    const id = await deliver(draft());
    expect(mock.activities()).toEqual([expect.objectContaining({ activityid: id, statecode: 1, statuscode: 2 })]);
    expect(mock.requests.filter((r) => r.status === 412)).toHaveLength(1);
  });

  it('the answer to the close is lost (network drop after the write): findActivity finds it, nothing is written again', async () => {
    let patches = 0;
    const lossy: ConnectorContext = {
      ...ctx,
      fetch: async (url, init) => {
        const res = await ctx.fetch(url, init);
        if (init?.method === 'PATCH' && ++patches === 2) throw new TypeError('Failed to fetch');
        return res;
      },
    };
    expect((await failureOf(dx.writeActivity(conn, draft(), lossy))).code).toBe('unavailable');
    const found = await dx.findActivity(conn, draft().key, draft().target, ctx);
    expect(found).toBe(await activityGuid(draft().key));
    expect(mock.activities()).toEqual([expect.objectContaining({ activityid: found, statecode: 1, statuscode: 2 })]);
  });

  it('429 with Retry-After: rate-limited with the wait, then one write', async () => {
    mock.limit = { max: 3, windowMs: 300_000 };
    const err = await failureOf(dx.writeActivity(conn, draft(), ctx));
    expect(err).toMatchObject({ code: 'rate-limited', retryAfterMs: 300_000 });
    clock += err.retryAfterMs!;
    await deliver(draft());
    expect(mock.activities()).toEqual([expect.objectContaining({ statecode: 1 })]);
  });

  it('an expired session is auth, and a bad target is refused before any request', async () => {
    mock.signedOut = '401';
    expect((await failureOf(dx.writeActivity(conn, draft(), ctx))).code).toBe('auth');
    mock.signedOut = null;
    const bad = await failureOf(dx.writeActivity(conn, draft({ target: { objectType: 'account', id: "x')/../systemusers(" } }), ctx));
    expect(bad).toMatchObject({ code: 'rejected', detail: expect.stringContaining('target.id') });
    expect(mock.activities()).toHaveLength(0);
  });
});

describe('Dynamics writeScores', () => {
  const row = {
    target: { objectType: 'account' as const, id: NORTHWIND },
    tier: 'gold' as const,
    riskBand: 'high' as const,
    churnRisk: 0.71234,
    nextAction: { kind: 'revisit' as const, due: '2026-11-27' },
  };

  it('is refused until an admin adds the columns, then writes them on the account', async () => {
    expect((await failureOf(dx.writeScores!(conn, [row], ctx))).code).toBe('rejected');
    mock.accountColumns = ['rapport_tier', 'rapport_riskband', 'rapport_churnrisk', 'rapport_nextaction', 'rapport_nextactiondue'];
    expect(await dx.writeScores!(conn, [row], ctx)).toEqual({ written: 1 });
    expect(mock.row('accounts', NORTHWIND)).toMatchObject({
      rapport_tier: 'gold',
      rapport_riskband: 'high',
      rapport_churnrisk: 0.7123,
      rapport_nextaction: 'revisit',
      rapport_nextactiondue: '2026-11-27',
    });
  });
});
