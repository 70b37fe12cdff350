/**
 * The overlay on Fxiaoke 纷享销客 fixture pages served at the real web app URL, with the sample book loaded:
 * the record badge shows the story customer's tier/risk/action, list rows get chips, and an
 * in-app navigation to another record updates the overlay.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { crmTest, expect, expectNoPageMarkupInside, expectStoryOverlay, expectLinkThenStory } from './support/crm';
import { STORIES } from '../../lib/sample/stories';

const fixture = (name: string): string => readFileSync(path.resolve('tests/fixtures/fxiaoke', `${name}.html`), 'utf8');
const HOME = 'https://www.fxiaoke.com/XV/UI/Home';
const detailUrl = (obj: string, id: string): string => `${HOME}#crm/detail/=/${obj}/${id}`;
const LIST_URL = `${HOME}#paasapp/list/=/appId_CRM/AccountObj`;
const [globex, huateng] = [STORIES[1]!, STORIES[4]!];
const CONTACT_ID = '5f1e2d3c4b5a69788796a5b4';
const FIXTURES = ['account-record', 'contact-record', 'account-list', 'account-record-after-spa'];

/** Hash routing: the hash changes first, the detail slide-over renders a moment later (docs/crm/README.md §Navigation). */
async function hashNavigate(page: Page, hash: string, html: string, container: string): Promise<void> {
  await page.evaluate(
    async ([h, markup, sel]) => {
      location.hash = h;
      await new Promise((r) => setTimeout(r, 300));
      const next = new DOMParser().parseFromString(markup, 'text/html');
      document.querySelector(sel)!.replaceWith(document.adoptNode(next.querySelector(sel)!));
    },
    [hash, html, container] as const,
  );
}

/**
 * One browser and one sample book for the file (support/crm.ts). One shell page; the hash (never
 * sent to the server) picks the view, so each test names the fixture it opens first with `?fx=`.
 */
const test = crmTest('https://www.fxiaoke.com/XV/UI/Home**', (url) => fixture(FIXTURES.find((f) => f === url.searchParams.get('fx')) ?? 'account-record'));

const open = async (page: Page, fx: string, hashUrl: string): Promise<void> => {
  await page.goto(hashUrl.replace(HOME, `${HOME}?fx=${fx}`));
};

test('Fxiaoke 客户 detail shows the story customer’s tier, risk and next action', async ({ crm }) => {
  const page = await crm.newPage();
  await open(page, 'account-record', detailUrl('AccountObj', huateng.crmIds.fxiaoke));
  await expectStoryOverlay(page, 'fxiaoke', huateng);
  await expectNoPageMarkupInside(page);
});

test('Fxiaoke 联系人 is offered its 客户 through the email domain, shown once the user links it', async ({ crm }) => {
  const page = await crm.newPage();
  await open(page, 'contact-record', detailUrl('ContactObj', CONTACT_ID));
  await expectLinkThenStory(page, 'fxiaoke', huateng, CONTACT_ID);
});

test('Fxiaoke 客户 list: every story row gets a chip with its tier and risk', async ({ crm }) => {
  const page = await crm.newPage();
  await open(page, 'account-list', LIST_URL);
  for (const s of STORIES) {
    const chip = page.locator(`[data-rapport-overlay="row"][data-record-id="${s.crmIds.fxiaoke}"]`);
    await expect(chip).toHaveCount(1);
    await expect(chip).toHaveAttribute('data-tier', s.expected.tier);
    await expect(chip).toHaveAttribute('data-risk', s.expected.risk);
  }
  await expectNoPageMarkupInside(page);
});

test('Fxiaoke: opening a 客户 from the list (hash change, slide-over) shows its overlay', async ({ crm }) => {
  const page = await crm.newPage();
  await open(page, 'account-list', LIST_URL);
  await expect(page.locator('[data-rapport-overlay="row"]').first()).toBeAttached();
  await hashNavigate(page, `#crm/detail/=/AccountObj/${globex.crmIds.fxiaoke}`, fixture('account-record-after-spa'), '#app');
  await expectStoryOverlay(page, 'fxiaoke', globex);
});
