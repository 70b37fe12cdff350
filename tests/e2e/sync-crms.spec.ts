/**
 * The sync flow of tests/e2e/sync-salesforce.spec.ts for the CRMs that connect with a token
 * (one browser per CRM, a small seeded book): connect → the first sync fills the book → the
 * overlay on a record page shows scores from synced data → a quick-log becomes exactly one
 * activity on the record, also after a 429 or a 500 → a revoked token asks for sign-in and
 * loses nothing → an incremental sync picks up a change made in the CRM.
 */
import type { BrowserContext, Locator } from '@playwright/test';
import { generateSampleBook } from '../../lib/sample/generate';
import { STORIES } from '../../lib/sample/stories';
import type { CrmId } from '../../lib/schemas/values';
import { routeTo, type MockBase } from '../mocks/harness';
import { HubspotMock } from '../mocks/hubspot';
import { PipedriveMock } from '../mocks/pipedrive';
import { ZohoMock } from '../mocks/zoho';
import { crmFixture } from './support/crm';
import { expect, serveHtml } from './support/extension';
import { ask, card, quickLog, syncTest, tabIdOf } from './support/sync';

const book = generateSampleBook({ customers: 12 });
const story = STORIES.find((s) => s.story === 'big-account-going-quiet')!;

interface Case {
  crm: CrmId;
  /** Serve the CRM's record pages and route its API to the mock. */
  setup: (context: BrowserContext) => Promise<void>;
  recordUrl: string;
  pagePattern: string;
  connect: (c: Locator) => Promise<void>;
  /** Activities written through the API, as [record id, text]. */
  written: () => { target: string; text: string }[];
  writePath: RegExp;
  revoke: () => void;
  rename: (name: string) => void;
  mock: MockBase;
}

function hubspot(): Case {
  const mock = new HubspotMock({ now: Date.now() - 60_000 });
  const ids = mock.store.seed(book);
  const id = ids.get(story.customerId)!;
  return {
    crm: 'hubspot',
    setup: async (context) => {
      await serveHtml(context, 'https://app.hubspot.com/**', crmFixture('hubspot', 'company-record'));
      await context.route('https://api.hubapi.com/**', routeTo(mock.handle));
    },
    recordUrl: `https://app.hubspot.com/contacts/${mock.portalId}/record/0-2/${id}`,
    pagePattern: 'https://app.hubspot.com/*',
    connect: (c) => c.getByLabel('Service key or private app access token').fill(mock.newToken()),
    written: () =>
      mock.activities().map((a) => ({
        target: mock.store.associations
          .filter((x) => x.fromType === a.type && x.from === a.id && x.toType === 'companies')
          .map((x) => x.to)
          .join(','),
        text: String(a.properties.hs_call_title ?? a.properties.hs_meeting_title ?? a.properties.hs_note_body ?? ''),
      })),
    writePath: /^\/crm\/v3\/objects\/(calls|meetings|notes)$/,
    revoke: () => mock.revokeTokens(),
    rename: (name) => mock.edit('companies', id, { name }),
    mock,
  };
}

function pipedrive(): Case {
  const mock = new PipedriveMock({ now: Date.now() - 60_000 });
  const ids = mock.store.seed(book);
  const id = ids.get(story.customerId)!;
  return {
    crm: 'pipedrive',
    setup: async (context) => {
      await serveHtml(context, 'https://acme.pipedrive.com/organization/**', crmFixture('pipedrive', 'organization-record'));
      await context.route('https://api.pipedrive.com/**', routeTo(mock.handle));
      await context.route('https://acme.pipedrive.com/api/**', routeTo(mock.handle));
    },
    recordUrl: `https://acme.pipedrive.com/organization/${id}`,
    pagePattern: 'https://acme.pipedrive.com/*',
    connect: (c) => c.getByLabel('Personal API token').fill(mock.newToken()),
    written: () => mock.activities().map((a) => ({ target: String(a.org_id), text: String(a.subject) })),
    writePath: /^\/api\/v2\/activities$/,
    revoke: () => mock.revokeTokens(),
    rename: (name) => mock.edit('organizations', Number(id), { name }),
    mock,
  };
}

function zoho(): Case {
  const mock = new ZohoMock('com');
  mock.seed(book);
  const id = story.crmIds.zoho;
  return {
    crm: 'zoho',
    setup: async (context) => {
      await serveHtml(context, 'https://crm.zoho.com/crm/**', crmFixture('zoho', 'account-record'));
      await context.route('https://accounts.zoho.com/**', routeTo(mock.handle));
      await context.route('https://www.zohoapis.com/**', routeTo(mock.handle));
    },
    recordUrl: `https://crm.zoho.com/crm/org20067231/tab/Accounts/${id}`,
    pagePattern: 'https://crm.zoho.com/*',
    connect: async (c) => {
      await c.getByLabel('Data centre (or your Zoho CRM URL)').fill('https://crm.zoho.com/crm/org20067231/tab/Home');
      await c.getByLabel('Client ID').fill(mock.client.id);
      await c.getByLabel('Client Secret').fill(mock.client.secret);
      await c.getByLabel('Generated code').fill(mock.issueCode());
    },
    written: () => mock.activities().map((a) => ({ target: String((a.What_Id as { id?: string } | undefined)?.id), text: String(a.Subject) })),
    writePath: /^\/crm\/v\d+\/(Calls|Tasks)$/,
    revoke: () => mock.revokeTokens(),
    rename: (name) => mock.edit('Accounts', id, { Account_Name: name }),
    mock,
  };
}

for (const make of [hubspot, pipedrive, zoho]) {
  const c = make();
  const test = syncTest(c.setup);
  test.describe(`${c.crm} sync`, () => {
    test.describe.configure({ mode: 'serial' });
    const section = (options: Parameters<typeof card>[0]) => card(options, c.crm);
    const target = () => c.recordUrl.split('/').pop()!;

    test('connect: the first sync fills the book and the overlay shows synced scores', async ({ world }) => {
      const s = section(world.options);
      await c.connect(s);
      await s.getByRole('button', { name: 'Connect', exact: true }).click();
      await expect(s).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });
      await expect(s).toHaveAttribute('data-last-sync', /^\d{4}-\d{2}-\d{2}T/);
      const found = await ask<{ id: string }[]>(world.options, 'searchCustomers', { query: story.name, limit: 5 });
      expect(found.map((f) => f.id)).toEqual([`${c.crm}:account:${target()}`]);
      const page = await world.context.newPage();
      await page.goto(c.recordUrl);
      const host = page.locator('[data-rapport-overlay="record"]');
      await expect(host).toHaveAttribute('data-state', 'ready');
      await expect(host).toHaveAttribute('data-tier', /^(platinum|gold|silver|bronze)$/);
    });

    test('a quick-log is exactly one activity on the record, also after a 429 and a 500', async ({ world }) => {
      const tabId = await tabIdOf(world.options, c.pagePattern);
      const first = await quickLog(world, tabId, 'Call about the renewal');
      await expect(first).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
      expect(c.written()).toEqual([{ target: target(), text: expect.stringContaining('Call about the renewal') }]);

      c.mock.fail({ method: 'POST', path: c.writePath, times: 1, response: { status: 429, headers: { 'retry-after': '1' }, body: { status: 'error' } } });
      await expect(await quickLog(world, tabId, 'Sent the quote')).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
      c.mock.fail({ method: 'POST', path: c.writePath, times: 1, apply: 'after', response: { status: 500, body: { status: 'error' } } });
      await expect(await quickLog(world, tabId, 'Agreed the rollout')).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
      expect(c.written().map((w) => w.target)).toEqual([target(), target(), target()]);
      expect(c.mock.requests.filter((r) => r.method === 'POST' && c.writePath.test(r.path)).map((r) => r.status >= 400)).toEqual([false, true, false, true]);
    });

    test('a revoked token asks for sign-in and loses nothing; an incremental sync picks up a rename', async ({ world }) => {
      c.revoke();
      const tabId = await tabIdOf(world.options, c.pagePattern);
      const saved = await quickLog(world, tabId, 'Visited the plant');
      const s = section(world.options);
      await expect(s).toHaveAttribute('data-state', 'error');
      await expect(s).toHaveAttribute('data-outbox', '1');
      await c.connect(s);
      await s.getByRole('button', { name: 'Connect', exact: true }).click();
      await expect(saved).toHaveAttribute('data-writeback', 'written', { timeout: 30_000 });
      expect(c.written()).toHaveLength(4);
      await expect(s).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
      c.rename('Globex Renamed');
      const before = await s.getAttribute('data-last-sync');
      await s.getByRole('button', { name: 'Sync now' }).click();
      await expect(s).not.toHaveAttribute('data-last-sync', before ?? '', { timeout: 30_000 });
      const found = await ask<{ id: string }[]>(world.options, 'searchCustomers', { query: 'Globex Renamed', limit: 5 });
      expect(found.map((f) => f.id)).toEqual([`${c.crm}:account:${target()}`]);
    });
  });
}
