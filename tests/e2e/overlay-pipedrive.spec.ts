/**
 * The overlay on Pipedrive fixture pages served at a real company subdomain, with the sample book loaded:
 * the record badge shows the story customer's tier/risk/action, list rows get chips, and an
 * in-app navigation to another record updates the overlay.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crmTest, expect, expectNoPageMarkupInside, expectStoryOverlay, spaNavigate, expectLinkThenStory } from './support/crm';
import { STORIES } from '../../lib/sample/stories';

const fixture = (name: string): string => readFileSync(path.resolve('tests/fixtures/pipedrive', `${name}.html`), 'utf8');
const BASE = 'https://acme.pipedrive.com';
const [northwind, initech, huateng] = [STORIES[0]!, STORIES[2]!, STORIES[4]!];

/** One browser and one sample book for the file (support/crm.ts). */
const test = crmTest(`${BASE}/**`, (url) => {
  if (url.pathname.startsWith('/organizations/list')) return fixture('organization-list');
  if (url.pathname.startsWith('/person/')) return fixture('person-record');
  return url.pathname === `/organization/${initech.crmIds.pipedrive}` ? fixture('organization-record-after-spa') : fixture('organization-record');
});

test('Pipedrive organization shows the story customer’s tier, risk and next action', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${BASE}/organization/${northwind.crmIds.pipedrive}`);
  await expectStoryOverlay(page, 'pipedrive', northwind);
  await expectNoPageMarkupInside(page);
});

test('Pipedrive: the visible view wins over the hidden cached one', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${BASE}/organization/${initech.crmIds.pipedrive}`);
  await expectStoryOverlay(page, 'pipedrive', initech);
});

test('Pipedrive person is offered its organization through the email domain, shown once the user links it', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${BASE}/person/3105`);
  await expectLinkThenStory(page, 'pipedrive', huateng, '3105');
});

test('Pipedrive organizations list: every story row gets a chip with its tier and risk', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${BASE}/organizations/list/user/everyone`);
  for (const s of STORIES) {
    const chip = page.locator(`[data-rapport-overlay="row"][data-record-id="${s.crmIds.pipedrive}"]`);
    await expect(chip).toHaveCount(1);
    await expect(chip).toHaveAttribute('data-tier', s.expected.tier);
    await expect(chip).toHaveAttribute('data-risk', s.expected.risk);
  }
  await expectNoPageMarkupInside(page);
});

test('Pipedrive in-app navigation to another organization updates the overlay', async ({ crm }) => {
  const page = await crm.newPage();
  await page.goto(`${BASE}/organization/${northwind.crmIds.pipedrive}`);
  await expectStoryOverlay(page, 'pipedrive', northwind);
  await spaNavigate(page, `${BASE}/organization/${initech.crmIds.pipedrive}`, fixture('organization-record-after-spa'), '#pipedrive-frame');
  await expectStoryOverlay(page, 'pipedrive', initech);
});
