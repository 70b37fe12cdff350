import { describe, expect, it } from 'vitest';
import { salesforceConnector as sf } from '../../../lib/crm/salesforce/connector';
import { DAILY_LIMIT_WAIT_MS } from '../../../lib/crm/salesforce/connector-http';
import { SCORE_FIELDS } from '../../../lib/crm/salesforce/connector-write';
import type { ActivityDraft } from '../../../lib/sync/types';
import { mockFetch } from '../../mocks/harness';
import { SalesforceMock } from '../../mocks/salesforce';
import { book } from './book';
import { contextOn, drain, failureOf } from './helpers';

async function setup(opts: ConstructorParameters<typeof SalesforceMock>[0] = {}) {
  const mock = new SalesforceMock(opts);
  const accounts = mock.store.seed(book);
  const ctx = contextOn(mockFetch([{ match: (u) => u.hostname === 'acme.my.salesforce.com', handler: mock.handle }]), mock);
  const conn = await sf.connect({ instanceUrl: 'https://acme.my.salesforce.com', sid: mock.newSession() }, ctx);
  const draft: ActivityDraft = {
    key: 'int-7f3a9c',
    target: { objectType: 'account', id: accounts.get('C1')! },
    date: '2026-11-19',
    channel: 'call',
    direction: 'outbound',
    summary: 'Called about the renewal\nThey want a 3-year term',
    nextStep: 'Send the 3-year quote',
    nextStepDue: '2026-11-25',
  };
  const tasks = () => mock.activities();
  return { mock, accounts, ctx, conn, draft, tasks };
}

describe('Salesforce connector: writeActivity', () => {
  it('creates one completed Task on the Account with the key in its Subject, and finds it again', async () => {
    const { ctx, conn, draft, tasks, accounts } = await setup();
    expect(await sf.findActivity(conn, draft.key, draft.target, ctx)).toBeNull();
    const { id } = await sf.writeActivity(conn, draft, ctx);
    expect(id).toMatch(/^00T[A-Za-z0-9]{15}$/);
    expect(tasks()).toHaveLength(1);
    expect(tasks()[0]).toMatchObject({
      WhatId: accounts.get('C1'),
      AccountId: accounts.get('C1'),
      Subject: 'Called about the renewal [Rapport int-7f3a9c]',
      Description: 'Called about the renewal\nThey want a 3-year term\n\n→ Send the 3-year quote (2026-11-25)',
      Status: 'Completed',
      IsClosed: true,
      ActivityDate: '2026-11-19',
      TaskSubtype: 'Call',
      CallType: 'Outbound',
    });
    expect(await sf.findActivity(conn, draft.key, draft.target, ctx)).toBe(id);
    expect(await sf.findActivity(conn, 'int-other', draft.target, ctx)).toBeNull();
  });

  it('reads its own Task back as the interaction the rep logged, without the tag', async () => {
    const { ctx, conn, draft } = await setup();
    await sf.writeActivity(conn, draft, ctx);
    const rows = (await drain(sf.readChanges(conn, null, ctx))).flatMap((b) => b.interactions);
    expect(rows.find((i) => i.date === '2026-11-19')).toMatchObject({
      channel: 'call',
      direction: 'outbound',
      summary: 'Called about the renewal\nThey want a 3-year term\n\n→ Send the 3-year quote (2026-11-25)',
    });
    expect(rows.some((i) => i.summary.includes('[Rapport'))).toBe(false);
  });

  it('after a 500, a 429 with Retry-After or a lost answer, findActivity tells whether to retry: still exactly one Task', async () => {
    const { mock, ctx, conn, draft, tasks } = await setup();
    mock.fail({
      method: 'POST',
      path: /\/sobjects\/Task$/,
      times: 1,
      response: { status: 500, body: [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred' }] },
    });
    expect(await failureOf(sf.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'unavailable', status: 500 });
    expect(await sf.findActivity(conn, draft.key, draft.target, ctx)).toBeNull();

    mock.fail({ method: 'POST', path: /\/sobjects\/Task$/, times: 1, response: { status: 429, headers: { 'retry-after': '7' }, body: [] } });
    expect(await failureOf(sf.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'rate-limited', retryAfterMs: 7000 });
    expect(tasks()).toHaveLength(0);

    mock.fail({ method: 'POST', path: /\/sobjects\/Task$/, times: 1, apply: 'after', response: { status: 504, body: 'upstream timed out' } });
    expect(await failureOf(sf.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'unavailable' });
    const found = await sf.findActivity(conn, draft.key, draft.target, ctx);
    expect(found).toBe(mock.created[0]);
    expect(tasks()).toHaveLength(1);
  });

  it('writes without CallType in an org that lacks the Call Center fields', async () => {
    const { mock, ctx, conn, draft, tasks } = await setup({ absentFields: ['Task.CallType'] });
    await sf.writeActivity(conn, draft, ctx);
    expect(tasks()).toHaveLength(1);
    expect(tasks()[0]!.CallType).toBeUndefined();
    expect(mock.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([400, 201]);
  });

  it('names bad drafts before calling Salesforce', async () => {
    const { mock, ctx, conn, draft } = await setup();
    const before = mock.requests.length;
    await expect(sf.writeActivity(conn, { ...draft, key: "x' OR Name LIKE '%" }, ctx)).rejects.toMatchObject({
      code: 'rejected',
      detail: expect.stringContaining('key'),
    });
    await expect(sf.writeActivity(conn, { ...draft, date: '19/11/2026' }, ctx)).rejects.toMatchObject({
      code: 'rejected',
      detail: expect.stringContaining('date'),
    });
    await expect(sf.writeActivity(conn, { ...draft, target: { objectType: 'account', id: "001' OR Id != '" } }, ctx)).rejects.toMatchObject({
      detail: expect.stringContaining('target id'),
    });
    expect(mock.requests.length).toBe(before);
  });

  it('an expired session is auth for writes and reads alike', async () => {
    const { mock, ctx, conn, draft } = await setup();
    mock.expireSessions();
    expect(await failureOf(sf.writeActivity(conn, draft, ctx))).toMatchObject({ code: 'auth' });
    expect(await failureOf(drain(sf.readChanges(conn, null, ctx)))).toMatchObject({ code: 'auth' });
  });

  it("the org's daily API cap is rate-limited (403 REQUEST_LIMIT_EXCEEDED, no Retry-After) until the 24 hours roll on", async () => {
    const { mock, ctx, conn, draft } = await setup({ dailyLimit: 5 }); // connect takes 2 requests
    await sf.writeActivity(conn, draft, ctx);
    await sf.findActivity(conn, draft.key, draft.target, ctx);
    await sf.findActivity(conn, draft.key, draft.target, ctx);
    const e = await failureOf(sf.findActivity(conn, draft.key, draft.target, ctx));
    expect(e).toMatchObject({ code: 'rate-limited', status: 403, retryAfterMs: DAILY_LIMIT_WAIT_MS });
    mock.advance(86_400_000 + 1);
    expect(await sf.findActivity(conn, draft.key, draft.target, ctx)).toBe(mock.created[0]);
  });
});

describe('Salesforce connector: writeScores', () => {
  const scores = (id: string) => [
    {
      target: { objectType: 'account' as const, id },
      tier: 'gold' as const,
      riskBand: 'high' as const,
      churnRisk: 0.634,
      nextAction: { kind: 'revisit' as const, due: '2026-11-27' },
    },
  ];

  it('writes tier, risk and next action into the Account fields an admin created', async () => {
    const { mock, ctx, conn, accounts } = await setup({ accountFields: Object.values(SCORE_FIELDS) });
    expect(await sf.writeScores!(conn, scores(accounts.get('C2')!), ctx)).toEqual({ written: 1 });
    expect(mock.store.table('Account').get(accounts.get('C2')!)).toMatchObject({
      Rapport_Tier__c: 'gold',
      Rapport_Risk__c: 'high',
      Rapport_Churn_Risk__c: 63,
      Rapport_Next_Action__c: 'revisit',
      Rapport_Next_Action_Due__c: '2026-11-27',
    });
  });

  it('says the fields are missing when the org has none', async () => {
    const { ctx, conn, accounts } = await setup();
    await expect(sf.writeScores!(conn, scores(accounts.get('C2')!), ctx)).rejects.toMatchObject({
      code: 'rejected',
      detail: expect.stringContaining('INVALID_FIELD'),
    });
  });
});
