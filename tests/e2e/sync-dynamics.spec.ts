/**
 * Dynamics 365, end to end on the built extension (e2e build, tests/e2e/support/sync.ts), against
 * the Dataverse Web API mock routed at the environment's own host: connect with the signed-in
 * session (the `CrmOwinAuth` cookie, `SameSite=Lax` as Microsoft recommends admins set it, so the
 * requests must go through the open Dynamics tab; no token is stored) → the first sync fills
 * the book, with progress → the overlay on the account form shows scores from synced data → a
 * quick-log becomes exactly one completed phone call regarding the account, also after a 429 and
 * a 500 → a session renewed by the Dynamics tab goes on working unasked; a signed-out session asks
 * for sign-in and loses nothing → an incremental sync picks up a change made in Dynamics.
 */
import type { BrowserContext } from '@playwright/test';
import { generateSampleBook } from '../../lib/sample/generate';
import { STORIES } from '../../lib/sample/stories';
import { DynamicsMock } from '../mocks/dynamics';
import { crmFixture } from './support/crm';
import { expect, serveHtml } from './support/extension';
import { ask, card, quickLog, routeWithCookies, syncTest, tabIdOf } from './support/sync';

const ORG = 'https://contoso.crm4.dynamics.com';
const globex = STORIES.find((s) => s.story === 'big-account-going-quiet')!;
const ACCOUNT = globex.crmIds.dynamics;
const recordUrl = `${ORG}/main.aspx?appid=4c3a7f0e-8d2b-4f7a-9b1e-2f6d1c0a9e55&pagetype=entityrecord&etn=account&id=${ACCOUNT}`;
const mock = new DynamicsMock(ORG);
mock.seed(generateSampleBook({ customers: 12 }));
const WRITE = /^\/api\/data\/v9\.2\/(phonecalls|tasks)\([0-9a-f-]{36}\)$/;

/**
 * The rep signs in to Dynamics in this browser: a new session, its cookie on the environment's
 * host. `Lax`: the background's own request would go without it; only a request made in the
 * open Dynamics tab carries it (lib/services/sync-tab-fetch.ts).
 */
async function signIn(context: BrowserContext, session: string): Promise<void> {
  mock.session = session;
  mock.signedOut = null;
  await context.addCookies([{ name: 'CrmOwinAuth', value: session, domain: 'contoso.crm4.dynamics.com', path: '/', secure: true, sameSite: 'Lax' }]);
}

const test = syncTest(async (context) => {
  await context.route(`${ORG}/api/**`, routeWithCookies(mock.handle));
  await serveHtml(context, `${ORG}/main.aspx**`, crmFixture('dynamics', 'account-record-after-spa'));
  // The app's loader script (what the adapter recognises Dynamics by): served empty.
  await context.route(`${ORG}/uclient/**`, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await signIn(context, 'session-1');
});
test.describe.configure({ mode: 'serial' });

const phoneCalls = () => mock.activities().filter((a) => a.set === 'phonecalls');
const writes = () => mock.requests.filter((r) => r.method === 'PATCH' && WRITE.test(r.path.split('?')[0]!));

test('connect with the signed-in session: the first sync fills the book, with progress, and the overlay shows synced scores', async ({ world }) => {
  // The rep has Dynamics open: the API requests run in that tab, with its session.
  const page = await world.context.newPage();
  await page.goto(recordUrl);
  const c = card(world.options, 'dynamics');
  await expect(c).toHaveAttribute('data-state', 'disconnected');
  mock.latencyMs = 150; // slow enough for the progress bar to be seen
  await c.getByLabel('Environment URL').fill(`${ORG}/main.aspx?appid=4c3a7f0e-8d2b-4f7a-9b1e-2f6d1c0a9e55`);
  await c.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(c.getByRole('progressbar', { name: 'Sync progress' })).toBeVisible();
  await expect(c).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  mock.latencyMs = 0;
  await expect(c).toHaveAttribute('data-last-sync', /^\d{4}-\d{2}-\d{2}T/);
  await expect(c).toContainText('Sales Rep <rep@contoso.example>');
  const found = await ask<{ id: string }[]>(world.options, 'searchCustomers', { query: globex.name, limit: 5 });
  expect(found.map((f) => f.id)).toEqual([`dynamics:account:${ACCOUNT}`]);

  await page.reload();
  const host = page.locator('[data-rapport-overlay="record"]');
  await expect(host).toHaveAttribute('data-state', 'ready');
  await expect(host).toHaveAttribute('data-tier', /^(platinum|gold|silver|bronze)$/);
  await expect(host).toHaveAttribute('data-risk', /^(low|medium|high)$/);
});

test('a quick-log is exactly one completed phone call regarding the account, also after a 429 and a 500', async ({ world }) => {
  const tabId = await tabIdOf(world.options, `${ORG}/*`);
  const first = await quickLog(world, tabId, 'Call about the renewal');
  await expect(first).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
  expect(phoneCalls()).toHaveLength(1);
  expect(phoneCalls()[0]).toMatchObject({
    subject: expect.stringContaining('Call about the renewal'),
    description: expect.stringMatching(/\[Rapport ql-[0-9a-f-]+\]$/),
    _regardingobjectid_value: ACCOUNT,
    _tables: { _regardingobjectid_value: 'account' },
    statecode: 1,
    statuscode: 2,
  });

  // Service protection refuses the create (nothing written); the outbox waits Retry-After and writes it once.
  mock.fail({
    method: 'PATCH',
    path: WRITE,
    times: 1,
    response: { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: '0x80072322', message: 'Number of requests exceeded the limit.' } } },
  });
  await expect(await quickLog(world, tabId, 'Sent the quote')).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
  // The create goes through but its answer is a 500: the retry's create-only upsert answers 412, only closing it is left.
  mock.fail({ method: 'PATCH', path: WRITE, times: 1, apply: 'after', response: { status: 500, body: { error: { code: '0x80040216', message: 'x' } } } });
  await expect(await quickLog(world, tabId, 'Agreed the rollout')).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });

  expect(mock.activities().map((a) => String(a.subject))).toEqual([
    expect.stringContaining('Call about the renewal'),
    expect.stringContaining('Sent the quote'),
    expect.stringContaining('Agreed the rollout'),
  ]);
  expect(mock.activities().every((a) => a._regardingobjectid_value === ACCOUNT && a.statecode === 1)).toBe(true);
  // create + close per log; the 429'd create and the 500'd create are each retried once, the latter as a 412
  expect(writes().map((r) => r.status)).toEqual([204, 204, 429, 204, 204, 500, 412, 204]);
});

test('a session renewed in the browser goes on working unasked; a signed-out session asks for sign-in and loses nothing', async ({ world }) => {
  const c = card(world.options, 'dynamics');
  // The Dynamics tab renewed its session: the connector sends whatever cookie the browser holds.
  await signIn(world.context, 'session-2');
  const tabId = await tabIdOf(world.options, `${ORG}/*`);
  await expect(await quickLog(world, tabId, 'Checked the delivery dates')).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
  await expect(c).toHaveAttribute('data-state', 'connected');

  // Signed out: the API answers with a redirect to the Microsoft sign-in page.
  mock.signedOut = 'redirect';
  const saved = await quickLog(world, tabId, 'Visited the plant');
  await expect(c).toHaveAttribute('data-state', 'error');
  await expect(c.locator('[data-rapport-sync-error="sync.auth"]')).toHaveText(
    'The CRM no longer accepts this sign-in. Sign in to the CRM again, then connect; nothing waiting is lost.',
  );
  await expect(c).toHaveAttribute('data-outbox', '1');
  await expect(saved).toHaveAttribute('data-writeback', 'queued');
  expect(mock.activities()).toHaveLength(4);

  await signIn(world.context, 'session-3');
  // the environment URL is offered as entered: signing in again is one click
  await expect(c.getByLabel('Environment URL')).toHaveValue(`${ORG}/main.aspx?appid=4c3a7f0e-8d2b-4f7a-9b1e-2f6d1c0a9e55`);
  await c.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(saved).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
  await expect(c).toHaveAttribute('data-outbox', '0');
  expect(mock.activities().map((a) => String(a.subject))).toEqual([
    expect.stringContaining('Call about the renewal'),
    expect.stringContaining('Sent the quote'),
    expect.stringContaining('Agreed the rollout'),
    expect.stringContaining('Checked the delivery dates'),
    expect.stringContaining('Visited the plant'),
  ]);
});

test('an incremental sync picks up a change made in Dynamics', async ({ world }) => {
  const c = card(world.options, 'dynamics');
  await expect(c).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  mock.edit('accounts', ACCOUNT, { name: 'Globex Renamed' });
  const before = await c.getAttribute('data-last-sync');
  await c.getByRole('button', { name: 'Sync now' }).click();
  await expect(c).not.toHaveAttribute('data-last-sync', before ?? '', { timeout: 30_000 });
  const found = await ask<{ id: string }[]>(world.options, 'searchCustomers', { query: 'Globex Renamed', limit: 5 });
  expect(found.map((f) => f.id)).toEqual([`dynamics:account:${ACCOUNT}`]);
  expect(mock.activities()).toHaveLength(5);
});
