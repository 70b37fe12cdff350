import { beforeEach, describe, expect, it } from 'vitest';
import { fxiaokeConnector as fx } from '../../../lib/crm/fxiaoke/connector';
import { resetPacing } from '../../../lib/crm/fxiaoke/connector-http';
import { generateSampleBook } from '../../../lib/sample/generate';
import type { ActivityDraft, Connection, ConnectorContext } from '../../../lib/sync/types';
import { FxiaokeMock } from '../../mocks/fxiaoke';
import { readAll, failureOf } from './helpers';

const book = generateSampleBook({ customers: 4 });
const NORTHWIND = 'a5f55b8f35966f8b04a332d2';
const KEY = '6c1f0a9e-2f4b-4c55-8d3e-9a7b1c2d3e4f';
const CREATE = /\/cgi\/crm\/v2\/data\/create$/;
let clock: number;
let mock: FxiaokeMock;
let ctx: ConnectorContext;
let conn: Connection;

const draft = (over: Partial<ActivityDraft> = {}): ActivityDraft => ({
  key: KEY,
  target: { objectType: 'account', id: NORTHWIND },
  date: '2026-11-19',
  channel: 'visit',
  summary: '上门拜访，确认续约\n客户希望下周收到报价',
  nextStep: '发送报价单',
  nextStepDue: '2026-11-25',
  ...over,
});

beforeEach(async () => {
  resetPacing();
  clock = Date.parse('2026-11-20T09:00:00Z');
  mock = new FxiaokeMock(() => clock);
  mock.seed(book);
  ctx = { fetch: mock.fetch(), now: () => clock };
  conn = await fx.connect({ ...mock.app, mobile: '13800138000' }, ctx);
});

async function deliver(d: ActivityDraft): Promise<string> {
  try {
    return (await fx.writeActivity(conn, d, ctx)).id;
  } catch (e) {
    expect(['unavailable', 'rate-limited']).toContain((e as { code: string }).code);
    return (await fx.findActivity(conn, d.key, d.target, ctx)) ?? (await fx.writeActivity(conn, d, ctx)).id;
  }
}

describe('Fxiaoke writeActivity', () => {
  it('creates one 销售记录 on the customer, as the rep, at the time it happened, with the key tag', async () => {
    const { id } = await fx.writeActivity(conn, draft(), ctx);
    expect(mock.activities()).toEqual([
      expect.objectContaining({
        _id: id,
        active_record_content: `上门拜访，确认续约\n客户希望下周收到报价\n\n→ 发送报价单 (2026-11-25)\n\n[Rapport ${KEY}]`,
        account_id: NORTHWIND,
        related_object_data: [{ describe_api_name: 'AccountObj', id: NORTHWIND }],
        owner: ['FSUID_REP000001'],
        create_time: Date.parse('2026-11-19T12:00:00Z'),
      }),
    ]);
    expect(await fx.findActivity(conn, KEY, draft().target, ctx)).toBe(id);
    expect(await fx.findActivity(conn, 'other-key', draft().target, ctx)).toBeNull();
    const pass = await readAll(fx, conn, null, ctx);
    expect(pass.all.tagged).toEqual([{ key: KEY, id }]);
    expect(pass.all.interactions.filter((i) => i.id === `fxiaoke:activity:${id}`)).toEqual([
      {
        id: `fxiaoke:activity:${id}`,
        customerId: NORTHWIND,
        date: '2026-11-19',
        channel: 'other',
        summary: '上门拜访，确认续约\n客户希望下周收到报价\n\n→ 发送报价单 (2026-11-25)',
      },
    ]);
  });

  it('a 500 before the write, then one write', async () => {
    mock.fail({ path: CREATE, times: 1, response: { status: 500, body: 'Internal Server Error' } });
    await deliver(draft());
    expect(mock.activities()).toHaveLength(1);
  });

  it('the answer is lost after the write: findActivity finds it, exactly one', async () => {
    mock.fail({ path: CREATE, times: 1, apply: 'after', response: { status: 504, body: 'Gateway Time-out' } });
    const id = await deliver(draft());
    expect(mock.activities().map((a) => a._id)).toEqual([id]);
  });

  it('HTTP 429 with Retry-After on the write: rate-limited with the wait, then exactly one', async () => {
    mock.fail({
      path: CREATE,
      times: 1,
      response: { status: 429, headers: { 'retry-after': '7' }, body: { errorCode: 30005, errorMessage: 'Too Many Requests' } },
    });
    expect(await failureOf(fx.writeActivity(conn, draft(), ctx))).toMatchObject({ code: 'rate-limited', retryAfterMs: 7000 });
    await deliver(draft());
    expect(mock.activities()).toHaveLength(1);
  });

  it('a stale token is auth; bad target ids never leave; an unknown target is not written', async () => {
    mock.expireTokens();
    expect((await failureOf(fx.writeActivity(conn, draft(), ctx))).code).toBe('auth');
    conn = await fx.refresh!(conn, ctx);
    expect((await failureOf(fx.writeActivity(conn, draft({ target: { objectType: 'account', id: '{"$ne":null}' } }), ctx))).detail).toBe(
      'target.id: expected a Fxiaoke record id (24 hex digits)',
    );
    expect((await failureOf(fx.writeActivity(conn, draft({ target: { objectType: 'account', id: 'ffffffffffffffffffffffff' } }), ctx))).code).toBe(
      'unavailable',
    );
    expect(mock.activities()).toHaveLength(0);
  });
});

describe('Fxiaoke writeScores', () => {
  const row = {
    target: { objectType: 'account' as const, id: NORTHWIND },
    tier: 'iron' as const,
    riskBand: 'medium' as const,
    churnRisk: 0.4,
    nextAction: { kind: 'revisit' as const, due: '2026-11-27' },
  };

  it('writes the __c fields once an admin added them', async () => {
    mock.accountFields = ['rapport_tier__c', 'rapport_risk__c', 'rapport_churn_risk__c', 'rapport_next_action__c', 'rapport_next_action_due__c'];
    expect(await fx.writeScores!(conn, [row], ctx)).toEqual({ written: 1 });
    expect(mock.record('AccountObj', NORTHWIND)).toMatchObject({
      rapport_tier__c: 'iron',
      rapport_risk__c: 'medium',
      rapport_churn_risk__c: 0.4,
      rapport_next_action__c: 'revisit',
      rapport_next_action_due__c: Date.parse('2026-11-27T00:00:00+08:00'),
    });
  });
});
