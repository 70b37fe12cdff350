/**
 * Fxiaoke 纷享销客, end to end on the built extension (e2e build, tests/e2e/support/sync.ts),
 * against the OpenAPI mock routed at open.fxiaoke.com: connect with the company's app credentials
 * as the rep (found by mobile number) → the first sync fills the book, with progress → the overlay
 * on the 客户 detail shows scores from synced data → a quick-log becomes exactly one 销售记录 on
 * the 客户, also after a 429 and a 500 → an expired corp access token is renewed unasked; app
 * credentials reset by the admin ask for sign-in and lose nothing → an incremental sync picks up
 * a change made in Fxiaoke → "Delete all data" disconnects it (credentials, cursor, outbox gone).
 */
import type { Locator } from '@playwright/test';
import { generateSampleBook } from '../../lib/sample/generate';
import { STORIES } from '../../lib/sample/stories';
import { FxiaokeMock } from '../mocks/fxiaoke';
import { routeTo } from '../mocks/harness';
import { crmFixture } from './support/crm';
import { expect, serveHtml } from './support/extension';
import { ask, card, quickLog, syncTest, tabIdOf } from './support/sync';

const HOME = 'https://www.fxiaoke.com/XV/UI/Home';
const huateng = STORIES.find((s) => s.story === 'single-threaded-key-account')!;
const ACCOUNT = huateng.crmIds.fxiaoke;
const mock = new FxiaokeMock();
mock.seed(generateSampleBook({ customers: 12 }));
const REP = mock.employees[1]!;
const CREATE = /^\/cgi\/crm\/v2\/data\/create$/;

const test = syncTest(async (context) => {
  await context.route(`${mock.origin}/**`, routeTo(mock.handle));
  await serveHtml(context, `${HOME}**`, crmFixture('fxiaoke', 'account-record'));
});
test.describe.configure({ mode: 'serial' });

async function fillCredentials(c: Locator, secret = mock.app.appSecret): Promise<void> {
  await c.getByLabel('AppID').fill(mock.app.appId);
  await c.getByLabel('AppSecret').fill(secret);
  await c.getByLabel('Permanent authorization code (permanentCode)').fill(mock.app.permanentCode);
  await c.getByLabel('Your mobile number in Fxiaoke').fill(REP.mobile);
}

/** The 销售记录 written through the API, as what the tests compare. */
const written = () =>
  mock.activities().map((r) => ({
    text: String(r.active_record_content).replace(/\n\n\[Rapport ql-[0-9a-f-]+\]$/, ''),
    account: r.account_id,
    related: r.related_object_data,
  }));
const creates = () => mock.requests.filter((r) => r.method === 'POST' && CREATE.test(r.path.split('?')[0]!));

test('connect with the app credentials: the first sync fills the book, with progress, and the overlay shows synced scores', async ({ world }) => {
  const c = card(world.options, 'fxiaoke');
  await expect(c).toHaveAttribute('data-state', 'disconnected');
  await fillCredentials(c);
  mock.latencyMs = 150; // slow enough for the progress bar to be seen
  await c.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(c.getByRole('progressbar', { name: 'Sync progress' })).toBeVisible();
  await expect(c).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  mock.latencyMs = 0;
  await expect(c).toHaveAttribute('data-last-sync', /^\d{4}-\d{2}-\d{2}T/);
  await expect(c).toContainText(REP.name);
  const found = await ask<{ id: string }[]>(world.options, 'searchCustomers', { query: huateng.name, limit: 5 });
  expect(found.map((f) => f.id)).toEqual([`fxiaoke:account:${ACCOUNT}`]);

  const page = await world.context.newPage();
  await page.goto(`${HOME}#crm/detail/=/AccountObj/${ACCOUNT}`);
  const host = page.locator('[data-rapport-overlay="record"]');
  await expect(host).toHaveAttribute('data-state', 'ready');
  await expect(host).toHaveAttribute('data-tier', /^(platinum|gold|silver|bronze)$/);
  await expect(host).toHaveAttribute('data-risk', /^(low|medium|high)$/);
});

test('a quick-log is exactly one 销售记录 on the 客户, also after a 429 and a 500', async ({ world }) => {
  const tabId = await tabIdOf(world.options, 'https://www.fxiaoke.com/*');
  const first = await quickLog(world, tabId, 'Call about the renewal');
  await expect(first).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
  expect(written()).toEqual([
    { text: expect.stringContaining('Call about the renewal'), account: ACCOUNT, related: [{ describe_api_name: 'AccountObj', id: ACCOUNT }] },
  ]);
  // written as the rep found by mobile number, not as the app's admin
  expect(mock.activities()[0]).toMatchObject({ owner: [REP.openUserId] });

  mock.fail({
    method: 'POST',
    path: CREATE,
    times: 1,
    response: { status: 429, headers: { 'retry-after': '1' }, body: { errorCode: 30005, errorMessage: 'Too Many Requests' } },
  });
  await expect(await quickLog(world, tabId, 'Sent the quote')).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
  // The create goes through but its answer is a 500: the retry finds the record by its tag instead of writing it again.
  mock.fail({ method: 'POST', path: CREATE, times: 1, apply: 'after', response: { status: 500, body: 'Internal Server Error' } });
  await expect(await quickLog(world, tabId, 'Agreed the rollout')).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });

  expect(written().map((w) => [w.text, w.account])).toEqual([
    [expect.stringContaining('Call about the renewal'), ACCOUNT],
    [expect.stringContaining('Sent the quote'), ACCOUNT],
    [expect.stringContaining('Agreed the rollout'), ACCOUNT],
  ]);
  expect(creates().map((r) => r.status)).toEqual([200, 429, 200, 500]);
});

test('an expired token is renewed unasked; reset app credentials ask for sign-in and lose nothing', async ({ world }) => {
  const c = card(world.options, 'fxiaoke');
  const tabId = await tabIdOf(world.options, 'https://www.fxiaoke.com/*');
  // About two hours on, the corp access token is dead: a new one comes from the stored app credentials.
  const tokensAsked = () => mock.requests.filter((r) => r.path.startsWith('/oauth2.0/token?')).length;
  const asked = tokensAsked();
  mock.expireTokens();
  await expect(await quickLog(world, tabId, 'Checked the delivery dates')).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
  await expect(c).toHaveAttribute('data-state', 'connected');
  expect(tokensAsked()).toBe(asked + 1);

  // The admin resets the AppSecret: nothing can renew the token any more.
  mock.resetAppSecret('app-secret-reset-fedcba9876543210');
  const saved = await quickLog(world, tabId, 'Visited the plant');
  await expect(c).toHaveAttribute('data-state', 'error');
  await expect(c.locator('[data-rapport-sync-error="sync.auth"]')).toHaveText(
    'The CRM no longer accepts this sign-in. Sign in to the CRM again, then connect; nothing waiting is lost.',
  );
  await expect(c).toHaveAttribute('data-outbox', '1');
  await expect(saved).toHaveAttribute('data-writeback', 'queued');
  expect(written()).toHaveLength(4);

  await fillCredentials(c, 'app-secret-reset-fedcba9876543210');
  await c.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(saved).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
  await expect(c).toHaveAttribute('data-outbox', '0');
  expect(written().map((w) => w.text)).toEqual([
    expect.stringContaining('Call about the renewal'),
    expect.stringContaining('Sent the quote'),
    expect.stringContaining('Agreed the rollout'),
    expect.stringContaining('Checked the delivery dates'),
    expect.stringContaining('Visited the plant'),
  ]);
});

test('an incremental sync picks up a change made in Fxiaoke', async ({ world }) => {
  const c = card(world.options, 'fxiaoke');
  await expect(c).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  mock.edit('AccountObj', ACCOUNT, { name: '华腾贸易（更名）' });
  const before = await c.getAttribute('data-last-sync');
  await c.getByRole('button', { name: 'Sync now' }).click();
  await expect(c).not.toHaveAttribute('data-last-sync', before ?? '', { timeout: 30_000 });
  const found = await ask<{ id: string }[]>(world.options, 'searchCustomers', { query: '华腾贸易（更名）', limit: 5 });
  expect(found.map((f) => f.id)).toEqual([`fxiaoke:account:${ACCOUNT}`]);
  expect(written()).toHaveLength(5);
});

test('"Delete all data" says it disconnects every CRM, and does: the card asks for the credentials again', async ({ world }) => {
  const c = card(world.options, 'fxiaoke');
  await world.options.getByRole('button', { name: 'Delete all data' }).click();
  await expect(world.options.getByRole('group', { name: 'Delete all data' })).toContainText(
    'and disconnects every CRM: its sign-in or token, its sync progress and any logs not yet written to it are removed',
  );
  await world.options.getByRole('button', { name: 'Yes, delete all data' }).click();
  await expect(world.options.locator('[data-data-message="deleted"]')).toBeVisible();
  await expect(c).toHaveAttribute('data-state', 'disconnected');
  await expect(c.getByLabel('AppSecret')).toHaveValue('');
  expect(await ask<{ id: string }[]>(world.options, 'searchCustomers', { query: '华腾', limit: 5 })).toEqual([]);
});
