/**
 * Where the demo shows each CRM: the committed fixture pages (tests/fixtures/<crm>/) served
 * at the CRM's real URLs (from each CRM's book: its demo tenant and record links), and which
 * sample story each record fixture shows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BOOKS } from '../../lib/crm/books';
import { STORIES, type Story } from '../../lib/sample/stories';
import { CRM_IDS, type CrmId } from '../../lib/schemas/values';

export interface DemoCrm {
  crm: CrmId;
  recordUrl: (id: string) => string;
  listUrl: string;
}

/** Every registered CRM at its demo tenant (its book's list view; record links built the way the side panel builds them). */
export const DEMO_CRMS: readonly DemoCrm[] = CRM_IDS.map((crm) => {
  const book = BOOKS[crm];
  const base = book.learnBase(new URL(book.demoListUrl));
  const recordUrl = (id: string): string => {
    const url = base && book.recordUrl({ objectType: 'account', id }, base);
    if (!url) throw new Error(`${crm}: the book's demoListUrl (${book.demoListUrl}) does not give a base to link account records from`);
    return url;
  };
  return { crm, recordUrl, listUrl: book.demoListUrl };
});

/** The account-level record page, by each CRM's own name for accounts; else any record page. */
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

export const recordFixture = (crm: CrmId): DemoFixture | null =>
  fixture(crm, (fs) => RECORD_FILES.find((f) => fs.includes(f)) ?? fs.find((f) => f.endsWith('-record.html')));
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
