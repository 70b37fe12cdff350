/**
 * First run on a fresh profile: the welcome page opens by itself on install, and from it the
 * sample or an import is two clicks away.
 */
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './support/extension';

async function welcomePage(context: BrowserContext): Promise<Page> {
  const isWelcome = (p: Page): boolean => p.url().endsWith('/welcome.html');
  const page = context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 }));
  await page.waitForLoadState();
  return page;
}

test('the welcome page opens on install and reaches an import in two clicks', async ({ context }) => {
  const page = await welcomePage(context);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Rapport' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  // Every CRM's export path is there.
  for (const crm of ['salesforce', 'hubspot', 'zoho', 'dynamics', 'pipedrive', 'fxiaoke']) await expect(page.locator(`[data-crm="${crm}"]`)).toBeVisible();

  await page.getByRole('link', { name: 'Open the import' }).click(); // 1
  await expect(page).toHaveURL(/options\.html#import-heading$/);
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('Choose CSV or Excel files').click(); // 2
  await (await chooser).setFiles(path.resolve('tests/fixtures/import/salesforce-accounts.csv'));
  const card = page.locator('[data-file-name="salesforce-accounts.csv"]');
  await expect(card).toHaveAttribute('data-import-status', 'done', { timeout: 30_000 });
  expect(Number(await card.getAttribute('data-accepted'))).toBeGreaterThan(0);
});

test('the welcome page reaches the sample in two clicks, saying what it loads, and marks it', async ({ context }) => {
  // Writing the sample's ~80,000 rows and scoring 2,406 customers takes ~50 s on a loaded 2-core machine.
  test.setTimeout(180_000);
  const page = await welcomePage(context);
  await page.getByRole('button', { name: 'Load sample data' }).click(); // 1
  const ask = page.getByRole('group', { name: 'Load sample data' });
  await expect(ask).toContainText('2,406 customers: 2,400 generated plus six story accounts');
  // Nothing to replace in a fresh profile, so no warning about replacing.
  await expect(ask).not.toContainText('replaces everything');
  await ask.getByRole('button', { name: 'Load the sample' }).click(); // 2
  await expect(page.locator('[data-sample-message="sample"]')).toHaveText('Sample data loaded (2,406 customers).', { timeout: 150_000 });
  await expect(page.locator('[data-rapport-sample]')).toHaveText('Sample data');
  await expect(page.getByRole('button', { name: 'Remove sample data' })).toBeVisible();
});
