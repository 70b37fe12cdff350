/**
 * The side panel follows the active tab: with a Salesforce record of a sample customer open,
 * the Customer view shows that customer, explains its risk, and links back to the record on
 * the org host it learnt from the tab.
 */
import { test, expect, serveHtml } from './support/extension';
import { STORIES } from '../../lib/sample/stories';

const GLOBEX = STORIES.find((s) => s.story === 'big-account-going-quiet')!;
const SF_HOST = 'https://rapport-sidepanel.lightning.force.com';

const lightningAccount = (name: string): string => `<!doctype html><html><head><title>${name} | Account | Salesforce</title></head><body>
  <div class="slds-page-header"><records-highlights2><h1><div class="entityNameTitle">Account</div>
  <slot name="primaryField"><lightning-formatted-text>${name}</lightning-formatted-text></slot></h1></records-highlights2></div></body></html>`;

test('Customer view shows the customer of the active CRM tab, with why-this-risk and a link back', async ({ context, extensionPage }) => {
  // Generating, writing and scoring the sample book takes up to ~50 s on a loaded machine.
  test.slow();
  const panel = await extensionPage('sidepanel');
  const reply = await panel.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime.sendMessage({
      type: 'loadSampleData',
      payload: {},
    }),
  );
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  await panel.reload();
  await panel.getByRole('tab', { name: 'Customer' }).click();
  await expect(panel.getByText(/Open a customer record in your CRM/)).toBeVisible();

  await serveHtml(context, `${SF_HOST}/**`, lightningAccount(GLOBEX.name));
  const crm = await context.newPage();
  await crm.goto(`${SF_HOST}/lightning/r/Account/${GLOBEX.crmIds.salesforce}/view`);
  await expect(crm.locator('[data-rapport-overlay="record"]')).toHaveAttribute('data-state', 'ready');

  await expect(panel.getByRole('heading', { name: GLOBEX.name })).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByText('Showing the customer open in the current tab.')).toBeVisible();
  await expect(panel.locator('[data-rapport-customer]')).toHaveAttribute('data-rapport-customer', GLOBEX.customerId);
  expect(await panel.locator('[data-rapport-factor]').count()).toBeGreaterThan(0);
  await expect(panel.getByRole('link', { name: `Open ${GLOBEX.name} in Salesforce` })).toHaveAttribute(
    'href',
    `${SF_HOST}/lightning/r/Account/${GLOBEX.crmIds.salesforce}/view`,
  );
});
