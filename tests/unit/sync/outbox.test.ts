import { afterEach, describe, expect, it } from 'vitest';
import { customersRepo } from '../../../lib/db/repos/customers';
import { interactionsRepo } from '../../../lib/db/repos/history';
import { syncRepo } from '../../../lib/db/repos/sync';
import type { Interaction } from '../../../lib/schemas/domain';
import { backoffMs, createOutbox, MAX_ATTEMPTS } from '../../../lib/sync/outbox';
import { engineSetup } from './engine-setup';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setup() {
  const s = await engineSetup();
  cleanup = s.close;
  await s.engine.connect('pipedrive', { apiToken: s.mock.newToken() });
  await s.engine.sync('pipedrive');
  const wakeups: number[] = [];
  const outbox = createOutbox({ ...s.deps, schedule: (when) => void wakeups.push(when), changed: () => undefined });
  const customer = (await customersRepo(s.db).get(`pipedrive:account:${s.orgs.get('C2')}`))!;
  const log = async (id: string): Promise<Interaction> => {
    const i: Interaction = {
      id,
      customerId: customer.id,
      date: '2026-11-19',
      channel: 'meeting',
      summary: 'Demo of the new module',
      nextStep: 'Send the proposal',
      nextStepDue: '2026-12-01',
    };
    await interactionsRepo(s.db).add(i);
    return i;
  };
  const written = () => s.mock.activities();
  /** Let the clock reach the next wake-up and drain. */
  const wake = async (): Promise<void> => {
    const when = wakeups.shift();
    if (when !== undefined && when > s.mock.now) s.mock.advance(when - s.mock.now);
    await outbox.drain();
  };
  return { ...s, outbox, customer, log, written, wakeups, wake };
}

describe('outbox', () => {
  it('writes a quick-log once, as an activity on the CRM record, and stores its CRM id', async () => {
    const { db, outbox, customer, log, written, orgs } = await setup();
    const i = await log('log-1');
    expect(await outbox.enqueue(i, customer)).toBe('queued');
    expect(await syncRepo(db).waiting('pipedrive')).toBe(1);
    await outbox.drain();
    await outbox.drain();
    expect(written()).toHaveLength(1);
    expect(written()[0]).toMatchObject({ org_id: orgs.get('C2'), type: 'meeting', done: true });
    expect(await syncRepo(db).outboxRow('log-1')).toMatchObject({ state: 'written', crmId: String(written()[0]!.id) });
    expect(await syncRepo(db).waiting('pipedrive')).toBe(0);
    // a retried save of the same log answers its state and queues nothing again
    expect(await outbox.enqueue(i, customer)).toBe('written');
    await outbox.drain();
    expect(written()).toHaveLength(1);
  });

  it('is off for a customer without a record in a connected CRM, or with write-back off', async () => {
    const { db, outbox, customer, log } = await setup();
    const i = await log('log-1');
    expect(await outbox.enqueue(i, { ...customer, crmRefs: [{ crm: 'hubspot', objectType: 'account', id: '1' }] })).toBe('off');
    await syncRepo(db).updateConnection('pipedrive', { writeBack: false });
    expect(await outbox.enqueue(i, customer)).toBe('off');
  });

  it('a 500 whose write happened, then a 429 with Retry-After: still exactly one activity, after backoff and the wait', async () => {
    const { db, mock, outbox, customer, log, written, wakeups, wake } = await setup();
    await outbox.enqueue(await log('log-1'), customer);
    mock.fail({ method: 'POST', path: /activities$/, times: 1, apply: 'after', response: { status: 500, body: { success: false } } });
    const t0 = mock.now;
    await outbox.drain();
    expect(await syncRepo(db).outboxRow('log-1')).toMatchObject({ state: 'queued', uncertain: true, attempts: 1, reason: 'writeback.unavailable' });
    expect(wakeups[0]! - t0).toBeGreaterThanOrEqual(backoffMs(1));
    await wake();
    // the retry found the activity by its tag instead of writing it again
    expect(written()).toHaveLength(1);
    expect(await syncRepo(db).outboxRow('log-1')).toMatchObject({ state: 'written', crmId: String(written()[0]!.id) });

    await outbox.enqueue(await log('log-2'), customer);
    mock.fail({ method: 'POST', path: /activities$/, times: 1, response: { status: 429, headers: { 'retry-after': '7' }, body: { success: false } } });
    const t1 = mock.now;
    await outbox.drain();
    expect(await syncRepo(db).outboxRow('log-2')).toMatchObject({ state: 'queued', uncertain: false, reason: 'writeback.rate-limited' });
    expect(wakeups[0]! - t1).toBeGreaterThanOrEqual(7_000);
    expect(wakeups[0]! - t1).toBeLessThan(9_000);
    await wake();
    expect(written()).toHaveLength(2);
  });

  it('gives up after repeated failures with the reason; a refusal fails at once', async () => {
    const { db, mock, outbox, customer, log, wake, written } = await setup();
    await outbox.enqueue(await log('log-1'), customer);
    mock.fail({ method: 'POST', path: /activities$/, times: MAX_ATTEMPTS, response: { status: 503, body: 'down' } });
    await outbox.drain();
    for (let n = 1; n < MAX_ATTEMPTS; n++) await wake();
    expect(await syncRepo(db).outboxRow('log-1')).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS, reason: 'writeback.unavailable' });

    await outbox.enqueue(await log('log-2'), customer);
    mock.fail({
      method: 'POST',
      path: /activities$/,
      times: 1,
      response: { status: 200, body: { success: false, error: 'inactive', error_code: 'ERR_TYPE', data: null } },
    });
    await outbox.drain();
    expect(await syncRepo(db).outboxRow('log-2')).toMatchObject({ state: 'failed', attempts: 1, reason: 'writeback.rejected' });
    expect(written()).toHaveLength(0);
  });

  it('an expired token asks for sign-in and keeps the log; it is written once the rep connects again', async () => {
    const { db, mock, engine, outbox, customer, log, written } = await setup();
    await outbox.enqueue(await log('log-1'), customer);
    mock.revokeTokens();
    await outbox.drain();
    expect(await engine.status('pipedrive')).toMatchObject({ state: 'error', error: 'sync.auth', outbox: 1 });
    expect(await syncRepo(db).outboxRow('log-1')).toMatchObject({ state: 'queued' });
    await outbox.drain();
    expect(written()).toHaveLength(0);
    await engine.connect('pipedrive', { apiToken: mock.newToken() });
    await outbox.drain();
    expect(written()).toHaveLength(1);
  });

  it('a sync reading the written activity back does not store it twice', async () => {
    const { db, mock, engine, outbox, customer, log } = await setup();
    await outbox.enqueue(await log('log-1'), customer);
    await outbox.drain();
    mock.advance(60_000);
    await engine.sync('pipedrive');
    const rows = await interactionsRepo(db).forCustomer(customer.id);
    expect(rows.filter((r) => r.summary.includes('Demo of the new module'))).toHaveLength(1);
    expect(rows.find((r) => r.id === 'log-1')).toBeDefined();
  });
});
