/**
 * The overlay on Dynamics 365 fixture pages served at a real model-driven app URL, with the sample book loaded:
 * the record badge shows the story customer's tier/risk/action, list rows get chips, and an
 * in-app navigation to another record updates the overlay.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, extensionIdOf, launchWithExtension, serveHtml, test as base } from './support/extension';
import { STORIES, type Story } from '../../lib/sample/stories';

const fixture = (name: string): string => readFileSync(path.resolve('tests/fixtures/dynamics', `${name}.html`), 'utf8');
const APP = 'https://contoso.crm4.dynamics.com/main.aspx?appid=4c3a7f0e-8d2b-4f7a-9b1e-2f6d1c0a9e55';
const recordUrl = (id: string, etn = 'account'): string => `${APP}&pagetype=entityrecord&etn=${etn}&id=${id}`;
const LIST_URL = `${APP}&pagetype=entitylist&etn=account&viewid=00000000-0000-0000-00aa-000010001001&viewtype=1039`;
const [northwind, globex, huateng, stark] = [STORIES[0]!, STORIES[1]!, STORIES[4]!, STORIES[5]!];
const CONTACT_ID = '6d2f7a10-3c4b-4e5f-8a9b-0c1d2e3f4a56';

type Chrome = { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } };

async function loadSample(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionIdOf(context)}/options.html`);
  const reply = await page.evaluate(() => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'loadSampleData', payload: {} }));
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  await page.close();
}

async function expectStoryOverlay(page: Page, story: Story, recordId = story.crmIds.dynamics): Promise<void> {
  const host = page.locator('[data-rapport-overlay="record"]');
  await expect(host).toHaveCount(1);
  await expect(host).toHaveAttribute('data-record-id', recordId);
  await expect(host).toHaveAttribute('data-state', 'ready');
  await expect(host).toHaveAttribute('data-crm', 'dynamics');
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
      // The app's loader script (what Level Up detects Dynamics by): served empty.
      await context.route('https://contoso.crm4.dynamics.com/uclient/**', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
      await serveHtml(context, 'https://contoso.crm4.dynamics.com/main.aspx**', (url) => {
        const q = url.searchParams;
        if (q.get('pagetype') === 'entitylist') return fixture('account-list');
        if (q.get('etn') === 'contact') return fixture('contact-record');
        const id = (q.get('id') ?? '').replace(/[{}]/g, '').toLowerCase();
        if (id === huateng.crmIds.dynamics) return fixture('multi-session');
        return id === globex.crmIds.dynamics ? fixture('account-record-after-spa') : fixture('account-record');
      });
      await loadSample(context);
      await use(context);
      await context.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

test('Dynamics account form shows the story customer’s tier, risk and next action', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(northwind.crmIds.dynamics));
  await expectStoryOverlay(page, northwind);
  await expectNoPageMarkupInside(page);
});

test('Dynamics URL with an upper-case GUID in braces resolves to the same customer', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(`%7B${globex.crmIds.dynamics.toUpperCase()}%7D`));
  await expectStoryOverlay(page, globex);
});

test('Dynamics multi-session workspace: the focused session’s account, not the hidden one', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(huateng.crmIds.dynamics));
  await expectStoryOverlay(page, huateng);
  const shown = await page.locator('[data-rapport-overlay="record"]').evaluate((h) => h.closest('[data-id^="session-"]')?.getAttribute('data-id') ?? 'outside sessions');
  expect(shown).not.toBe('session-1');
});

test('Dynamics contact form is matched to its company through the email domain', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(CONTACT_ID, 'contact'));
  await expectStoryOverlay(page, stark, CONTACT_ID);
});

test('Dynamics grid: every story row gets a chip with its tier and risk', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(LIST_URL);
  for (const s of STORIES) {
    const chip = page.locator(`[data-rapport-overlay="row"][data-record-id="${s.crmIds.dynamics}"]`);
    await expect(chip).toHaveCount(1);
    await expect(chip).toHaveAttribute('data-tier', s.expected.tier);
    await expect(chip).toHaveAttribute('data-risk', s.expected.risk);
  }
  await expectNoPageMarkupInside(page);
});

test('Dynamics in-app navigation to another account updates the overlay', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(northwind.crmIds.dynamics));
  await expectStoryOverlay(page, northwind);
  await spaNavigate(page, recordUrl(globex.crmIds.dynamics), fixture('account-record-after-spa'), '#mainContent');
  await expectStoryOverlay(page, globex);
});
