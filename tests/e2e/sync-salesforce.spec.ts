/**
 * Salesforce, end to end on the built extension (e2e build, tests/e2e/support/sync.ts), against
 * the Salesforce API mock routed at the org's real My Domain host: connect with the signed-in
 * session (the `sid` cookie) → the first sync fills the book → the overlay on a Salesforce
 * record shows scores from synced data → a quick-log becomes exactly one Task on the account →
 * a 500 during the write still gives exactly one → an expired session asks for sign-in and
 * loses nothing → an incremental sync picks up a change made in the CRM.
 */
import { generateSampleBook } from '../../lib/sample/generate';
import { STORIES } from '../../lib/sample/stories';
import { routeTo } from '../mocks/harness';
import { SalesforceMock } from '../mocks/salesforce';
import { crmFixture } from './support/crm';
import { serveHtml } from './support/extension';
import { ask, card, quickLog, syncTest, tabIdOf } from './support/sync';
import { expect } from './support/extension';

const API = 'https://acme.my.salesforce.com';
const ORG = 'https://acme.lightning.force.com';
const globex = STORIES.find((s) => s.story === 'big-account-going-quiet')!;
const book = generateSampleBook({ customers: 20 });
const mock = new SalesforceMock({ now: Date.now() - 60_000 });
mock.store.seed(book);
mock.latencyMs = 20;

const test = syncTest(async (context) => {
  await context.route(`${API}/**`, routeTo(mock.handle));
  await serveHtml(context, `${ORG}/**`, crmFixture('salesforce', 'account-record'));
  await context.addCookies([{ name: 'sid', value: mock.newSession(), domain: 'acme.my.salesforce.com', path: '/', secure: true }]);
});
test.describe.configure({ mode: 'serial' });

test('connect with the signed-in session: the first sync fills the book, with progress', async ({ world }) => {
  const c = card(world.options, 'salesforce');
  await expect(c).toHaveAttribute('data-state', 'disconnected');
  await c.getByLabel('My Domain URL').fill(API);
  await c.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(c.getByRole('progressbar', { name: 'Sync progress' })).toBeVisible();
  await expect(c).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });
  await expect(c).toHaveAttribute('data-last-sync', /^\d{4}-\d{2}-\d{2}T/);
  await expect(c).toHaveAttribute('data-outbox', '0');
  await expect(c).toContainText('Alex Kim');
  const found = await ask<{ id: string }[]>(world.options, 'searchCustomers', { query: globex.name, limit: 5 });
  expect(found.map((f) => f.id)).toEqual([`salesforce:account:${globex.crmIds.salesforce}`]);
});

test('the overlay on the Salesforce record shows scores from the synced data', async ({ world }) => {
  const page = await world.context.newPage();
  await page.goto(`${ORG}/lightning/r/Account/${globex.crmIds.salesforce}/view`);
  const host = page.locator('[data-rapport-overlay="record"]');
  await expect(host).toHaveAttribute('data-state', 'ready');
  await expect(host).toHaveAttribute('data-tier', /^(platinum|gold|silver|bronze)$/);
  await expect(host).toHaveAttribute('data-risk', /^(low|medium|high)$/);
});

test('a quick-log becomes exactly one Task on the account, even after a 500 during the write', async ({ world }) => {
  const tabId = await tabIdOf(world.options, `${ORG}/*`);
  const first = await quickLog(world, tabId, 'Call about the renewal');
  await expect(first).toHaveAttribute('data-writeback', 'written');
  expect(mock.activities()).toHaveLength(1);
  await expect(first).toHaveAttribute('data-customer-id', `salesforce:account:${globex.crmIds.salesforce}`);
  // the Task carries our key tag, so a retry can find it and a sync recognises it
  expect(mock.activities()[0]).toMatchObject({
    WhatId: globex.crmIds.salesforce,
    Subject: expect.stringMatching(/^Call about the renewal \[Rapport ql-[0-9a-f-]+\]$/),
    Status: 'Completed',
  });

  mock.fail({
    method: 'POST',
    path: /\/sobjects\/Task$/,
    times: 1,
    apply: 'after',
    response: { status: 500, body: [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'x' }] },
  });
  const second = await quickLog(world, tabId, 'Sent the revised quote');
  await expect(second).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
  // the write happened but its answer was a 500: the retry found the Task instead of writing it again
  expect(mock.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/sobjects/Task')).map((r) => r.status)).toEqual([201, 500]);
  expect(mock.activities().map((t) => String(t.Subject).replace(/ \[Rapport .+\]$/, ''))).toEqual(['Call about the renewal', 'Sent the revised quote']);
});

test('an expired session asks for sign-in and loses nothing', async ({ world }) => {
  mock.expireSessions();
  const tabId = await tabIdOf(world.options, `${ORG}/*`);
  const saved = await quickLog(world, tabId, 'Visited the plant');
  const c = card(world.options, 'salesforce');
  await expect(c).toHaveAttribute('data-state', 'error');
  await expect(c).toHaveAttribute('data-outbox', '1');
  await expect(saved).toHaveAttribute('data-writeback', 'queued');
  // The rep signs in to Salesforce again (a new sid cookie) and connects.
  await world.context.addCookies([{ name: 'sid', value: mock.newSession(), domain: 'acme.my.salesforce.com', path: '/', secure: true }]);
  await c.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(saved).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
  await expect(c).toHaveAttribute('data-outbox', '0');
  expect(mock.activities()).toHaveLength(3);
});

test('an incremental sync picks up a change made in Salesforce', async ({ world }) => {
  const c = card(world.options, 'salesforce');
  await expect(c).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  mock.advance(60_000);
  mock.edit('Account', globex.crmIds.salesforce, { Name: 'Globex Renamed' });
  const before = await c.getAttribute('data-last-sync');
  await c.getByRole('button', { name: 'Sync now' }).click();
  await expect(c).not.toHaveAttribute('data-last-sync', before ?? '', { timeout: 30_000 });
  const found = await ask<{ id: string }[]>(world.options, 'searchCustomers', { query: 'Globex Renamed', limit: 5 });
  expect(found.map((f) => f.id)).toEqual([`salesforce:account:${globex.crmIds.salesforce}`]);
  expect(mock.activities()).toHaveLength(3);
});
