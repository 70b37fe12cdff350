/**
 * Options page import, backup and crash recovery, on the built extension.
 * Contract: docs/contracts.md "DOM, on extension pages" (`[data-import-status]` with counts).
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, EXTENSION_DIR, CHROMIUM_PATH, extensionIdOf } from './support/extension';
import { SETTINGS_VERSION } from '../../lib/schemas/settings-defaults';

const FIX = path.resolve('tests/fixtures/import');

/** Counts and rows straight from the extension's IndexedDB (raw IDB, no app code). */
async function dbDump(page: Page, tables: string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (names) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('rapport');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const n of names)
      out[n] = await new Promise<unknown[]>((res, rej) => {
        const r = db.transaction(n).objectStore(n).getAll();
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
    db.close();
    return out;
  }, tables);
}

/**
 * The book's data: the side panel's cache rows (meta keys `cache:…`, derived from the tables and
 * rebuilt by the background a moment after writes) are not data, and backups leave them out.
 */
async function dataDump(page: Page, tables: string[]): Promise<Record<string, unknown[]>> {
  const dump = await dbDump(page, tables);
  if (dump.meta) dump.meta = dump.meta.filter((row) => !String((row as { key?: unknown }).key).startsWith('cache:'));
  return dump;
}

/** "Delete all data" in the options page: the background empties every data table. */
async function deleteAllData(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Delete all data' }).click();
  await page.getByRole('button', { name: 'Yes, delete all data' }).click();
  await expect(page.locator('[data-data-message="deleted"]')).toBeVisible();
}

const TABLES = ['customers', 'contacts', 'transactions', 'interactions', 'feedback', 'goals', 'actions', 'scores', 'importLog', 'meta'];

async function importFile(page: Page, file: string): Promise<ReturnType<Page['locator']>> {
  await page.locator('input[type=file][accept*=csv]').setInputFiles(file);
  const card = page.locator(`[data-file-name="${path.basename(file)}"]`).first();
  await expect(card).toHaveAttribute('data-import-status', /done|error/, { timeout: 30_000 });
  return card;
}

test('imports CSVs with counts; re-importing the same file adds nothing', async ({ extensionPage }) => {
  const page = await extensionPage('options');
  const tx = await importFile(page, path.join(FIX, 'utf8-nobom-transactions.csv'));
  await expect(tx).toHaveAttribute('data-import-status', 'done');
  await expect(tx).toHaveAttribute('data-accepted', '3');
  await expect(tx).toHaveAttribute('data-rejected', '0');
  await expect(tx).toHaveAttribute('data-duplicates', '0');

  const fx = await importFile(page, path.join(FIX, 'gbk-fxiaoke-customers.csv'));
  await expect(fx).toHaveAttribute('data-accepted', '2');
  const fb = await importFile(page, path.join(FIX, 'canonical-feedback.csv'));
  await expect(fb).toHaveAttribute('data-accepted', '3');
  await expect(fb).toHaveAttribute('data-rejected', '2');
  await fb.getByText(/Rejected rows/).click();
  await expect(fb.getByRole('cell', { name: /out of range/ })).toBeVisible();
  const [report] = await Promise.all([page.waitForEvent('download'), fb.getByRole('button', { name: 'Download rejected rows (CSV)' }).click()]);
  expect(report.suggestedFilename()).toBe('canonical-feedback-rejected.csv');
  expect(
    readFileSync(await report.path(), 'utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .slice(0, 3),
  ).toEqual(['file,line,column,reason', 'canonical-feedback.csv,5,score,score out of range: “7”', 'canonical-feedback.csv,6,score,required value missing']);

  // After each import the background rescores everyone (relationship scorer) with progress.
  await expect(fb.locator('[data-rescore="done"]')).toBeVisible({ timeout: 30_000 });
  const scored = await dbDump(page, ['scores', 'customers']);
  expect(scored.scores!.length).toBe(scored.customers!.length);

  const before = await dbDump(page, ['customers', 'transactions']);
  expect(before.transactions).toHaveLength(3);
  expect((before.customers as { id: string; name: string }[]).find((c) => c.id === 'FX-001')?.name).toBe('上海明远贸易有限公司');

  await page.reload();
  const again = await importFile(page, path.join(FIX, 'utf8-nobom-transactions.csv'));
  await expect(again).toHaveAttribute('data-accepted', '3');
  await expect(again).toHaveAttribute('data-duplicates', '3');
  expect(await dbDump(page, ['customers', 'transactions'])).toEqual(before);
});

test('imports an Excel (.xlsx) export', async ({ extensionPage }) => {
  const page = await extensionPage('options');
  const card = await importFile(page, path.join(FIX, 'fxiaoke-transactions.xlsx'));
  await expect(card).toHaveAttribute('data-import-status', 'done');
  await expect(card).toHaveAttribute('data-accepted', '2');
  await expect(card).toHaveAttribute('data-rejected', '1');
  const { transactions } = await dbDump(page, ['transactions']);
  expect((transactions as { date: string }[]).map((t) => t.date).sort()).toEqual(['2025-03-14', '2025-03-15']);
});

test('files dropped on the drop zone are imported', async ({ extensionPage }) => {
  const page = await extensionPage('options');
  const text = readFileSync(path.join(FIX, 'canonical-interactions.csv'), 'utf8');
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.csv', { type: 'text/csv' }));
    return dt;
  }, text);
  await page.getByRole('group', { name: 'Drop zone for CSV and Excel files' }).dispatchEvent('drop', { dataTransfer });
  const card = page.locator('[data-file-name="dropped.csv"]');
  await expect(card).toHaveAttribute('data-import-status', 'done');
  await expect(card).toHaveAttribute('data-accepted', '2');
  await expect(card).toHaveAttribute('data-rejected', '1');
});

test('asks dd/MM or MM/dd when every slash date of a file reads both ways', async ({ extensionPage }) => {
  const page = await extensionPage('options');
  await page.locator('input[type=file][accept*=csv]').setInputFiles(path.join(FIX, 'ambiguous-dates-transactions.csv'));
  const card = page.locator('[data-file-name="ambiguous-dates-transactions.csv"]');
  await card.getByRole('radio', { name: /Day\/Month\/Year/ }).check();
  await card.getByRole('button', { name: 'Continue import' }).click();
  await expect(card).toHaveAttribute('data-import-status', 'done');
  await expect(card).toHaveAttribute('data-accepted', '3');
  const { transactions } = await dbDump(page, ['transactions']);
  expect((transactions as { date: string }[]).map((t) => t.date).sort()).toEqual(['2025-04-03', '2025-06-05', '2025-07-01']);
});

test('a file missing a required column is refused with a message naming it', async ({ extensionPage }) => {
  const page = await extensionPage('options');
  const file = path.join(FIX, 'broken/missing-required.csv');
  await page.locator('input[type=file][accept*=csv]').setInputFiles(file);
  // Unrecognised headers go to the mapping step first; an explicit kind with the column missing is refused.
  const card = page.locator('[data-file-name="missing-required.csv"]');
  await expect(card.getByRole('button', { name: 'Import with this mapping' })).toBeDisabled();
  await expect(card.getByText(/Still missing: Amount/)).toBeVisible();

  await page.locator('input[type=file][accept*=csv]').setInputFiles(path.join(FIX, 'broken/empty.csv'));
  const empty = page.locator('[data-file-name="empty.csv"]');
  await expect(empty).toHaveAttribute('data-import-status', 'error');
  await expect(empty.getByRole('alert')).toContainText('empty.csv');
  expect((await dbDump(page, ['importLog'])).importLog).toHaveLength(0);
});

test('the mapping step imports a file with unknown headers', async ({ extensionPage }) => {
  const page = await extensionPage('options');
  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-map-'));
  const file = path.join(dir, 'kunden.csv');
  writeFileSync(file, 'Kunde,Datum,Betrag\nK1,2025-01-01,5\nK2,2025-01-02,x\n');
  await page.locator('input[type=file][accept*=csv]').setInputFiles(file);
  const card = page.locator('[data-file-name="kunden.csv"]');
  await card.getByLabel('This file contains').selectOption('transactions');
  await card.getByLabel('Column “Kunde”').selectOption('customer_id');
  await card.getByLabel('Column “Datum”').selectOption('date');
  await card.getByLabel('Column “Betrag”').selectOption('amount');
  await expect(card.getByRole('cell', { name: 'K2' })).toBeVisible();
  await card.getByRole('button', { name: 'Import with this mapping' }).click();
  await expect(card).toHaveAttribute('data-import-status', 'done');
  await expect(card).toHaveAttribute('data-accepted', '1');
  await expect(card).toHaveAttribute('data-rejected', '1');
  rmSync(dir, { recursive: true, force: true });
});

test('backup → delete all data → restore gives an identical database', async ({ extensionPage }) => {
  const page = await extensionPage('options');
  await importFile(page, path.join(FIX, 'utf8-bom-customers.csv'));
  await importFile(page, path.join(FIX, 'utf8-nobom-transactions.csv'));
  await importFile(page, path.join(FIX, 'canonical-interactions.csv'));
  const last = await importFile(page, path.join(FIX, 'broken/hostile-text.csv'));
  // the rescore after the last import rewrites scores and the book model: snapshot after it
  await expect(last.locator('[data-rescore="done"]')).toBeVisible({ timeout: 30_000 });
  const before = await dataDump(page, TABLES);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download full backup (JSON)' }).click()]);
  const file = await download.path();
  const json = JSON.parse(readFileSync(file, 'utf8')) as { format: string; settings: { version: number } };
  expect(json.format).toBe('rapport-backup');
  expect(json.settings.version).toBe(SETTINGS_VERSION);

  await deleteAllData(page);
  const emptied = await dataDump(page, TABLES);
  expect(Object.values(emptied).every((rows) => rows.length === 0)).toBe(true);
  await page.locator('input[data-restore-input]').setInputFiles(file);
  await expect(page.locator('[data-restore-plan] tr[data-table="customers"] td').last()).toHaveText(String(before.customers!.length));
  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(page.locator('[data-data-message="restored"]')).toBeVisible();
  expect(await dataDump(page, TABLES)).toEqual(before);

  // A tampered backup is refused with the table, row and field; nothing changes.
  const bad = JSON.parse(readFileSync(file, 'utf8')) as { tables: { transactions: { amount: unknown }[] } };
  bad.tables.transactions[0]!.amount = 'lots';
  const badFile = path.join(mkdtempSync(path.join(tmpdir(), 'rapport-bad-')), 'bad.json');
  writeFileSync(badFile, JSON.stringify(bad));
  await page.locator('input[data-restore-input]').setInputFiles(badFile);
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be restored' })).toContainText('transactions[0].amount');
  await expect(page.locator('[data-restore-plan]')).toHaveCount(0);
  expect(await dataDump(page, TABLES)).toEqual(before);
});

async function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

test('killing the browser mid-import leaves a consistent, resumable database', async () => {
  test.setTimeout(420_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-kill-'));
  const csv = path.join(dir, 'big.csv');
  const ROWS = 250_000;
  const lines = ['customer_id,date,amount,product'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`C${i % 5000},2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},${(i % 997) + 0.5},P${i}`);
  writeFileSync(csv, lines.join('\n') + '\n');
  const profile = path.join(dir, 'profile');

  let context = await launchPersistent(profile);
  const id = await extensionIdOf(context);
  let page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.locator('input[type=file][accept*=csv]').setInputFiles(csv);
  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  // Each 1 MiB slice (~35,000 rows) takes the background ~15 s to write on a loaded 2-core machine.
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 120_000 }).toBeGreaterThan(2 << 20);
  await context.close(); // the browser goes away mid-import

  context = await launchPersistent(profile);
  page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  const banner = page.locator('[data-import-unfinished]');
  await expect(banner).toBeVisible();
  const mid = await dbDump(page, ['importLog', 'transactions']);
  const log = (mid.importLog as { status: string; accepted: number; duplicates: number; rowsSeen: number }[])[0]!;
  expect(log.status).toBe('running');
  expect(log.rowsSeen).toBeGreaterThan(0);
  expect(log.rowsSeen).toBeLessThan(ROWS);
  // Never half-counted: what the log says is exactly what is stored.
  expect(mid.transactions).toHaveLength(log.accepted - log.duplicates);

  await page.getByRole('button', { name: 'Resume import of big.csv' }).click();
  const card = page.locator('[data-file-name="big.csv"]');
  await expect(card).toHaveAttribute('data-import-status', 'done', { timeout: 300_000 });
  await expect(card).toHaveAttribute('data-accepted', String(ROWS));
  await expect(card).toHaveAttribute('data-duplicates', '0');
  const after = await page.evaluate(
    () =>
      new Promise<number>((res) => {
        const r = indexedDB.open('rapport');
        r.onsuccess = () => {
          const c = r.result.transaction('transactions').objectStore('transactions').count();
          c.onsuccess = () => res(c.result);
        };
      }),
  );
  expect(after).toBe(ROWS);
  await context.close();
  rmSync(dir, { recursive: true, force: true });
});

test('an interrupted import can be rolled back on reopen, leaving the data as before it', async () => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-rollback-'));
  const csv = path.join(dir, 'half.csv');
  const lines = ['customer_id,date,amount'];
  for (let i = 0; i < 200_000; i++) lines.push(`R${i % 2000},2024-02-${String((i % 28) + 1).padStart(2, '0')},${i}`);
  writeFileSync(csv, lines.join('\n') + '\n');
  const profile = path.join(dir, 'profile');

  let context = await launchPersistent(profile);
  const id = await extensionIdOf(context);
  let page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  await importFile(page, path.join(FIX, 'utf8-bom-customers.csv'));
  const before = await dbDump(page, ['customers', 'transactions']);
  await page.locator('input[type=file][accept*=csv]').setInputFiles(csv);
  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(1 << 20);
  await context.close();

  context = await launchPersistent(profile);
  page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  const mid = await dbDump(page, ['transactions']);
  expect(mid.transactions!.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Roll back import of half.csv' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rolled back half.csv.' })).toBeVisible({ timeout: 150_000 });
  await expect(page.locator('[data-import-unfinished]')).toHaveCount(0);
  expect(await dbDump(page, ['customers', 'transactions'])).toEqual(before);
  const logs = (await dbDump(page, ['importLog'])).importLog as { fileName: string; status: string }[];
  expect(logs.find((l) => l.fileName === 'half.csv')?.status).toBe('cancelled');
  await context.close();
  rmSync(dir, { recursive: true, force: true });
});
