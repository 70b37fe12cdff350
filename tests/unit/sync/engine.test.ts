import { afterEach, describe, expect, it } from 'vitest';
import { customersRepo } from '../../../lib/db/repos/customers';
import { interactionsRepo, transactionsRepo } from '../../../lib/db/repos/history';
import { scoresRepo } from '../../../lib/db/repos/scores';
import { syncRepo } from '../../../lib/db/repos/sync';
import type { Customer } from '../../../lib/schemas/domain';
import { SCORE_FIELD_NAMES } from '../../../lib/crm/pipedrive/connector-write';
import { engineSetup } from './engine-setup';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});
async function setup(extra: { customers?: Customer[] } = {}) {
  const s = await engineSetup(extra);
  cleanup = s.close;
  return s;
}

describe('sync engine: connect and the first full read', () => {
  it('stores the connection, reads the whole book with progress, and scores it', async () => {
    const { db, mock, orgs, engine, log } = await setup();
    const connected = await engine.connect('pipedrive', { apiToken: mock.newToken() });
    expect(connected).toMatchObject({ crm: 'pipedrive', state: 'connected', user: { name: 'Sam Patel' }, outbox: 0, writeBack: true });
    expect(connected).not.toHaveProperty('auth');

    const result = await engine.sync('pipedrive');
    expect(result).toMatchObject({ outcome: 'done', skipped: 0 });
    expect(result.read).toBeGreaterThan(0);
    const customers = await customersRepo(db).all();
    expect(customers.map((c) => c.id).sort()).toEqual([...orgs.values()].map((o) => `pipedrive:account:${o}`).sort());
    const c1 = `pipedrive:account:${orgs.get('C1')}`;
    expect((await transactionsRepo(db).forCustomer(c1)).map((t) => t.amount)).toEqual([12500, 4200.5]);
    expect(await scoresRepo(db).get(c1)).toMatchObject({ customerId: c1 });
    expect(log.rescored).toEqual(['all']);
    const syncing = log.progress.filter((p) => p.state === 'syncing');
    expect(syncing.length).toBeGreaterThan(1);
    expect(syncing.at(-1)!.progress).toMatchObject({ full: true, read: result.read });
    const done = await engine.status('pipedrive');
    expect(done).toMatchObject({ state: 'connected', lastSyncAt: new Date(mock.now).toISOString() });
    expect(done.progress).toBeUndefined();
  });

  it('a CSV customer with the same CRM ref is the same customer: it keeps its id, the CRM wins on fields', async () => {
    const { db, mock, orgs, engine } = await setup();
    const org = String(orgs.get('C2'));
    await customersRepo(db).put({
      id: 'CSV-7',
      name: 'Globex (old name)',
      emails: ['buyer@globex.example'],
      createdAt: '2020-01-01',
      crmRefs: [{ crm: 'pipedrive', objectType: 'account', id: org }],
    });
    await engine.connect('pipedrive', { apiToken: mock.newToken() });
    await engine.sync('pipedrive');
    const all = await customersRepo(db).all();
    expect(all.filter((c) => c.crmRefs.some((r) => r.id === org))).toHaveLength(1);
    expect(await customersRepo(db).get('CSV-7')).toMatchObject({ name: 'Globex 华东', createdAt: '2020-01-01', emails: ['buyer@globex.example'] });
    expect(await customersRepo(db).get(`pipedrive:account:${org}`)).toBeUndefined();
    expect((await transactionsRepo(db).forCustomer('CSV-7')).map((t) => t.amount)).toEqual([88000]);
  });

  it('cancel stops after the batch in hand; the next pass resumes from the saved cursor', async () => {
    const filler = Array.from({ length: 700 }, (_, i): Customer => ({ id: `X${i}`, name: `Filler ${i}`, emails: [], createdAt: '2022-01-01', crmRefs: [] }));
    const { db, mock, engine, log } = await setup({ customers: filler });
    await engine.connect('pipedrive', { apiToken: mock.newToken() });
    let cancelling: ReturnType<typeof engine.cancel> | undefined;
    log.onProgress = (p) => {
      if (p.state === 'syncing' && (p.progress?.read ?? 0) > 0) cancelling ??= engine.cancel('pipedrive');
    };
    expect(await engine.sync('pipedrive')).toMatchObject({ outcome: 'cancelled' });
    log.onProgress = undefined;
    const cancelled = await cancelling!;
    expect(cancelled.state).toBe('connected');
    const partial = await customersRepo(db).count();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(704);
    expect((await syncRepo(db).cursor('pipedrive'))!.full).toBe(true);
    const orgPages = mock.requests.filter((r) => r.path.startsWith('/api/v2/organizations')).length;
    expect(await engine.sync('pipedrive')).toMatchObject({ outcome: 'done' });
    expect(await customersRepo(db).count()).toBe(704);
    // the resumed pass did not read the first page of organizations again
    expect(mock.requests.filter((r) => r.path.startsWith('/api/v2/organizations')).length).toBe(orgPages + 1);
  });
});

describe('sync engine: incremental passes', () => {
  it('picks up an edit, a deletion and a new activity, and rescores only those customers', async () => {
    const { db, mock, orgs, engine, log } = await setup();
    await engine.connect('pipedrive', { apiToken: mock.newToken() });
    await engine.sync('pipedrive');
    mock.advance(3 * 86_400_000);
    mock.edit('organizations', orgs.get('C1')!, { name: 'Northwind Traders Ltd' });
    const deal = [...mock.store.table('deals').values()].find((d) => d.value === 950)!;
    mock.store.remove('deals', deal.id);
    mock.store.create('activities', { subject: 'Follow-up call', type: 'call', org_id: orgs.get('C2'), due_date: '2026-11-22', done: true });
    log.rescored.length = 0;

    expect(await engine.sync('pipedrive')).toMatchObject({ outcome: 'done' });
    const c1 = `pipedrive:account:${orgs.get('C1')}`;
    const c2 = `pipedrive:account:${orgs.get('C2')}`;
    const c4 = `pipedrive:account:${orgs.get('C4')}`;
    expect((await customersRepo(db).get(c1))!.name).toBe('Northwind Traders Ltd');
    expect(await transactionsRepo(db).forCustomer(c4)).toEqual([]);
    expect((await interactionsRepo(db).forCustomer(c2)).map((i) => i.summary)).toContain('Follow-up call');
    expect(log.rescored.flatMap((r) => (r === 'all' ? ['all'] : r)).sort()).toEqual([c1, c2, c4].sort());
  });
});

describe('sync engine: an expired token', () => {
  it('marks the connection as needing sign-in and keeps what was synced; connecting again clears it', async () => {
    const { db, mock, engine } = await setup();
    await engine.connect('pipedrive', { apiToken: mock.newToken() });
    await engine.sync('pipedrive');
    const before = await customersRepo(db).count();
    mock.revokeTokens();
    mock.advance(86_400_000);
    expect(await engine.sync('pipedrive')).toMatchObject({ outcome: 'failed', error: 'sync.auth' });
    expect(await engine.status('pipedrive')).toMatchObject({ state: 'error', error: 'sync.auth' });
    expect(await customersRepo(db).count()).toBe(before);
    await engine.connect('pipedrive', { apiToken: mock.newToken() });
    expect(await engine.status('pipedrive')).toMatchObject({ state: 'connected' });
    expect(await engine.sync('pipedrive')).toMatchObject({ outcome: 'done' });
  });

  it('disconnect removes the tokens and the cursor', async () => {
    const { db, mock, engine } = await setup();
    await engine.connect('pipedrive', { apiToken: mock.newToken() });
    expect(await engine.disconnect('pipedrive')).toMatchObject({ state: 'disconnected' });
    expect(await syncRepo(db).connection('pipedrive')).toBeUndefined();
    expect(await syncRepo(db).cursor('pipedrive')).toBeUndefined();
  });
});

describe('sync engine: opt-in score write-back', () => {
  it('after the first sync, writes every account’s tier and risk when the rep opted in; a refusal is reported', async () => {
    const { db, mock, orgs, engine } = await setup();
    await engine.connect('pipedrive', { apiToken: mock.newToken() });
    await syncRepo(db).updateConnection('pipedrive', { writeScores: true });
    const keys = Object.fromEntries(Object.entries(SCORE_FIELD_NAMES).map(([k, name]) => [k, mock.store.addOrgField(name)]));
    expect(await engine.sync('pipedrive')).toMatchObject({ outcome: 'done' });
    const score = await scoresRepo(db).get(`pipedrive:account:${orgs.get('C1')}`);
    const fields = mock.store.table('organizations').get(orgs.get('C1')!)!.custom_fields as Record<string, unknown>;
    expect(fields[keys.tier!]).toBe(score!.tier);
    expect(fields[keys.risk!]).toBe(score!.risk);
    expect(await engine.status('pipedrive')).toMatchObject({ state: 'connected', writeScores: true, canWriteScores: true });
  });

  it('without the CRM fields, the pass still completes and the card says why scores were not written', async () => {
    const { db, mock, engine } = await setup();
    await engine.connect('pipedrive', { apiToken: mock.newToken() });
    await syncRepo(db).updateConnection('pipedrive', { writeScores: true });
    expect(await engine.sync('pipedrive')).toMatchObject({ outcome: 'done' });
    expect(await engine.status('pipedrive')).toMatchObject({ state: 'error', error: 'sync.rejected' });
  });
});
