/**
 * A hostile CRM page cannot choose whose data it sees: moving its URL to another record or faking
 * the company domain in its header shows nothing of a customer; the same record id in another
 * tenant of the CRM is not the customer; the link picker opens only on the user's own click; a
 * record on the privacy "never log" list is not tracked.
 */
import { STORIES, UNKNOWN_RECORD } from '../../lib/sample/stories';
import { crmFixture, crmTest, expect, expectStoryOverlay, overlayText } from './support/crm';
import { extensionIdOf } from './support/extension';

const ORG = 'https://acme.lightning.force.com';
const OTHER_ORG = 'https://trial-evil.lightning.force.com';
const globex = STORIES[1]!;
const recordUrl = (org: string, id: string): string => `${org}/lightning/r/Account/${id}/view`;
/** The Globex fixture page, whatever record its URL names: header name and website say Globex. */
const test = crmTest('https://*.lightning.force.com/**', () => crmFixture('salesforce', 'account-record'));
const host = '[data-rapport-overlay="record"]';

/** Nothing of Globex (its tier, risk, reasons, actions; no candidate name) in the overlay — only what the page itself shows. */
async function expectNothingOfGlobex(page: import('@playwright/test').Page): Promise<void> {
  const h = page.locator(host);
  await expect(h).toHaveAttribute('data-state', 'unknown-customer');
  for (const a of ['data-tier', 'data-risk', 'data-nba']) expect(await h.getAttribute(a)).toBeNull();
  const text = await overlayText(page);
  expect(text).not.toMatch(/Platinum|Gold|Iron|High risk|Medium risk|Low risk|Why this risk|Executive sponsor/);
  expect(text).not.toContain(`Link to ${globex.name}`);
}

test('pushState to an unlinked record under a faked company header shows nothing of the customer', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(ORG, globex.crmIds.salesforce));
  await expectStoryOverlay(page, 'salesforce', globex);
  // Page script moves the URL to a record no customer holds; the header still says Globex (name and website).
  await page.evaluate((u) => history.pushState({}, '', u), recordUrl(ORG, UNKNOWN_RECORD.salesforce.id));
  await expect(page.locator(host)).toHaveAttribute('data-record-id', UNKNOWN_RECORD.salesforce.id);
  await expectNothingOfGlobex(page);
});

test('the same record id in another tenant of the CRM is not the customer', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(ORG, globex.crmIds.salesforce));
  await expectStoryOverlay(page, 'salesforce', globex);
  await page.goto(recordUrl(OTHER_ORG, globex.crmIds.salesforce));
  await expectNothingOfGlobex(page);
});

test('the link picker opens only on the user’s click, and offers names only', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(ORG, UNKNOWN_RECORD.salesforce.id));
  await expectNothingOfGlobex(page);
  const prompt = page.locator(host).locator('button[aria-haspopup]');
  // Script clicks and synthetic events are not the user's.
  await prompt.evaluate((b: HTMLElement) => {
    b.click();
    b.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
  await page.waitForTimeout(500);
  await expect(page.locator(host).locator('[data-link-candidate]')).toHaveCount(0);
  await expectNothingOfGlobex(page);
  await prompt.click();
  const pick = page.locator(host).locator('[data-link-candidate]');
  await expect(pick.first()).toHaveText(`Link to ${globex.name}`);
  expect(await pick.count()).toBeLessThanOrEqual(5);
  // Still nothing but names.
  expect(await page.locator(host).getAttribute('data-tier')).toBeNull();
  await pick.first().evaluate((b: HTMLElement) => b.click());
  await page.waitForTimeout(500);
  await expect(page.locator(host)).toHaveAttribute('data-state', 'unknown-customer');
});

type Chrome = { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } };

/** Change the settings through the real messages, from an extension page. */
async function withNeverLog(crm: import('@playwright/test').BrowserContext, neverLog: string[]): Promise<void> {
  const page = await crm.newPage();
  await page.goto(`chrome-extension://${await extensionIdOf(crm)}/options.html`);
  const reply = await page.evaluate(async (list) => {
    const { chrome } = globalThis as unknown as Chrome;
    const got = (await chrome.runtime.sendMessage({ type: 'getSettings', payload: {} })) as { data: Record<string, unknown> };
    return chrome.runtime.sendMessage({ type: 'saveSettings', payload: { settings: { ...got.data, neverLog: list } } });
  }, neverLog);
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  await page.close();
}

test('a record on the privacy “never log” list is not tracked, and the overlay says why', async ({ crm }) => {
  const u = UNKNOWN_RECORD.salesforce;
  await withNeverLog(crm, [u.id]);
  try {
    const page = await crm.newPage();
    await page.goto(recordUrl(ORG, u.id));
    const h = page.locator(host);
    await expect(h).toHaveAttribute('data-state', 'unknown-customer');
    await h.getByRole('button', { name: /^(Create customer|Track this customer)/ }).click();
    await expect(h).toHaveAttribute('data-state', 'error');
    expect(await overlayText(page)).toContain(`Not tracked: “${u.id}” is on your privacy “never log” list`);
    // nothing was stored: the record is still unknown after a reload
    await page.reload();
    await expect(h).toHaveAttribute('data-state', 'unknown-customer');
    await page.close();
  } finally {
    await withNeverLog(crm, []);
  }
});
