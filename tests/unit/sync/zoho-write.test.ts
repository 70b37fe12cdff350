import { beforeEach, describe, expect, it } from 'vitest';
import { zohoConnector as zc } from '../../../lib/crm/zoho/connector';
import { generateSampleBook } from '../../../lib/sample/generate';
import type { ActivityDraft, Connection, ConnectorContext } from '../../../lib/sync/types';
import { ZohoMock } from '../../mocks/zoho';
import { readAll, failureOf } from './helpers';

const book = generateSampleBook({ customers: 4 });
const NORTHWIND = '4876876000000312001';
const KEY = '6c1f0a9e-2f4b-4c55-8d3e-9a7b1c2d3e4f';
let clock: number;
let mock: ZohoMock;
let ctx: ConnectorContext;
let conn: Connection;

const draft = (over: Partial<ActivityDraft> = {}): ActivityDraft => ({
  key: KEY,
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
  mock = new ZohoMock('com.cn', () => clock);
  mock.seed(book);
  ctx = { fetch: mock.fetch(), now: () => clock };
  conn = await zc.connect({ dataCentre: 'com.cn', clientId: mock.client.id, clientSecret: mock.client.secret, grantCode: mock.issueCode() }, ctx);
});

/** What the outbox does after an uncertain write: look it up, write again only if absent. */
async function deliver(d: ActivityDraft): Promise<string> {
  try {
    return (await zc.writeActivity(conn, d, ctx)).id;
  } catch (e) {
    expect(['unavailable', 'rate-limited']).toContain((e as { code: string }).code);
    return (await zc.findActivity(conn, d.key, d.target, ctx)) ?? (await zc.writeActivity(conn, d, ctx)).id;
  }
}

describe('Zoho writeActivity', () => {
  it('creates one completed Call on the account with the key tag in its subject, found again by COQL', async () => {
    const { id } = await zc.writeActivity(conn, draft(), ctx);
    expect(mock.activities()).toEqual([
      expect.objectContaining({
        module: 'Calls',
        id,
        Subject: `Renewal call [Rapport ${KEY}]`,
        Call_Type: 'Outbound',
        Call_Start_Time: '2026-11-19T12:00:00+00:00',
        Call_Duration: '00:00',
        Call_Status: 'Completed',
        Description: 'Renewal call\nAgreed to send the new price list\n\n→ Send price list (2026-11-25)',
        What_Id: { id: NORTHWIND, name: 'Northwind Traders' },
        $se_module: 'Accounts',
      }),
    ]);
    expect(await zc.findActivity(conn, KEY, draft().target, ctx)).toBe(id);
    expect(await zc.findActivity(conn, 'another-key', draft().target, ctx)).toBeNull();
    const pass = await readAll(zc, conn, null, ctx);
    expect(pass.all.tagged).toEqual([{ key: KEY, id }]);
    expect(pass.all.interactions.filter((i) => i.id === `zoho:activity:${id}`)).toEqual([
      {
        id: `zoho:activity:${id}`,
        customerId: NORTHWIND,
        date: '2026-11-19',
        channel: 'call',
        direction: 'outbound',
        summary: 'Renewal call\nAgreed to send the new price list\n\n→ Send price list (2026-11-25)',
      },
    ]);
  });

  it('writes other channels as a completed Task, and a call with a contact through Who_Id', async () => {
    await zc.writeActivity(conn, draft({ key: 'k-visit', channel: 'visit' }), ctx);
    const contact = [...mock.modules.get('Contacts')!.keys()][0]!;
    await zc.writeActivity(conn, draft({ key: 'k-contact', target: { objectType: 'contact', id: contact } }), ctx);
    expect(mock.activities()).toEqual([
      expect.objectContaining({ module: 'Tasks', Status: 'Completed', Due_Date: '2026-11-19', What_Id: expect.objectContaining({ id: NORTHWIND }) }),
      expect.objectContaining({ module: 'Calls', Who_Id: { id: contact } }),
    ]);
    expect(await zc.findActivity(conn, 'k-visit', draft().target, ctx)).toBe(mock.activities()[0]!.id);
  });

  it('a 500 before the write: nothing written, the retry writes exactly one', async () => {
    mock.fail({
      method: 'POST',
      path: /\/Calls$/,
      times: 1,
      response: { status: 500, body: { code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' } },
    });
    await deliver(draft());
    expect(mock.activities()).toHaveLength(1);
  });

  it('the answer is lost after the write (apply after): findActivity finds it, still exactly one', async () => {
    mock.fail({ method: 'POST', path: /\/Calls$/, times: 1, apply: 'after', response: { status: 503, body: 'Service Unavailable' } });
    const id = await deliver(draft());
    expect(mock.activities().map((a) => a.id)).toEqual([id]);
    expect(mock.requests.filter((r) => r.path === '/crm/v6/Calls' && r.status === 201)).toHaveLength(0);
  });

  it('429 with Retry-After: rate-limited with the wait, then exactly one', async () => {
    mock.credits = { limit: mock.credits.used, used: mock.credits.used, retryAfterS: 30 };
    const err = await failureOf(zc.writeActivity(conn, draft(), ctx));
    expect(err).toMatchObject({ code: 'rate-limited', retryAfterMs: 30_000 });
    mock.credits.limit = Number.POSITIVE_INFINITY;
    await deliver(draft());
    expect(mock.activities()).toHaveLength(1);
  });

  it('an expired token is auth; a refused field is rejected naming nothing of the record; a bad target id never leaves', async () => {
    mock.expireTokens();
    expect((await failureOf(zc.writeActivity(conn, draft(), ctx))).code).toBe('auth');
    conn = await zc.refresh!(conn, ctx);
    expect((await failureOf(zc.writeActivity(conn, draft({ target: { objectType: 'account', id: '4876876999999999999' } }), ctx))).code).toBe('rejected');
    const bad = await failureOf(zc.writeActivity(conn, draft({ target: { objectType: 'account', id: '12 OR 1=1' } }), ctx));
    expect(bad.detail).toBe('target.id: expected a Zoho record id (digits)');
    expect(mock.activities()).toHaveLength(0);
  });
});

describe('Zoho writeScores', () => {
  const row = {
    target: { objectType: 'account' as const, id: NORTHWIND },
    tier: 'platinum' as const,
    riskBand: 'low' as const,
    churnRisk: 0.05,
    nextAction: { kind: 'cross-sell' as const, due: '2026-12-01' },
  };

  it('is refused until the custom fields exist, then updates the account', async () => {
    expect((await failureOf(zc.writeScores!(conn, [row], ctx))).code).toBe('rejected');
    mock.accountFields = ['Rapport_Tier', 'Rapport_Risk', 'Rapport_Churn_Risk', 'Rapport_Next_Action', 'Rapport_Next_Action_Due'];
    expect(await zc.writeScores!(conn, [row], ctx)).toEqual({ written: 1 });
    expect(mock.record('Accounts', NORTHWIND)).toMatchObject({
      Rapport_Tier: 'platinum',
      Rapport_Risk: 'low',
      Rapport_Churn_Risk: 0.05,
      Rapport_Next_Action: 'cross-sell',
      Rapport_Next_Action_Due: '2026-12-01',
    });
  });
});
