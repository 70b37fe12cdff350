/**
 * The overlay's expanded card: an extension-origin iframe inside the record overlay. It shows the
 * scored date, churn risk and CLV with their ranges, what changed since last week with the
 * 12-week sparkline, the next step with why it comes first; Done, Dismiss (with a reason) and
 * Snooze (choices) each offer Undo. The sample book is rescored a week back first, so there is
 * history to compare with.
 */
import type { BrowserContext, FrameLocator, Page } from '@playwright/test';
import { STORIES } from '../../lib/sample/stories';
import { addDays, today } from '../../lib/clock';
import { crmFixture, crmTest, expect, expectStoryOverlay } from './support/crm';
import { extensionIdOf } from './support/extension';

const ORG = 'https://acme.lightning.force.com';
const [northwind, globex, initech] = [STORIES[0]!, STORIES[1]!, STORIES[2]!];
const recordUrl = (id: string): string => `${ORG}/lightning/r/Account/${id}/view`;
type Chrome = { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } };

/** Rescore the book a week ago, then today: the score history then has a row a week back. */
async function withHistory(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${await extensionIdOf(context)}/options.html`);
  for (const asOf of [addDays(today(), -7), today()]) {
    const reply = await page.evaluate((d) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: 'rescoreAll', payload: { asOf: d } }), asOf);
    expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  }
  await page.close();
}

const test = crmTest(`${ORG}/**`, () => crmFixture('salesforce', 'account-record'));
test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ crm }) => {
  // Two rescores of the whole sample book: slow on a loaded machine.
  test.setTimeout(300_000);
  await withHistory(crm);
});

async function openCard(page: Page, story: (typeof STORIES)[number]): Promise<FrameLocator> {
  await page.goto(recordUrl(story.crmIds.salesforce));
  await expectStoryOverlay(page, 'salesforce', story);
  const host = page.locator('[data-rapport-overlay="record"]');
  await host.getByRole('button', { name: 'Details' }).click();
  const frame = page.frameLocator('[data-rapport-overlay="record"] iframe#rapport-card');
  await expect(frame.locator('.card')).toBeVisible();
  return frame;
}

test('the card shows the scored date, risk and CLV ranges, changes since last week, the sparkline and why the next step comes first', async ({ crm }) => {
  const page = await crm.newPage();
  const frame = await openCard(page, globex);
  // The page cannot read the card: it is another origin.
  expect(await page.locator('iframe#rapport-card').evaluate((f: HTMLIFrameElement) => f.contentDocument)).toBeNull();
  await expect(frame.locator('.card-scored')).toHaveText('Scored today');
  await expect(frame.locator('[data-rapport-card="risk"]')).toHaveText(/High risk · \d+% \(80 % range \d+%–\d+%\)/);
  await expect(frame.locator('[data-rapport-card="clv"]')).toHaveText(/\$[\d,]+ \(80 % range -?\$[\d,]+–\$[\d,]+\)/);
  await expect(frame.getByText('Why this risk')).toBeVisible();
  await expect(frame.locator('.card-reasons li').first()).toHaveText(/^[+−]\d+ /);
  await expect(frame.locator('[data-rapport-card="changes"] li').first()).toHaveText(/^Risk score \d+ → \d+$/);
  const spark = frame.locator('svg[data-rapport-trend]');
  await expect(spark).toHaveAttribute('data-points', '2');
  await expect(frame.locator('[data-rapport-card="next"]')).toHaveText(/^Executive sponsor \(due .+\) — First for a Platinum customer at High risk: .+/);
});

test('Done replaces the next step; Undo brings it back', async ({ crm }) => {
  const page = await crm.newPage();
  const frame = await openCard(page, globex);
  const host = page.locator('[data-rapport-overlay="record"]');
  await frame.getByRole('button', { name: /^Done: Executive sponsor/ }).click();
  await expect(host).not.toHaveAttribute('data-nba', 'exec-sponsor');
  await expect(frame.locator('li[data-action-kind="exec-sponsor"]')).toHaveCount(0);
  await frame.getByRole('button', { name: 'Undo' }).click();
  await expect(host).toHaveAttribute('data-nba', 'exec-sponsor');
  await expect(frame.locator('li[data-action-kind="exec-sponsor"]')).toHaveCount(1);
});

test('Dismiss asks why (a short list or the user’s words); Undo reopens', async ({ crm }) => {
  const page = await crm.newPage();
  const frame = await openCard(page, northwind);
  const first = frame.locator('li[data-action-kind]').first();
  const kind = (await first.getAttribute('data-action-kind'))!;
  await first.getByRole('button', { name: /^Dismiss:/ }).click();
  for (const reason of ['Not relevant', 'Already done elsewhere', 'Wrong customer or data', 'Other'])
    await expect(first.getByRole('radio', { name: reason })).toBeVisible();
  await first.getByRole('radio', { name: 'Other' }).check();
  await expect(first.getByRole('button', { name: 'Dismiss action' })).toBeDisabled();
  await first.getByRole('textbox', { name: 'Your reason' }).fill('Handled by the partner');
  await first.getByRole('button', { name: 'Dismiss action' }).click();
  await expect(frame.locator('[data-rapport-undo]')).toContainText('dismissed');
  await expect(frame.locator(`li[data-action-kind="${kind}"]`)).toHaveCount(0);
  await frame.getByRole('button', { name: 'Undo' }).click();
  await expect(frame.locator(`li[data-action-kind="${kind}"]`)).toHaveCount(1);
});

test('Snooze offers tomorrow, next week, next month or a date; Undo reopens', async ({ crm }) => {
  const page = await crm.newPage();
  const frame = await openCard(page, initech);
  const first = frame.locator('li[data-action-kind]').first();
  const kind = (await first.getAttribute('data-action-kind'))!;
  await first.getByRole('button', { name: /^Snooze:/ }).click();
  for (const choice of ['Tomorrow', 'Next week', 'Next month']) await expect(first.getByRole('button', { name: choice, exact: true })).toBeVisible();
  await expect(first.locator('input[type="date"]')).toHaveAttribute('max', addDays(today(), 365));
  await first.getByRole('button', { name: 'Next week', exact: true }).click();
  await expect(frame.locator('[data-rapport-undo]')).toContainText('snoozed until');
  await expect(frame.locator(`li[data-action-kind="${kind}"]`)).toHaveCount(0);
  await frame.getByRole('button', { name: 'Undo' }).click();
  await expect(frame.locator(`li[data-action-kind="${kind}"]`)).toHaveCount(1);
});

test('the card is marked “Sample data” for a sample customer, and its actions show without scrolling', async ({ crm }) => {
  const page = await crm.newPage();
  for (const story of [initech, globex]) {
    const frame = await openCard(page, story);
    await expect(frame.locator('[data-rapport-sample]')).toHaveText('Sample data');
    // At the frame's default size: every Done / Dismiss / Snooze of the first action is inside the first screen.
    const first = frame.locator('li[data-action-kind]').first();
    for (const name of [/^Done:/, /^Dismiss:/, /^Snooze:/]) {
      const inView = await first.getByRole('button', { name }).evaluate((b) => {
        const r = b.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && document.scrollingElement!.scrollTop === 0;
      });
      expect(inView, `${story.name}: ${String(name)}`).toBe(true);
    }
  }
});

test('keyboard: focus moves into the card; Esc in the card or on the page closes it and returns to Details', async ({ crm }) => {
  const page = await crm.newPage();
  const frame = await openCard(page, northwind);
  const host = page.locator('[data-rapport-overlay="record"]');
  const card = page.locator('[data-rapport-overlay="record"] iframe#rapport-card');
  await expect(frame.getByRole('main')).toBeFocused();
  // The first Esc closes an open panel, the next the card.
  await frame
    .locator('li[data-action-kind]')
    .first()
    .getByRole('button', { name: /^Snooze:/ })
    .click();
  await expect(frame.getByRole('button', { name: 'Tomorrow', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(frame.getByRole('button', { name: 'Tomorrow', exact: true })).toHaveCount(0);
  await expect(card).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  const details = host.getByRole('button', { name: 'Details' });
  await expect(details).toBeFocused();
  // Open from the keyboard, leave the card for the page, Esc there closes it too.
  await page.keyboard.press('Enter');
  await expect(frame.getByRole('main')).toBeFocused();
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(details).toBeFocused();
  // A message the page posts itself does not close the card.
  await details.click();
  await expect(frame.locator('.card')).toBeVisible();
  await page.evaluate(() => window.postMessage({ type: 'rapport:close-card' }, '*'));
  await page.waitForTimeout(300);
  await expect(card).toHaveCount(1);
});
