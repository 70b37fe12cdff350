/** The overlay on HubSpot fixture pages served at real HubSpot URLs, with the sample book loaded. */
import { STORIES, UNKNOWN_RECORD } from '../../lib/sample/stories';
import { crmFixture, crmTest, expect, expectNoPageMarkupInside, expectStoryOverlay, spaNavigate, expectLinkThenStory } from './support/crm';

const APP = 'https://app.hubspot.com';
const PORTAL = `${APP}/contacts/4567890`;
const [initech, umbrella] = [STORIES[2]!, STORIES[3]!];

const test = crmTest(`${APP}/**`, (url) => {
  const p = url.pathname;
  if (p.includes('/objects/')) return crmFixture('hubspot', 'company-list');
  if (p.includes('/record/0-1/')) return crmFixture('hubspot', 'contact-record');
  if (p.endsWith(umbrella.crmIds.hubspot)) return crmFixture('hubspot', 'company-record-after-spa');
  return crmFixture('hubspot', 'company-record');
});

test('a company record shows the story customer’s tier, risk and action', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${PORTAL}/record/0-2/${initech.crmIds.hubspot}`);
  await expectStoryOverlay(page, 'hubspot', initech);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expectNoPageMarkupInside(page);
});

test('the legacy company URL finds the same customer', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${PORTAL}/company/${initech.crmIds.hubspot}`);
  await expectStoryOverlay(page, 'hubspot', initech);
});

test('a contact is offered its company through the email domain, shown once the user links it', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${PORTAL}/record/0-1/55501`);
  await expectLinkThenStory(page, 'hubspot', initech, '55501');
});

test('the companies index gets a chip on every known row', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${PORTAL}/objects/0-2/views/all/list`);
  for (const s of STORIES) {
    const chip = page.locator(`[data-rapport-overlay="row"][data-record-id="${s.crmIds.hubspot}"]`);
    await expect(chip).toHaveCount(1);
    await expect(chip).toHaveAttribute('data-tier', s.expected.tier);
    await expect(chip).toHaveAttribute('data-risk', s.expected.risk);
  }
  await expect(page.locator(`[data-rapport-overlay="row"][data-record-id="${UNKNOWN_RECORD.hubspot.id}"]`)).toHaveCount(0);
});

test('SPA navigation to another company updates the overlay', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${PORTAL}/record/0-2/${initech.crmIds.hubspot}`);
  await expectStoryOverlay(page, 'hubspot', initech);
  await spaNavigate(page, `${PORTAL}/record/0-2/${umbrella.crmIds.hubspot}`, crmFixture('hubspot', 'company-record-after-spa'), '#hs-app');
  await expectStoryOverlay(page, 'hubspot', umbrella);
});
