/**
 * Sample data: loading asks before replacing anything, the book is marked (badge in the options
 * and the side panel), "Remove sample data" removes exactly the sample rows, and a real import
 * while the sample is loaded asks whether to remove it first.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';

type Chrome = { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } };

/** A small sample through the real message (the full book takes ~50 s; its UI path is in firstrun-welcome). */
async function loadSmallSample(page: Page): Promise<void> {
  const reply = await page.evaluate(() => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'loadSampleData', payload: { customers: 14 } }));
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, data: { customers: 20 } });
}

/** Customer ids and the meta keys straight from IndexedDB (no app code). */
async function stored(page: Page): Promise<{ customers: string[]; meta: string[]; goals: string[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('rapport');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const keys = (store: string) =>
      new Promise<string[]>((res) => {
        const r = db.transaction(store).objectStore(store).getAllKeys();
        r.onsuccess = () => res(r.result.map(String));
      });
    const out = { customers: await keys('customers'), meta: await keys('meta'), goals: await keys('goals') };
    db.close();
    return out;
  });
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.locator('input[type=file][accept*=csv]').setInputFiles(path.resolve('tests/fixtures/import', file));
}

test('import while the sample is loaded: remove the sample first', async ({ extensionPage }) => {
  const page = await extensionPage('options');
  await loadSmallSample(page);
  await expect(page.locator('header [data-rapport-sample]')).toHaveText('Sample data');

  await importFile(page, 'salesforce-accounts.csv');
  const question = page.getByRole('alertdialog');
  await expect(question).toContainText('The sample data is loaded. Remove it before importing');
  // Nothing is imported before the answer.
  await expect(page.locator('[data-file-name="salesforce-accounts.csv"]')).toHaveCount(0);
  await question.getByRole('button', { name: 'Remove the sample, then import' }).click();
  const card = page.locator('[data-file-name="salesforce-accounts.csv"]');
  await expect(card).toHaveAttribute('data-import-status', 'done', { timeout: 30_000 });
  const accepted = Number(await card.getAttribute('data-accepted'));
  await expect(page.locator('header [data-rapport-sample]')).toHaveCount(0);
  const s = await stored(page);
  expect(s.customers).toHaveLength(accepted);
  expect(s.customers.filter((id) => /^C-\d+$/.test(id))).toEqual([]);
  expect(s.meta).not.toContain('sample');
  expect(s.goals).toEqual([]);
});

test('"Remove sample data" keeps the user’s own rows imported beside the sample; loading again asks before replacing', async ({ extensionPage }) => {
  const page = await extensionPage('options');
  await loadSmallSample(page);
  const before = await stored(page);
  expect(before.customers).toHaveLength(20);
  expect(before.meta).toContain('sample');

  const side = await extensionPage('sidepanel');
  await expect(side.locator('header [data-rapport-sample]')).toHaveText('Sample data');

  await page.bringToFront();
  await importFile(page, 'salesforce-accounts.csv');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Import alongside the sample' }).click();
  const card = page.locator('[data-file-name="salesforce-accounts.csv"]');
  await expect(card).toHaveAttribute('data-import-status', 'done', { timeout: 30_000 });
  const accepted = Number(await card.getAttribute('data-accepted'));
  const mixed = await stored(page);
  const own = mixed.customers.filter((id) => !before.customers.includes(id));
  expect(own).toHaveLength(accepted);

  await page.getByRole('button', { name: 'Remove sample data' }).click();
  const ask = page.getByRole('group', { name: 'Remove sample data' });
  await expect(ask).toContainText('Your own data stays.');
  await ask.getByRole('button', { name: 'Remove the sample' }).click();
  await expect(page.locator('[data-sample-message="sample-removed"]')).toHaveText('Sample data removed (20 customers).');
  const after = await stored(page);
  expect(after.customers.sort()).toEqual(own.sort());
  expect(after.meta).not.toContain('sample');
  await expect(side.locator('header [data-rapport-sample]')).toHaveCount(0);

  // The user's data is there now: loading the sample says it replaces it, and Cancel keeps it.
  await page.getByRole('button', { name: 'Load sample data' }).click();
  const load = page.getByRole('group', { name: 'Load sample data' });
  await expect(load).toContainText(`This replaces everything Rapport holds now (${accepted} customer`);
  await load.getByRole('button', { name: 'Cancel' }).click();
  expect((await stored(page)).customers.sort()).toEqual(own.sort());
});
