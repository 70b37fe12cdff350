/**
 * The overlay on Dynamics 365 fixture pages served at a real model-driven app URL, with the sample book loaded:
 * the record badge shows the story customer's tier/risk/action, list rows get chips, and an
 * in-app navigation to another record updates the overlay.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crmTest, expect, expectNoPageMarkupInside, expectStoryOverlay, spaNavigate, expectLinkThenStory } from './support/crm';
import { STORIES } from '../../lib/sample/stories';

const fixture = (name: string): string => readFileSync(path.resolve('tests/fixtures/dynamics', `${name}.html`), 'utf8');
const APP = 'https://contoso.crm4.dynamics.com/main.aspx?appid=4c3a7f0e-8d2b-4f7a-9b1e-2f6d1c0a9e55';
const recordUrl = (id: string, etn = 'account'): string => `${APP}&pagetype=entityrecord&etn=${etn}&id=${id}`;
const LIST_URL = `${APP}&pagetype=entitylist&etn=account&viewid=00000000-0000-0000-00aa-000010001001&viewtype=1039`;
const [northwind, globex, huateng, stark] = [STORIES[0]!, STORIES[1]!, STORIES[4]!, STORIES[5]!];
const CONTACT_ID = '6d2f7a10-3c4b-4e5f-8a9b-0c1d2e3f4a56';

/** One browser and one sample book for the file (support/crm.ts). */
const test = crmTest(
  'https://contoso.crm4.dynamics.com/main.aspx**',
  (url) => {
    const q = url.searchParams;
    if (q.get('pagetype') === 'entitylist') return fixture('account-list');
    if (q.get('etn') === 'contact') return fixture('contact-record');
    const id = (q.get('id') ?? '').replace(/[{}]/g, '').toLowerCase();
    if (id === huateng.crmIds.dynamics) return fixture('multi-session');
    return id === globex.crmIds.dynamics ? fixture('account-record-after-spa') : fixture('account-record');
  },
  // The app's loader script (what Level Up detects Dynamics by): served empty.
  (context) => context.route('https://contoso.crm4.dynamics.com/uclient/**', (route) => route.fulfill({ contentType: 'text/javascript', body: '' })),
);

test('Dynamics account form shows the story customer’s tier, risk and next action', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(northwind.crmIds.dynamics));
  await expectStoryOverlay(page, 'dynamics', northwind);
  await expectNoPageMarkupInside(page);
});

test('Dynamics URL with an upper-case GUID in braces resolves to the same customer', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(`%7B${globex.crmIds.dynamics.toUpperCase()}%7D`));
  await expectStoryOverlay(page, 'dynamics', globex);
});

test('Dynamics multi-session workspace: the focused session’s account, not the hidden one', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(huateng.crmIds.dynamics));
  await expectStoryOverlay(page, 'dynamics', huateng);
  const shown = await page
    .locator('[data-rapport-overlay="record"]')
    .evaluate((h) => h.closest('[data-id^="session-"]')?.getAttribute('data-id') ?? 'outside sessions');
  expect(shown).not.toBe('session-1');
});

test('Dynamics contact form is offered its company through the email domain, shown once the user links it', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(CONTACT_ID, 'contact'));
  await expectLinkThenStory(page, 'dynamics', stark, CONTACT_ID);
});

test('Dynamics grid: every story row gets a chip with its tier and risk', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(LIST_URL);
  for (const s of STORIES) {
    const chip = page.locator(`[data-rapport-overlay="row"][data-record-id="${s.crmIds.dynamics}"]`);
    await expect(chip).toHaveCount(1);
    await expect(chip).toHaveAttribute('data-tier', s.expected.tier);
    await expect(chip).toHaveAttribute('data-risk', s.expected.risk);
  }
  await expectNoPageMarkupInside(page);
});

test('Dynamics in-app navigation to another account updates the overlay', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(northwind.crmIds.dynamics));
  await expectStoryOverlay(page, 'dynamics', northwind);
  await spaNavigate(page, recordUrl(globex.crmIds.dynamics), fixture('account-record-after-spa'), '#mainContent');
  await expectStoryOverlay(page, 'dynamics', globex);
});
