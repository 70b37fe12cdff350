/**
 * The overlay on Salesforce Lightning fixture pages served at real Lightning URLs, with the
 * sample book loaded: story customers' tier/risk/action, the card, list chips, SPA navigation,
 * hostile field values, an unknown record tracked, and acting on an action.
 */
import { STORIES, UNKNOWN_RECORD } from '../../lib/sample/stories';
import { crmFixture, crmTest, expect, expectNoPageMarkupInside, expectStoryOverlay, overlayText, spaNavigate, expectLinkThenStory } from './support/crm';

const ORG = 'https://acme.lightning.force.com';
const [northwind, globex, initech] = [STORIES[0]!, STORIES[1]!, STORIES[2]!];
const recordUrl = (id: string, object = 'Account'): string => `${ORG}/lightning/r/${object}/${id}/view`;
const unknownPage = (): string =>
  crmFixture('salesforce', 'account-record')
    .replaceAll('Globex Industrial', UNKNOWN_RECORD.salesforce.name)
    .replaceAll('globex.example', 'unknown-prospect.example');

/** An opportunity page in the older Aura header layout (or, with `title` false, before any header renders). */
const SECRET = 'Confidential Renewal <b>Q4</b>';
const olderLayout = (title: boolean): string =>
  `<!doctype html><html><head><title>Opportunity | Salesforce</title></head><body><div class="windowViewMode-normal oneContent active">${
    title ? `<h1 class="slds-page-header__title">${SECRET.replaceAll('<', '&lt;')}</h1>` : `<p>${SECRET.replaceAll('<', '&lt;')}</p>`
  }</div></body></html>`;
const DRIFTED = '006Dn00000DrftXIAZ';
const NO_TITLE = '006Dn00000NoTtlIAZ';

const test = crmTest(`${ORG}/**`, (url) => {
  const p = url.pathname;
  if (p.includes(DRIFTED)) return olderLayout(true);
  if (p.includes(NO_TITLE)) return olderLayout(false);
  if (p.startsWith('/lightning/o/')) return crmFixture('salesforce', 'account-list');
  if (p.includes('/Contact/')) return crmFixture('salesforce', 'contact-record');
  if (p.includes(UNKNOWN_RECORD.salesforce.id)) return unknownPage();
  if (p.includes(northwind.crmIds.salesforce)) return crmFixture('salesforce', 'account-record-after-spa');
  if (p.includes(initech.crmIds.salesforce)) return crmFixture('salesforce', 'console');
  return crmFixture('salesforce', 'account-record');
});

test('a record page shows the story customer’s tier, risk and action; the card explains the risk', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(globex.crmIds.salesforce));
  await expectStoryOverlay(page, 'salesforce', globex);
  const host = page.locator('[data-rapport-overlay="record"]');
  await host.getByRole('button', { name: 'Details' }).click();
  await expect(host.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
  const text = await overlayText(page);
  expect(text).toContain('Platinum');
  expect(text).toContain('High risk');
  expect(text).toContain('Executive sponsor');
  const card = page.frameLocator('[data-rapport-overlay="record"] iframe#rapport-card');
  await expect(card.getByText('Why this risk')).toBeVisible();
});

test('a 15-character id in the URL finds the same customer', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(globex.crmIds.salesforce.slice(0, 15)));
  await expectStoryOverlay(page, 'salesforce', globex, globex.crmIds.salesforce.slice(0, 15));
});

test('hostile field values are shown as text and run nothing', async ({ crm }) => {
  const page = await crm.newPage();
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(recordUrl(globex.crmIds.salesforce));
  await expectStoryOverlay(page, 'salesforce', globex);
  await expect(page.getByText('<img src=x onerror="window.__pwned=1">', { exact: false })).toBeVisible();
  expect(
    await page.evaluate(() => [(window as unknown as { __pwned?: number }).__pwned, (window as unknown as { __pageScriptRan?: boolean }).__pageScriptRan]),
  ).toEqual([undefined, true]);
  await expectNoPageMarkupInside(page);
  expect(dialogs).toBe(0);
});

test('a contact is offered its account through the email domain, shown once the user links it', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl('003Dn00000PpLpaIAF', 'Contact'));
  await expectLinkThenStory(page, 'salesforce', globex, '003Dn00000PpLpaIAF');
});

test('in the console, the focused tab’s record is shown', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(initech.crmIds.salesforce));
  await expectStoryOverlay(page, 'salesforce', initech);
});

test('list view rows get chips for the customers Rapport knows, none for the others', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${ORG}/lightning/o/Account/list?filterName=Recent`);
  for (const s of STORIES) {
    const chip = page.locator(`[data-rapport-overlay="row"][data-record-id="${s.crmIds.salesforce}"]`);
    await expect(chip).toHaveCount(1);
    await expect(chip).toHaveAttribute('data-tier', s.expected.tier);
    await expect(chip).toHaveAttribute('data-risk', s.expected.risk);
  }
  await expect(page.locator(`[data-rapport-overlay="row"][data-record-id="${UNKNOWN_RECORD.salesforce.id}"]`)).toHaveCount(0);
  await expect(page.locator('[data-rapport-overlay="row"]')).toHaveCount(STORIES.length);
});

test('SPA navigation to another record moves the overlay, never duplicating it', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(globex.crmIds.salesforce));
  await expectStoryOverlay(page, 'salesforce', globex);
  await spaNavigate(page, recordUrl(northwind.crmIds.salesforce), crmFixture('salesforce', 'account-record-after-spa'), '#sf-app');
  await expectStoryOverlay(page, 'salesforce', northwind);
  await page.evaluate(() => history.pushState({}, '', '/lightning/page/home'));
  await expect(page.locator('[data-rapport-overlay="record"]')).toHaveCount(0);
});

test('an unknown record offers to track it, and tracking shows its scores', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(UNKNOWN_RECORD.salesforce.id));
  const host = page.locator('[data-rapport-overlay="record"]');
  await expect(host).toHaveAttribute('data-state', 'unknown-customer');
  expect(await host.getAttribute('data-tier')).toBeNull();
  await host.getByRole('button', { name: `Create customer “${UNKNOWN_RECORD.salesforce.name}”` }).click();
  await expect(host).toHaveAttribute('data-state', 'ready');
  await expect(host).toHaveAttribute('data-tier', /platinum|gold|iron|lead/);
});

test('marking the next action done replaces it with the next recommendation', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(recordUrl(globex.crmIds.salesforce));
  await expectStoryOverlay(page, 'salesforce', globex);
  const host = page.locator('[data-rapport-overlay="record"]');
  await host.getByRole('button', { name: 'Details' }).click();
  const card = page.frameLocator('[data-rapport-overlay="record"] iframe#rapport-card');
  await card.getByRole('button', { name: /^Done: Executive sponsor/ }).click();
  await expect(host).not.toHaveAttribute('data-nba', 'exec-sponsor');
  await expect(card.locator('li[data-action-kind="exec-sponsor"]')).toHaveCount(0);
});

test('selector drift is logged once the page settles, by key and candidate only — never page text', async ({ crm }) => {
  const page = await crm.newPage();
  const logged: string[] = [];
  page.on('console', (m) => {
    if (m.text().startsWith('[Rapport]')) logged.push(m.text());
  });
  await page.goto(recordUrl(DRIFTED, 'Opportunity'));
  const host = page.locator('[data-rapport-overlay="record"]');
  await expect(host).toHaveAttribute('data-state', 'unknown-customer');
  await expect(host).not.toHaveAttribute('data-floating', '');
  await expect.poll(() => logged, { timeout: 8000 }).toEqual(['[Rapport] salesforce selector "record.title": only candidate 3 of 3 matched']);

  await page.goto(recordUrl(NO_TITLE, 'Opportunity'));
  await expect(host).toHaveAttribute('data-floating', '', { timeout: 8000 });
  await expect.poll(() => logged.slice(1), { timeout: 8000 }).toEqual(['[Rapport] salesforce selector "record.title": no candidate of 3 matched']);
  expect(logged.join('\n')).not.toMatch(/Confidential|Renewal|Q4/);
});
