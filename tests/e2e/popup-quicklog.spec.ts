/**
 * The popup quick-log on the built extension with the sample book: opened on a Salesforce
 * record tab it knows the customer, logs an interaction with the keyboard only, and the
 * overlay on the CRM tab updates; away from any CRM record it finds a Chinese customer by
 * pinyin initials. The popup page is opened as a tab, so `?tabId=` says which tab is "active".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, serveHtml } from './support/extension';
import { STORIES } from '../../lib/sample/stories';

const GLOBEX = STORIES.find((s) => s.story === 'big-account-going-quiet')!;
const HUATENG = STORIES.find((s) => s.story === 'single-threaded-key-account')!;
const SF_HOST = 'https://rapport-demo.lightning.force.com';

type Chrome = {
  runtime: { sendMessage: (m: unknown) => Promise<unknown> };
  tabs: { query: (q: { url: string }) => Promise<{ id?: number }[]> };
};

/** Generating, writing and scoring the sample book takes up to ~50 s on a loaded machine: the test gets more time. */
async function loadSample(page: Page): Promise<void> {
  test.slow();
  const reply = await page.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'loadSampleData', payload: {} }));
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
}

/**
 * The record page for a URL: a captured Salesforce fixture (tests/fixtures/salesforce/) that
 * shows this record id, else a bare Lightning account page with the story customer's name.
 */
function salesforceRecordPage(url: URL): string {
  const id = url.pathname.split('/')[4] ?? '';
  const dir = path.resolve('tests/fixtures/salesforce');
  for (const f of existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.html')) : []) {
    const html = readFileSync(path.join(dir, f), 'utf8');
    if (html.includes(id) && /<html/i.test(html)) return html;
  }
  const name = STORIES.find((s) => s.crmIds.salesforce === id)?.name ?? '';
  return `<!doctype html><html><head><title>${name} | Account | Salesforce</title></head><body>
    <div class="slds-page-header"><records-highlights2><h1><div class="entityNameTitle">Account</div>
    <slot name="primaryField"><lightning-formatted-text>${name}</lightning-formatted-text></slot></h1></records-highlights2></div></body></html>`;
}

async function openCrmTab(context: BrowserContext, popupHelper: Page, recordId: string): Promise<{ crm: Page; tabId: number }> {
  await serveHtml(context, `${SF_HOST}/**`, salesforceRecordPage);
  const crm = await context.newPage();
  await crm.goto(`${SF_HOST}/lightning/r/Account/${recordId}/view`);
  const tabs = await popupHelper.evaluate((host) => (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({ url: `${host}/*` }), SF_HOST);
  expect(tabs).toHaveLength(1);
  return { crm, tabId: tabs[0]!.id! };
}

const overlay = (crm: Page) => crm.locator('[data-rapport-overlay="record"]');
const overlayText = (crm: Page): Promise<string> => overlay(crm).evaluate((host) => (host.shadowRoot ?? host).textContent ?? '');

test('opened on a Salesforce record, the popup logs with the keyboard and the overlay updates', async ({ context, extensionPage }) => {
  const helper = await extensionPage('popup');
  await loadSample(helper);
  const { crm, tabId } = await openCrmTab(context, helper, GLOBEX.crmIds.salesforce);
  await expect(overlay(crm)).toHaveAttribute('data-state', 'ready');
  await expect(overlay(crm)).toHaveAttribute('data-record-id', GLOBEX.crmIds.salesforce);
  const before = await overlayText(crm);

  const popup = await extensionPage('popup', `?tabId=${tabId}`);
  await expect(popup.getByRole('combobox', { name: 'Customer' })).toHaveValue(GLOBEX.name);
  const summary = popup.getByRole('textbox', { name: 'Summary' });
  await expect(summary).toBeFocused();
  await expect(popup.getByLabel('Date')).not.toHaveValue('');
  await popup.keyboard.type('Called the CFO: renewal back on track, wants a QBR');
  await popup.keyboard.press('Tab'); // Channel
  await popup.keyboard.press('1'); // Call
  await popup.keyboard.press('Tab'); // Sentiment
  await popup.keyboard.press('1'); // Positive
  await expect(popup.getByRole('radio', { name: /Positive/ })).toBeChecked();
  await popup.keyboard.press('Control+Enter');

  const saved = popup.locator('[data-rapport-saved]');
  await expect(saved).toHaveAttribute('data-customer-id', GLOBEX.customerId);
  await expect(saved).toContainText(`Saved for ${GLOBEX.name}`);
  await expect(saved).not.toHaveAttribute('data-tier', '');

  // The CRM tab hears about the change and shows the rescored customer.
  await expect.poll(() => overlayText(crm), { timeout: 5_000 }).not.toBe(before);
  await expect(overlay(crm)).toHaveAttribute('data-state', 'ready');
  await expect(overlay(crm)).toHaveAttribute('data-tier', (await saved.getAttribute('data-tier'))!);
  await expect(overlay(crm)).toHaveAttribute('data-risk', (await saved.getAttribute('data-risk'))!);
});

test('away from a CRM record, the popup finds 上海华腾 by pinyin initials and saves', async ({ extensionPage }) => {
  const helper = await extensionPage('popup');
  await loadSample(helper);
  const popup = await extensionPage('popup');
  const customer = popup.getByRole('combobox', { name: 'Customer' });
  await expect(customer).toBeFocused();
  await popup.keyboard.type('htmy');
  await expect(popup.getByRole('option', { name: new RegExp(HUATENG.name) })).toHaveAttribute('aria-selected', 'true');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('textbox', { name: 'Summary' })).toBeFocused();
  await popup.keyboard.type('季度回访：客户对交付满意');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.locator('[data-rapport-saved]')).toHaveAttribute('data-customer-id', HUATENG.customerId);
});

test('a draft survives closing the popup, and a missing summary is refused without losing it', async ({ extensionPage }) => {
  const helper = await extensionPage('popup');
  await loadSample(helper);
  let popup = await extensionPage('popup');
  await expect(popup.getByRole('combobox', { name: 'Customer' })).toBeFocused();
  await popup.keyboard.type('globex');
  // Pick the customer once the search has answered, as a person would.
  await expect(popup.getByRole('option', { name: new RegExp(GLOBEX.name) })).toHaveAttribute('aria-selected', 'true');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('textbox', { name: 'Summary' })).toBeFocused();
  await popup.getByLabel('Contact').fill('Dana');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByText('Write a short summary.')).toBeVisible();
  await expect(popup.getByRole('textbox', { name: 'Summary' })).toHaveAttribute('aria-invalid', 'true');
  await popup.waitForTimeout(300); // the draft is stored a moment after typing
  await popup.close();

  popup = await extensionPage('popup');
  await expect(popup.getByText('Your unsaved draft was restored.')).toBeVisible();
  await expect(popup.getByRole('combobox', { name: 'Customer' })).toHaveValue(GLOBEX.name);
  await expect(popup.getByLabel('Contact')).toHaveValue('Dana');
});
