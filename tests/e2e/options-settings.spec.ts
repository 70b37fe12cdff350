/** Options page settings and import cancel, on the built extension. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/extension';

async function putScores(page: Page, n: number): Promise<void> {
  await page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('rapport');
      r.onsuccess = () => res(r.result);
    });
    const tx = db.transaction('scores', 'readwrite');
    for (let i = 0; i < count; i++)
      tx.objectStore('scores').put({
        customerId: `C${i}`,
        tier: 'iron',
        risk: 'low',
        riskScore: i,
        reasons: [],
        clv: 1000 - i,
        pAlive: 0.5,
        rfm: { r: 1, f: 1, m: 1, segment: 'Hibernating' },
        nba: null,
        computedAt: 0,
      });
    await new Promise((res) => (tx.oncomplete = res));
    db.close();
  }, n);
}

test('scoring settings: live preview of tier and risk moves, validation, save', async ({ extensionPage }) => {
  const page = await extensionPage('options');
  await expect(page.getByText('No scored customers yet')).toBeVisible();
  await putScores(page, 100);
  await page.reload();
  const preview = page.locator('[data-preview-tier-moves]');
  await expect(preview).toHaveAttribute('data-preview-tier-moves', '0');
  await page.getByLabel('Platinum: top % of customers by value').fill('10');
  // Customers ranked 6–10 at least move up to Platinum (the exact count is the scorer's pyramid).
  await expect.poll(async () => Number(await preview.getAttribute('data-preview-tier-moves'))).toBeGreaterThanOrEqual(5);
  await page.getByLabel('Medium risk from score').fill('30');
  await expect(preview).toHaveAttribute('data-preview-risk-moves', '5');
  await expect(preview).toContainText(/\d+ of 100 customers would change value tier/);

  await page.getByLabel('Gold: next % of customers').fill('150');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toHaveText('Not saved: “Gold: next % of customers” — Must be at most 100.');
  await page.getByLabel('Gold: next % of customers').fill('25');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Gold: next % of customers')).toHaveValue('25');
  await expect(page.getByLabel('Platinum: top % of customers by value')).toHaveValue('10');
});

test('language: 简体中文 renames every control', async ({ extensionPage }) => {
  const page = await extensionPage('options');
  await page.getByRole('radio', { name: '简体中文' }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('heading', { name: '从 CRM 导入' })).toBeVisible();
  await expect(page.getByLabel('选择 CSV 或 Excel 文件')).toBeAttached();
  await expect(page.getByRole('button', { name: '下载完整备份（JSON）' })).toBeVisible();
  await expect(page.getByText('Rapport 将您的数据保存在此浏览器中')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.locator('input[type=file][accept*=csv]').setInputFiles(path.resolve('tests/fixtures/import/canonical-feedback.csv'));
  const card = page.locator('[data-import-status="done"]');
  await expect(card).toContainText('已导入 3 行');
  await expect(card).toContainText('评分超出范围：“7”');

  // Errors read in Chinese too: a file refused by the importer, a setting refused by the background.
  await page.locator('input[type=file][accept*=csv]').setInputFiles(path.resolve('tests/fixtures/import/broken/empty.csv'));
  await expect(page.locator('[data-file-name="empty.csv"]').getByRole('alert')).toHaveText('文件被拒绝：empty.csv 是空文件（没有表头行）。');
  await page.getByLabel('黄金：其后 % 的客户').fill('150');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '未保存' })).toHaveText('未保存：“黄金：其后 % 的客户”— 不能大于 100。');
});

test('cancelling an import rolls back everything it wrote', async ({ extensionPage }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'rapport-cancel-'));
  const file = path.join(dir, 'cancel-me.csv');
  const lines = ['customer_id,date,amount'];
  for (let i = 0; i < 200_000; i++) lines.push(`K${i % 3000},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i}`);
  writeFileSync(file, lines.join('\n'));
  const page = await extensionPage('options');
  await page.locator('input[type=file][accept*=csv]').setInputFiles(file);
  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(1 << 20);
  await page.getByRole('button', { name: 'Cancel import' }).click();
  const card = page.locator('[data-file-name="cancel-me.csv"]');
  await expect(card).toHaveAttribute('data-import-status', 'cancelled', { timeout: 150_000 });
  const counts = await page.evaluate(
    () =>
      new Promise<{ tx: number; customers: number; status: string }>((res) => {
        const r = indexedDB.open('rapport');
        r.onsuccess = () => {
          const t = r.result.transaction(['transactions', 'customers', 'importLog']);
          const a = t.objectStore('transactions').count();
          const b = t.objectStore('customers').count();
          const c = t.objectStore('importLog').getAll();
          t.oncomplete = () => res({ tx: a.result, customers: b.result, status: (c.result[0] as { status: string }).status });
        };
      }),
  );
  expect(counts).toEqual({ tx: 0, customers: 0, status: 'cancelled' });
  rmSync(dir, { recursive: true, force: true });
});
