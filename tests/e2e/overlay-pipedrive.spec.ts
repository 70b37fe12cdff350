/**
 * The overlay on Pipedrive fixture pages served at a real company subdomain, with the sample book loaded:
 * the record badge shows the story customer's tier/risk/action, list rows get chips, and an
 * in-app navigation to another record updates the overlay.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, extensionIdOf, launchWithExtension, serveHtml, test as base } from './support/extension';
import { STORIES, type Story } from '../../lib/sample/stories';

const fixture = (name: string): string => readFileSync(path.resolve('tests/fixtures/pipedrive', `${name}.html`), 'utf8');
const BASE = 'https://acme.pipedrive.com';
const [northwind, initech, huateng] = [STORIES[0]!, STORIES[2]!, STORIES[4]!];

type Chrome = { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } };

async function loadSample(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionIdOf(context)}/options.html`);
  const reply = await page.evaluate(() => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'loadSampleData', payload: {} }));
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  await page.close();
}

async function expectStoryOverlay(page: Page, story: Story, recordId = story.crmIds.pipedrive): Promise<void> {
  const host = page.locator('[data-rapport-overlay="record"]');
  await expect(host).toHaveCount(1);
  await expect(host).toHaveAttribute('data-record-id', recordId);
  await expect(host).toHaveAttribute('data-state', 'ready');
  await expect(host).toHaveAttribute('data-crm', 'pipedrive');
  await expect(host).toHaveAttribute('data-tier', story.expected.tier);
  await expect(host).toHaveAttribute('data-risk', story.expected.risk);
  await expect(host).toHaveAttribute('data-nba', story.expected.nba);
  await expect(host).toBeVisible();
}

/** What the CRM page put in its own DOM never becomes markup inside Rapport's UI. */
async function expectNoPageMarkupInside(page: Page): Promise<void> {
  const leaks = await page.locator('[data-rapport-overlay]').evaluateAll((hosts) =>
    hosts.reduce((n, h) => n + (h.shadowRoot?.querySelectorAll('script, img[onerror], [onerror]').length ?? 0) + h.querySelectorAll('script, img').length, 0),
  );
  expect(leaks).toBe(0);
}

/** In-app navigation: the URL changes first, the detail view re-renders a moment later (crm-pages.md §0.2). */
async function spaNavigate(page: Page, url: string, html: string, container: string): Promise<void> {
  await page.evaluate(
    async ([u, markup, sel]) => {
      history.pushState({}, '', u);
      await new Promise((r) => setTimeout(r, 300));
      const next = new DOMParser().parseFromString(markup, 'text/html');
      document.title = next.title;
      document.querySelector(sel)!.replaceWith(document.adoptNode(next.querySelector(sel)!));
    },
    [url, html, container] as const,
  );
}

/** One browser and one sample book for the file: loading the ~2,400-customer book takes ~35 s. */
const test = base.extend<object, { crm: BrowserContext }>({
  crm: [
    async ({}, use) => {
      const context = await launchWithExtension();
      await serveHtml(context, `${BASE}/**`, (url) => {
        if (url.pathname.startsWith('/organizations/list')) return fixture('organization-list');
        if (url.pathname.startsWith('/person/')) return fixture('person-record');
        return url.pathname === `/organization/${initech.crmIds.pipedrive}` ? fixture('organization-record-after-spa') : fixture('organization-record');
      });
      await loadSample(context);
      await use(context);
      await context.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

test('Pipedrive organization shows the story customer’s tier, risk and next action', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${BASE}/organization/${northwind.crmIds.pipedrive}`);
  await expectStoryOverlay(page, northwind);
  await expectNoPageMarkupInside(page);
});

test('Pipedrive: the visible view wins over the hidden cached one', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${BASE}/organization/${initech.crmIds.pipedrive}`);
  await expectStoryOverlay(page, initech);
});

test('Pipedrive person is matched to its organization through the email domain', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${BASE}/person/3105`);
  await expectStoryOverlay(page, huateng, '3105');
});

test('Pipedrive organizations list: every story row gets a chip with its tier and risk', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${BASE}/organizations/list/user/everyone`);
  for (const s of STORIES) {
    const chip = page.locator(`[data-rapport-overlay="row"][data-record-id="${s.crmIds.pipedrive}"]`);
    await expect(chip).toHaveCount(1);
    await expect(chip).toHaveAttribute('data-tier', s.expected.tier);
    await expect(chip).toHaveAttribute('data-risk', s.expected.risk);
  }
  await expectNoPageMarkupInside(page);
});

test('Pipedrive in-app navigation to another organization updates the overlay', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${BASE}/organization/${northwind.crmIds.pipedrive}`);
  await expectStoryOverlay(page, northwind);
  await spaNavigate(page, `${BASE}/organization/${initech.crmIds.pipedrive}`, fixture('organization-record-after-spa'), '#pipedrive-frame');
  await expectStoryOverlay(page, initech);
});
