/**
 * The demo: the built extension in Chromium with the sample book loaded, on the CRM pages of
 * the sample customers (fixtures served at the real CRM URLs) and on Rapport's own pages.
 * With a display it opens a normal window and stays until you close it; without one (or in CI)
 * it runs headless, saves a screenshot of each view under demo-output/ and exits.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionIdOf, launchWithExtension } from '../../tests/e2e/support/extension';
import { DEMO_CRMS, listFixture, recordFixture, storyIn } from './crm-pages';

/** The extension APIs the demo calls from inside an extension page. */
interface ChromeApi {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: { customers: number }; error?: string } | undefined> };
}
declare const chrome: ChromeApi;

const OUT = path.resolve('demo-output');
const headed = Boolean(process.env.DISPLAY) && !process.env.CI && process.env.RAPPORT_DEMO_HEADLESS !== '1';
let shot = 0;

async function capture(page: Page, name: string, what: string): Promise<void> {
  const file = path.join(OUT, `${String(++shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log(`${path.relative(process.cwd(), file)}: ${what}`);
}

async function serve(page: Page, url: string, html: string): Promise<void> {
  const origin = new URL(url).origin;
  await page.route(`${origin}/**`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);
}

/** Wait for the overlay host, open its card, and describe what it shows. */
async function recordView(page: Page): Promise<string> {
  const host = page.locator('[data-rapport-overlay="record"]');
  await host.waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForFunction(
    () => ['ready', 'unknown-customer', 'error'].includes(document.querySelector('[data-rapport-overlay="record"]')?.getAttribute('data-state') ?? ''),
    null,
    { timeout: 20_000 },
  );
  const details = host.locator('button[aria-expanded="false"]');
  if (await details.count()) await details.first().click();
  const a = await host.evaluate((el) => Object.fromEntries(['data-state', 'data-tier', 'data-risk', 'data-nba'].map((k) => [k, el.getAttribute(k)])));
  await host.scrollIntoViewIfNeeded();
  return a['data-state'] === 'ready'
    ? `overlay ready — tier ${a['data-tier']}, risk ${a['data-risk']}, next best action ${a['data-nba']}`
    : `overlay ${a['data-state']}`;
}

async function crmPages(context: BrowserContext): Promise<number | undefined> {
  let firstRecordTab: number | undefined;
  for (const demo of DEMO_CRMS) {
    const rec = recordFixture(demo.crm);
    const story = rec && storyIn(demo.crm, rec.html);
    if (!rec || !story) {
      console.log(`(${demo.crm}: no record fixture with a sample customer yet — skipped)`);
      continue;
    }
    const page = await context.newPage();
    try {
      await serve(page, demo.recordUrl(story.crmIds[demo.crm]), rec.html);
      const what = await recordView(page);
      await capture(page, `${demo.crm}-record`, `${demo.crm} record page of ${story.name}: ${what}`);
      firstRecordTab ??= await tabIdOf(context, page.url());
    } catch (e) {
      console.log(`(${demo.crm} record page: ${e instanceof Error ? e.message.split('\n')[0] : e})`);
    }
    const list = listFixture(demo.crm);
    if (!list) continue;
    const lp = await context.newPage();
    try {
      await serve(lp, demo.listUrl, list.html);
      await lp.locator('[data-rapport-overlay="row"]').first().waitFor({ timeout: 15_000 });
      const chips = await lp.locator('[data-rapport-overlay="row"]').count();
      await capture(lp, `${demo.crm}-list`, `${demo.crm} list view: ${chips} rows carry a tier/risk chip`);
    } catch (e) {
      console.log(`(${demo.crm} list page: ${e instanceof Error ? e.message.split('\n')[0] : e})`);
    }
    if (!headed) await lp.close();
  }
  return firstRecordTab;
}

let helper: Page;
async function tabIdOf(_context: BrowserContext, url: string): Promise<number | undefined> {
  return helper.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
}

async function extensionPages(context: BrowserContext, id: string, crmTab: number | undefined): Promise<void> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 620 });
  await popup.goto(`chrome-extension://${id}/popup.html${crmTab === undefined ? '' : `?tabId=${crmTab}`}`);
  await popup.waitForTimeout(1500);
  await capture(popup, 'popup', crmTab === undefined ? 'popup: quick-log with customer search' : 'popup: quick-log on the customer of the CRM tab');

  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${id}/sidepanel.html`);
  await panel.waitForTimeout(1500);
  const tabs = panel.getByRole('tab');
  const n = await tabs.count();
  if (!n) await capture(panel, 'sidepanel', 'side panel');
  for (let i = 0; i < n; i++) {
    const tab = tabs.nth(i);
    const name = ((await tab.textContent()) ?? `view-${i}`).trim();
    await tab.click();
    await panel.waitForTimeout(800);
    await capture(panel, `sidepanel-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, `side panel — ${name}`);
  }

  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.waitForTimeout(1000);
  await capture(options, 'options', 'options: import, export/backup, settings');
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const context = await launchWithExtension(undefined, { headless: !headed });
  const id = await extensionIdOf(context);
  console.log(`Rapport loaded in Chromium (extension id ${id}).`);
  helper = await context.newPage();
  await helper.goto(`chrome-extension://${id}/options.html`);
  const loaded = await helper.evaluate(() => chrome.runtime.sendMessage({ type: 'loadSampleData', payload: {} }));
  if (!loaded?.ok) throw new Error(`Loading the sample data failed: ${loaded?.error ?? 'no answer'}`);
  console.log(`Sample book loaded: ${loaded.data?.customers} customers, scored.`);

  const crmTab = await crmPages(context);
  await extensionPages(context, id, crmTab);

  if (headed) {
    console.log('The demo browser stays open: close its window to end.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
  } else {
    await context.close();
    console.log(`Done: ${shot} screenshots in ${path.relative(process.cwd(), OUT)}/.`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
