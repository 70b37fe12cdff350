/**
 * The overlay on Zoho CRM fixture pages served at real Zoho URLs, with the sample book loaded:
 * the record badge shows the story customer's tier/risk/action, list rows get chips, and an
 * in-app navigation to another record updates the overlay.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crmTest, expect, expectNoPageMarkupInside, expectStoryOverlay, spaNavigate, expectLinkThenStory } from './support/crm';
import { STORIES, type Story } from '../../lib/sample/stories';

const fixture = (name: string): string => readFileSync(path.resolve('tests/fixtures/zoho', `${name}.html`), 'utf8');
const TAB = 'https://crm.zoho.com/crm/org20067231/tab';
const recordUrl = (s: Story): string => `${TAB}/Accounts/${s.crmIds.zoho}`;
const LIST_URL = `${TAB}/Accounts/custom-view/4876876000000087501/list?page=1&per_page=100`;
const [northwind, globex] = [STORIES[0]!, STORIES[1]!];

/** One browser and one sample book for the file (support/crm.ts). */
const test = crmTest('https://crm.zoho.com/crm/**', (url) =>
  url.pathname.includes('/custom-view/')
    ? fixture('account-list')
    : url.pathname.includes('/Contacts/')
      ? fixture('contact-record')
      : url.pathname.endsWith(globex.crmIds.zoho)
        ? fixture('account-record-after-spa')
        : fixture('account-record'),
);

test('Zoho account record shows the story customer’s tier, risk and next action', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(northwind));
  await expectStoryOverlay(page, 'zoho', northwind);
  await expectNoPageMarkupInside(page);
});

test('Zoho contact record is offered its company through the email domain, shown once the user links it', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${TAB.replace('org20067231', 'acmesales')}/Contacts/4876876000000412003`);
  await expectLinkThenStory(page, 'zoho', STORIES[2]!, '4876876000000412003');
  await expectNoPageMarkupInside(page);
});

test('Zoho list view: every story row gets a chip with its tier and risk', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(LIST_URL);
  for (const s of STORIES) {
    const chip = page.locator(`[data-rapport-overlay="row"][data-record-id="${s.crmIds.zoho}"]`);
    await expect(chip).toHaveCount(1);
    await expect(chip).toHaveAttribute('data-tier', s.expected.tier);
    await expect(chip).toHaveAttribute('data-risk', s.expected.risk);
  }
  await expectNoPageMarkupInside(page);
});

test('Zoho in-app navigation to another account updates the overlay', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(northwind));
  await expectStoryOverlay(page, 'zoho', northwind);
  await spaNavigate(page, recordUrl(globex), fixture('account-record-after-spa'), '#crm-main');
  await expectStoryOverlay(page, 'zoho', globex);
});
