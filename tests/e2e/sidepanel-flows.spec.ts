/**
 * The side panel on the built extension with the sample book (generated relative to the
 * browser's today, which the panel shows as `data-as-of`; dates below derive from it): the Today queue can be acted
 * on (done with undo, snooze), a goal created in the panel shows progress computed from the
 * data, and the KPI view carries its contract attributes.
 */
import { test, expect } from './support/extension';
import type { Page } from '@playwright/test';
import { addDays } from '../../lib/clock';

/** Generating, writing and scoring the sample book takes up to ~50 s on a loaded machine: the test gets more time. */
async function openWithSample(extensionPage: (name: 'sidepanel', query?: string) => Promise<Page>): Promise<Page> {
  test.slow();
  const page = await extensionPage('sidepanel');
  const reply = await page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime.sendMessage({
      type: 'loadSampleData',
      payload: {},
    }),
  );
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  await page.reload();
  return page;
}

const asOfOf = async (page: Page): Promise<string> => (await page.locator('[data-as-of]').getAttribute('data-as-of'))!;

const actionIds = (page: Page): Promise<string[]> =>
  page.locator('[data-rapport-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rapport-action') ?? ''));

test('Today: acting on an action changes the queue, and undo brings it back', async ({ extensionPage }) => {
  const page = await openWithSample(extensionPage);
  await expect(page.getByRole('tab', { name: 'Today' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-rapport-action]').first()).toBeVisible();
  const before = await actionIds(page);
  expect(before.length).toBeGreaterThan(1);

  const first = page.locator('[data-rapport-action]').first();
  for (const attr of ['data-customer-id', 'data-kind', 'data-due']) expect(await first.getAttribute(attr)).toBeTruthy();
  await first.getByRole('button', { name: /^Mark .* as done$/ }).click();
  await expect(page.locator(`[data-rapport-action="${before[0]}"]`)).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Marked done');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator(`[data-rapport-action="${before[0]}"]`)).toHaveCount(1);
  expect(await actionIds(page)).toEqual(before);

  const second = page.locator(`[data-rapport-action="${before[1]}"]`);
  await second.getByRole('button', { name: /^Snooze/ }).click();
  await second.getByLabel('Until date').fill(addDays(await asOfOf(page), 30));
  await second.getByRole('button', { name: 'Snooze until this date' }).click();
  await expect(page.locator(`[data-rapport-action="${before[1]}"]`)).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Snoozed until');
});

test('Goals: a new goal shows progress computed from the data', async ({ extensionPage }) => {
  const page = await openWithSample(extensionPage);
  await page.getByRole('tab', { name: 'Goals' }).click();
  await page.getByRole('button', { name: 'New goal' }).click();
  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Name').fill('Satisfied customers this year');
  await page.getByLabel('Metric (KPI)').selectOption('csat');
  await page.getByLabel('Baseline').fill('50');
  await page.getByLabel('Target').fill('90');
  const year = (await asOfOf(page)).slice(0, 4);
  await page.getByLabel('Start date').fill(`${year}-01-01`);
  await page.getByLabel('End date (inclusive)').fill(`${year}-12-31`);
  await page.getByRole('button', { name: 'Save goal' }).click();

  const card = page.locator('[data-rapport-goal]').filter({ hasText: 'Satisfied customers this year' });
  await expect(card).toHaveCount(1);
  // A new goal re-ranks every customer's actions (a full rescore in the background); the
  // progress is computed once the data settles.
  await expect(card).toHaveAttribute('data-current', /^-?\d+(\.\d+)?(e-?\d+)?$/, { timeout: 90_000 });
  const bar = card.getByRole('progressbar', { name: 'Progress towards Satisfied customers this year' });
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/);
  expect(['on-track', 'behind', 'achieved']).toContain(await card.getAttribute('data-pace'));

  await card.getByRole('button', { name: 'Archive goal Satisfied customers this year' }).click();
  await expect(card).toHaveCount(0);
});

test('KPIs: every KPI carries its value and previous value for the period shown', async ({ extensionPage }) => {
  const page = await openWithSample(extensionPage);
  await page.getByRole('tab', { name: 'KPIs' }).click();
  // The default is the last complete month, never a month that has barely begun.
  const asOf = await asOfOf(page);
  const container = page.locator('[data-period-start]');
  await expect(container).toHaveAttribute('data-period-end', `${asOf.slice(0, 7)}-01`);
  await page.getByRole('radio', { name: 'Last year' }).check();
  const year = Number(asOf.slice(0, 4));
  await expect(container).toHaveAttribute('data-period-start', `${year - 1}-01-01`);
  await expect(container).toHaveAttribute('data-period-end', `${year}-01-01`);
  const kpis = container.locator('[data-rapport-kpi]');
  await expect(kpis).toHaveCount(9, { timeout: 60_000 });
  const values = await kpis.evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-rapport-kpi'), e.getAttribute('data-value'), e.getAttribute('data-previous')]),
  );
  for (const [, value, previous] of values) {
    expect(value === '' || Number.isFinite(Number(value))).toBe(true);
    expect(previous === '' || Number.isFinite(Number(previous))).toBe(true);
  }
  expect(values.filter(([, v]) => v !== '').length).toBeGreaterThanOrEqual(6);
  const points = await container.locator('[data-rapport-kpi] [data-rapport-trend]').evaluateAll((els) => els.map((e) => e.getAttribute('data-points')));
  expect(points.length).toBeGreaterThanOrEqual(8);
  for (const p of points) expect(p).toBe('12');
});
