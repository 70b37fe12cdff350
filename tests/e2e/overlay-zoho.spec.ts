/**
 * The overlay on Zoho CRM fixture pages served at real Zoho URLs, with the sample book loaded:
 * the record badge shows the story customer's tier/risk/action, list rows get chips, and an
 * in-app navigation to another record updates the overlay.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, extensionIdOf, launchWithExtension, serveHtml, test as base } from './support/extension';
import { STORIES, type Story } from '../../lib/sample/stories';

const fixture = (name: string): string => readFileSync(path.resolve('tests/fixtures/zoho', `${name}.html`), 'utf8');
const TAB = 'https://crm.zoho.com/crm/org20067231/tab';
const recordUrl = (s: Story): string => `${TAB}/Accounts/${s.crmIds.zoho}`;
const LIST_URL = `${TAB}/Accounts/custom-view/4876876000000087501/list?page=1&per_page=100`;
const [northwind, globex] = [STORIES[0]!, STORIES[1]!];

type Chrome = { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } };

async function loadSample(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionIdOf(context)}/options.html`);
  const reply = await page.evaluate(() => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'loadSampleData', payload: {} }));
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  await page.close();
}

async function expectStoryOverlay(page: Page, story: Story, recordId = story.crmIds.zoho): Promise<void> {
  const host = page.locator('[data-rapport-overlay="record"]');
  await expect(host).toHaveCount(1);
  await expect(host).toHaveAttribute('data-record-id', recordId);
  await expect(host).toHaveAttribute('data-state', 'ready');
  await expect(host).toHaveAttribute('data-crm', 'zoho');
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
      await serveHtml(context, 'https://crm.zoho.com/crm/**', (url) =>
        url.pathname.includes('/custom-view/')
          ? fixture('account-list')
          : url.pathname.includes('/Contacts/')
            ? fixture('contact-record')
            : url.pathname.endsWith(globex.crmIds.zoho)
              ? fixture('account-record-after-spa')
              : fixture('account-record'),
      );
      await loadSample(context);
      await use(context);
      await context.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

test('Zoho account record shows the story customer’s tier, risk and next action', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(northwind));
  await expectStoryOverlay(page, northwind);
  await expectNoPageMarkupInside(page);
});

test('Zoho contact record is matched to its company through the email domain', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${TAB.replace('org20067231', 'acmesales')}/Contacts/4876876000000412003`);
  await expectStoryOverlay(page, STORIES[2]!, '4876876000000412003');
  await expectNoPageMarkupInside(page);
});

test('Zoho list view: every story row gets a chip with its tier and risk', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(LIST_URL);
  for (const s of STORIES) {
    const chip = page.locator(`[data-rapport-overlay="row"][data-record-id="${s.crmIds.zoho}"]`);
    await expect(chip).toHaveCount(1);
    await expect(chip).toHaveAttribute('data-tier', s.expected.tier);
    await expect(chip).toHaveAttribute('data-risk', s.expected.risk);
  }
  await expectNoPageMarkupInside(page);
});

test('Zoho in-app navigation to another account updates the overlay', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(northwind));
  await expectStoryOverlay(page, northwind);
  await spaNavigate(page, recordUrl(globex), fixture('account-record-after-spa'), '#crm-main');
  await expectStoryOverlay(page, globex);
});
