/**
 * Where the demo shows each CRM: the committed fixture pages (tests/fixtures/<crm>/) served
 * at the CRM's real URLs, and which sample story each record fixture shows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { STORIES, type Story } from '../../lib/sample/stories';
import type { CrmId } from '../../lib/schemas/values';

export interface DemoCrm {
  crm: CrmId;
  recordUrl: (id: string) => string;
  listUrl: string;
}

export const DEMO_CRMS: readonly DemoCrm[] = [
  {
    crm: 'salesforce',
    recordUrl: (id) => `https://rapport-demo.lightning.force.com/lightning/r/Account/${id}/view`,
    listUrl: 'https://rapport-demo.lightning.force.com/lightning/o/Account/list?filterName=Recent',
  },
  {
    crm: 'hubspot',
    recordUrl: (id) => `https://app.hubspot.com/contacts/4567890/record/0-2/${id}`,
    listUrl: 'https://app.hubspot.com/contacts/4567890/objects/0-2/views/all/list',
  },
  {
    crm: 'zoho',
    recordUrl: (id) => `https://crm.zoho.com/crm/org20067231/tab/Accounts/${id}`,
    listUrl: 'https://crm.zoho.com/crm/org20067231/tab/Accounts/custom-view/4876876000000087501/list',
  },
  {
    crm: 'dynamics',
    recordUrl: (id) => `https://rapport-demo.crm.dynamics.com/main.aspx?appid=00000000-0000-0000-0000-000000000001&pagetype=entityrecord&etn=account&id=${id}`,
    listUrl: 'https://rapport-demo.crm.dynamics.com/main.aspx?appid=00000000-0000-0000-0000-000000000001&pagetype=entitylist&etn=account',
  },
  {
    crm: 'pipedrive',
    recordUrl: (id) => `https://rapport-demo.pipedrive.com/organization/${id}`,
    listUrl: 'https://rapport-demo.pipedrive.com/organizations/list/user/everyone',
  },
  {
    crm: 'fxiaoke',
    recordUrl: (id) => `https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/${id}`,
    listUrl: 'https://www.fxiaoke.com/XV/UI/Home#paasapp/list/=/appId_CRM/AccountObj',
  },
];

const RECORD_FILES = ['account-record.html', 'company-record.html', 'organization-record.html'];

export interface DemoFixture {
  file: string;
  html: string;
}

function fixture(crm: CrmId, pick: (files: string[]) => string | undefined): DemoFixture | null {
  const dir = path.resolve('tests/fixtures', crm);
  if (!existsSync(dir)) return null;
  const file = pick(readdirSync(dir));
  return file ? { file: path.join(dir, file), html: readFileSync(path.join(dir, file), 'utf8') } : null;
}

export const recordFixture = (crm: CrmId): DemoFixture | null => fixture(crm, (fs) => RECORD_FILES.find((f) => fs.includes(f)));
export const listFixture = (crm: CrmId): DemoFixture | null =>
  fixture(
    crm,
    (fs) =>
      fs
        .filter((f) => f.endsWith('list.html'))
        .sort(
          (a, b) =>
            Number(b.startsWith('account') || b.startsWith('compan') || b.startsWith('organ')) -
            Number(a.startsWith('account') || a.startsWith('compan') || a.startsWith('organ')),
        )[0],
  );

/** The story a record fixture shows: the one whose record id it mentions most, else the one its title names. */
export function storyIn(crm: CrmId, html: string): Story | null {
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? '';
  const lower = html.toLowerCase();
  let best: Story | null = null;
  let bestCount = 0;
  for (const s of STORIES) {
    const count = lower.split(s.crmIds[crm].toLowerCase()).length - 1;
    if (count > bestCount) [best, bestCount] = [s, count];
  }
  return best ?? STORIES.find((s) => title.startsWith(s.name)) ?? null;
}
