import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { customersRepo } from '../../../lib/db/repos/customers';
import { createInteractionsHandlers, type InteractionsDeps, type RescoreFn } from '../../../lib/services/interactions';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schemas/settings';
import type { Customer, Score } from '../../../lib/schemas/domain';
import type { Handlers } from '../../../lib/messaging/router';

const AS_OF = '2026-11-20';
const sender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

const customer = (id: string, name: string, domain?: string, emails: string[] = []): Customer => ({
  id,
  name,
  emails,
  createdAt: '2024-01-01',
  crmRefs: [],
  ...(domain ? { domain } : {}),
});

const scoreFor = (customerId: string, riskScore: number): Score => ({
  customerId,
  tier: 'gold',
  risk: riskScore >= 65 ? 'high' : riskScore >= 35 ? 'medium' : 'low',
  riskScore,
  reasons: [],
  clv: 1000,
  pAlive: 0.9,
  rfm: { r: 3, f: 3, m: 3, segment: 'Need Attention' },
  nba: { kind: 'revisit', reason: 'contact-gap', due: AS_OF },
  computedAt: 1,
});

let db: AppDB;
let n = 0;
let settings: Settings;
let rescore: ReturnType<typeof vi.fn<RescoreFn>>;
let broadcast: ReturnType<typeof vi.fn<InteractionsDeps['broadcast']>>;
let h: Pick<Handlers, 'logInteraction' | 'undoInteraction' | 'searchCustomers'>;

beforeEach(async () => {
  db = new AppDB(`test-interactions-${Math.random()}`);
  n = 0;
  settings = { ...DEFAULT_SETTINGS, neverLog: [] };
  // A stand-in for the relationship scorer: recomputes from what is stored, so the test sees
  // the new interaction reach the score.
  rescore = vi.fn<RescoreFn>(async (d, id) => {
    const count = await d.interactions.where('customerId').equals(id).count();
    const s = scoreFor(id, Math.max(0, 80 - 30 * count));
    await d.scores.put(s);
    return s;
  });
  broadcast = vi.fn(async () => undefined);
  h = createInteractionsHandlers({
    db: () => db,
    settings: async () => settings,
    rescore,
    broadcast,
    asOf: () => AS_OF,
    newId: () => `id-${++n}`,
    now: () => 1_700_000_000_000,
  });
  await customersRepo(db).bulkPut([
    customer('C-1002', 'Globex Industrial', 'globex.example', ['ops@globex.example']),
    customer('C-1005', '上海华腾贸易有限公司', 'huateng.example'),
    customer('C-1006', 'Stark Logistics', 'stark.example'),
  ]);
  await db.scores.put(scoreFor('C-1002', 80));
});

afterEach(async () => {
  await db.delete();
});

const base = { customerId: 'C-1002', date: '2026-11-19', channel: 'call' as const, summary: '  Talked renewal with Dana  ' };

describe('logInteraction', () => {
  it('writes the interaction, rescores the customer and tells open pages', async () => {
    const r = await h.logInteraction({ ...base, direction: 'outbound', sentiment: 'positive', nextStep: 'Send quote', nextStepDue: '2026-11-25' }, sender);
    expect(r.interactionId).toBe('id-1');
    expect(await db.interactions.get('id-1')).toEqual({
      id: 'id-1',
      customerId: 'C-1002',
      date: '2026-11-19',
      channel: 'call',
      direction: 'outbound',
      summary: 'Talked renewal with Dana',
      sentiment: 'positive',
      nextStep: 'Send quote',
      nextStepDue: '2026-11-25',
      createdAt: 1_700_000_000_000,
    });
    expect(rescore).toHaveBeenCalledWith(db, 'C-1002', settings, AS_OF);
    expect(r.score?.riskScore).toBe(50);
    expect((await db.scores.get('C-1002'))?.riskScore).toBe(50);
    expect(broadcast).toHaveBeenCalledWith(['C-1002']);
    expect(await db.feedback.count()).toBe(0);
  });

  it('a save retried with the same draft id (service worker restarted before it answered) is stored once', async () => {
    const clientId = '0b6f3a52-9c1e-4c8e-9a57-1d2f3e4a5b6c';
    const payload = { ...base, clientId, feedback: { kind: 'csat' as const, score: 4 } };
    const first = await h.logInteraction(payload, sender);
    const again = await h.logInteraction(payload, sender);
    expect(again).toEqual({ ...first, score: expect.anything() });
    expect(first.interactionId).toBe(`ql-${clientId}`);
    expect(await db.interactions.where('customerId').equals('C-1002').count()).toBe(1);
    expect(await db.feedback.count()).toBe(1);
    // another text under the same id (a stale draft restored after its save) is a new log, not a retry
    const other = await h.logInteraction({ ...payload, summary: 'A different call' }, sender);
    expect(other.interactionId).not.toBe(first.interactionId);
    expect(await db.interactions.where('customerId').equals('C-1002').count()).toBe(2);
    // the same id for another customer is refused, not merged
    await expect(h.logInteraction({ ...payload, customerId: 'C-1006' }, sender)).rejects.toMatchObject({ error: { code: 'value.invalid', field: 'clientId' } });
  });

  it('writes a feedback row with a CSAT/NPS score or a complaint', async () => {
    await h.logInteraction({ ...base, feedback: { kind: 'nps', score: 3 } }, sender);
    await h.logInteraction({ ...base, summary: 'Invoice wrong again', feedback: { kind: 'complaint' } }, sender);
    const rows = await db.feedback.orderBy('id').toArray();
    expect(rows).toEqual([
      { id: 'id-2', customerId: 'C-1002', date: '2026-11-19', kind: 'nps', score: 3 },
      { id: 'id-4', customerId: 'C-1002', date: '2026-11-19', kind: 'complaint', comment: 'Invoice wrong again' },
    ]);
  });

  it('refuses a CSAT score outside 1–5 naming the field, and writes nothing', async () => {
    const range = { error: { code: 'feedback.score-range', field: 'feedback.score', params: { min: 1, max: 5 } } };
    await expect(h.logInteraction({ ...base, feedback: { kind: 'csat', score: 7 } }, sender)).rejects.toMatchObject(range);
    await expect(h.logInteraction({ ...base, feedback: { kind: 'csat' } }, sender)).rejects.toMatchObject(range);
    expect(await db.interactions.count()).toBe(0);
    expect(rescore).not.toHaveBeenCalled();
  });

  it('adds a new contact and marks an existing one as decision-maker', async () => {
    await db.contacts.add({ id: 'k1', customerId: 'C-1002', name: 'Dana Scully', isDecisionMaker: false });
    await h.logInteraction({ ...base, contact: 'dana scully', contactIsDecisionMaker: true }, sender);
    await h.logInteraction({ ...base, contact: 'Fox Mulder' }, sender);
    const contacts = await db.contacts.where('customerId').equals('C-1002').sortBy('name');
    expect(contacts.map((c) => [c.name, c.isDecisionMaker])).toEqual([
      ['Dana Scully', true],
      ['Fox Mulder', false],
    ]);
    expect((await db.interactions.get('id-1'))?.contactIsDecisionMaker).toBe(true);
  });

  it('refuses an unknown customer with an error naming the field', async () => {
    await expect(h.logInteraction({ ...base, customerId: 'C-404' }, sender)).rejects.toMatchObject({
      error: { code: 'customer.unknown', field: 'customerId', params: { customerId: 'C-404' } },
    });
    expect(await db.interactions.count()).toBe(0);
  });

  it.each([
    ['the customer id', ['c-1002']],
    ['the company domain', ['globex.example']],
    ['an @domain entry', ['@globex.example']],
    ['an employee email domain', ['Other.example', 'GLOBEX.example']],
  ])('refuses customers on the "never log" list by %s', async (_label, neverLog) => {
    settings = { ...settings, neverLog };
    await expect(h.logInteraction(base, sender)).rejects.toMatchObject({
      error: { code: 'interaction.never-log', params: { name: 'Globex Industrial', entry: neverLog.at(-1) } },
    });
    expect(await db.interactions.count()).toBe(0);
    expect(broadcast).not.toHaveBeenCalled();
  });

  it('refuses when the contact typed is a person on the "never log" list', async () => {
    settings = { ...settings, neverLog: ['ceo@stark.example'] };
    await expect(h.logInteraction({ ...base, customerId: 'C-1006', contact: 'Tony <CEO@stark.example>' }, sender)).rejects.toMatchObject({
      error: { code: 'interaction.never-log', params: { entry: 'ceo@stark.example' } },
    });
    await expect(h.logInteraction({ ...base, customerId: 'C-1006', contact: 'Pepper' }, sender)).resolves.toBeTruthy();
  });

  it.each([
    [{ date: '2026-02-30' }, { code: 'date.not-calendar', field: 'date', params: { value: '2026-02-30' } }],
    [{ date: '2026-11-21' }, { code: 'date.future', field: 'date', params: { value: '2026-11-21', today: '2026-11-20' } }],
    [{ summary: '   ' }, { code: 'summary.required', field: 'summary' }],
    [{ nextStepDue: '2026-12-01' }, { code: 'next-step.required', field: 'nextStep' }],
    [
      { nextStep: 'x', nextStepDue: '2026-11-01' },
      { code: 'next-step-due.before-date', field: 'nextStepDue', params: { value: '2026-11-01', date: '2026-11-19' } },
    ],
  ])('rejects %o with a code naming the field', async (over, error) => {
    await expect(h.logInteraction({ ...base, ...over }, sender)).rejects.toMatchObject({ error });
    expect(await db.interactions.count()).toBe(0);
  });
});

describe('undoInteraction', () => {
  it('removes the interaction and its feedback, rescores and broadcasts', async () => {
    const r = await h.logInteraction({ ...base, feedback: { kind: 'csat', score: 2 } }, sender);
    expect(r.feedbackId).toBe('id-2');
    expect((await db.scores.get('C-1002'))?.riskScore).toBe(50);
    const u = await h.undoInteraction({ interactionId: r.interactionId, feedbackId: r.feedbackId }, sender);
    expect(u).toMatchObject({ customerId: 'C-1002', score: { riskScore: 80 } });
    expect(await db.interactions.count()).toBe(0);
    expect(await db.feedback.count()).toBe(0);
    expect(broadcast).toHaveBeenLastCalledWith(['C-1002']);
    await expect(h.undoInteraction({ interactionId: r.interactionId }, sender)).rejects.toMatchObject({
      error: { code: 'interaction.unknown', field: 'interactionId' },
    });
  });
});

describe('searchCustomers', () => {
  it('finds by name, domain, email and pinyin, and sees new customers', async () => {
    expect(await h.searchCustomers({ query: 'glob', limit: 5 }, sender)).toEqual([{ id: 'C-1002', name: 'Globex Industrial', domain: 'globex.example' }]);
    expect((await h.searchCustomers({ query: 'htmy', limit: 5 }, sender)).map((c) => c.id)).toEqual(['C-1005']);
    expect((await h.searchCustomers({ query: 'ops@', limit: 5 }, sender)).map((c) => c.id)).toEqual(['C-1002']);
    await customersRepo(db).put(customer('C-2000', 'Globe Shipping'));
    expect((await h.searchCustomers({ query: 'glob', limit: 5 }, sender)).map((c) => c.id)).toEqual(['C-2000', 'C-1002']);
    await db.customers.update('C-2000', { name: 'Acme Shipping' });
    expect((await h.searchCustomers({ query: 'glob', limit: 5 }, sender)).map((c) => c.id)).toEqual(['C-1002']);
  });
});
