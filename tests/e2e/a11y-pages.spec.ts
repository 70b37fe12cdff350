/**
 * axe-core on every extension page, with a (small) sample book loaded and with none: the popup,
 * each side panel tab, the options page, the welcome page, and the overlay card open on a
 * Salesforce fixture page. No serious or critical violation may remain.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { STORIES } from '../../lib/sample/stories';
import { crmFixture } from './support/crm';
import { expect, extensionIdOf, launchWithExtension, serveHtml, test as base } from './support/extension';

type Chrome = { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } };
const ORG = 'https://acme.lightning.force.com';

const test = base.extend<object, { shared: BrowserContext }>({
  shared: [
    async ({}, use) => {
      const context = await launchWithExtension();
      await serveHtml(context, `${ORG}/**`, crmFixture('salesforce', 'account-record'));
      await use(context);
      await context.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

async function open(context: BrowserContext, name: string, hash = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionIdOf(context)}/${name}.html${hash}`);
  await page.waitForLoadState('networkidle');
  return page;
}

/** Serious and critical violations, as "rule: target" lines (empty when clean). */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

/** Every tab of the side panel, the violations of all of them (so one run shows them all). */
async function sidePanelTabs(context: BrowserContext): Promise<string[]> {
  const page = await open(context, 'sidepanel');
  await expect(page.getByRole('main')).toBeVisible();
  const found: string[] = [];
  for (const tab of ['Today', 'Goals', 'KPIs', 'Customer', 'Pyramid']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await page.waitForTimeout(300);
    found.push(...(await seriousViolations(page)).map((v) => `${tab}: ${v}`));
  }
  await page.close();
  return found;
}

test.describe.configure({ mode: 'serial' });

test('with no data: popup, side panel tabs, options and welcome pass axe', async ({ shared }) => {
  for (const name of ['popup', 'options', 'welcome']) {
    const page = await open(shared, name);
    await expect(page.getByRole('main')).toBeVisible();
    expect(await seriousViolations(page), name).toEqual([]);
    await page.close();
  }
  expect(await sidePanelTabs(shared)).toEqual([]);
});

test('with the sample: popup, side panel tabs, options and the overlay card pass axe', async ({ shared }) => {
  const options = await open(shared, 'options');
  const reply = await options.evaluate(() =>
    (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'loadSampleData', payload: { customers: 14 } }),
  );
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  await expect(options.locator('header [data-rapport-sample]')).toBeVisible();
  expect(await seriousViolations(options), 'options').toEqual([]);
  const popup = await open(shared, 'popup');
  expect(await seriousViolations(popup), 'popup').toEqual([]);
  expect(await sidePanelTabs(shared)).toEqual([]);

  const globex = STORIES[1]!;
  const crm = await shared.newPage();
  await crm.goto(`${ORG}/lightning/r/Account/${globex.crmIds.salesforce}/view`);
  const host = crm.locator('[data-rapport-overlay="record"]');
  await expect(host).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await host.getByRole('button', { name: 'Details' }).click();
  await expect(host.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
  expect(await seriousViolations(crm, '[data-rapport-overlay="record"]'), 'overlay card').toEqual([]);
});
