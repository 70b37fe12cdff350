/**
 * Shared e2e helpers for the CRM overlay: one browser with the sample book per spec file,
 * fixture pages served at real CRM URLs, and assertions on the DOM contract of docs/contracts.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { Story } from '../../../lib/sample/stories';
import type { CrmId } from '../../../lib/schemas/values';
import { expect, extensionIdOf, launchWithExtension, serveHtml, test as base } from './extension';

type Chrome = { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } };

export const crmFixture = (crm: CrmId, name: string): string => readFileSync(path.resolve('tests/fixtures', crm, `${name}.html`), 'utf8');

/** Load the sample book through the real message, from an extension page. */
export async function loadSample(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionIdOf(context)}/options.html`);
  const reply = await page.evaluate(() => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'loadSampleData', payload: {} }));
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  await page.close();
}

export async function expectStoryOverlay(page: Page, crm: CrmId, story: Story, recordId = story.crmIds[crm]): Promise<void> {
  const host = page.locator('[data-rapport-overlay="record"]');
  await expect(host).toHaveCount(1);
  await expect(host).toHaveAttribute('data-record-id', recordId);
  await expect(host).toHaveAttribute('data-state', 'ready');
  await expect(host).toHaveAttribute('data-crm', crm);
  await expect(host).toHaveAttribute('data-tier', story.expected.tier);
  await expect(host).toHaveAttribute('data-risk', story.expected.risk);
  await expect(host).toHaveAttribute('data-nba', story.expected.nba);
  await expect(host).toBeVisible();
}

/**
 * A record matched only by domain, email or name: the overlay shows nothing of the customer, page
 * script's clicks open nothing, and the user's own clicks (Playwright's are trusted) open the
 * picker and link it — then it shows the story customer.
 */
export async function expectLinkThenStory(page: Page, crm: CrmId, story: Story, recordId: string): Promise<void> {
  const host = page.locator('[data-rapport-overlay="record"]');
  await expect(host).toHaveAttribute('data-state', 'unknown-customer');
  await expect(host).toHaveAttribute('data-record-id', recordId);
  expect(await host.getAttribute('data-tier')).toBeNull();
  const prompt = host.locator('button[aria-haspopup]');
  await expect(prompt).toHaveCount(1);
  expect(await overlayText(page)).not.toContain(story.name);
  await prompt.evaluate((b: HTMLElement) => b.click());
  await page.waitForTimeout(300);
  await expect(host.locator('[data-link-candidate]')).toHaveCount(0);
  await prompt.click();
  const pick = host.locator('[data-link-candidate]', { hasText: story.name });
  await expect(pick).toHaveCount(1);
  await pick.click();
  await expectStoryOverlay(page, crm, story, recordId);
}

/** The text inside the overlay's shadow root. */
export const overlayText = (page: Page): Promise<string> => page.locator('[data-rapport-overlay="record"]').evaluate((h) => h.shadowRoot?.textContent ?? '');

/** What the CRM page put in its own DOM never becomes markup inside Rapport's UI. */
export async function expectNoPageMarkupInside(page: Page): Promise<void> {
  const leaks = await page
    .locator('[data-rapport-overlay]')
    .evaluateAll((hosts) =>
      hosts.reduce((n, h) => n + (h.shadowRoot?.querySelectorAll('script, img, [onerror]').length ?? 0) + h.querySelectorAll('script, img').length, 0),
    );
  expect(leaks).toBe(0);
}

/** In-app navigation: the URL changes first, the view re-renders a moment later (docs/crm/README.md §Navigation). */
export async function spaNavigate(page: Page, url: string, html: string, container: string): Promise<void> {
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

/**
 * A test with one browser and one sample book per spec file (loading the book takes a while):
 * `routes` serves the CRM's fixture pages at its real URLs.
 */
export function crmTest(pattern: string, page: (url: URL) => string, setup?: (context: BrowserContext) => Promise<unknown>) {
  return base.extend<object, { crm: BrowserContext }>({
    crm: [
      async ({}, use) => {
        const context = await launchWithExtension();
        await setup?.(context);
        await serveHtml(context, pattern, page);
        await loadSample(context);
        await use(context);
        await context.close();
      },
      { scope: 'worker', timeout: 180_000 },
    ],
  });
}

export { expect };
