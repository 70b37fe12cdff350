/** Pipedrive adapter: organization, person and deal detail views and their list grids. */
import type { ObjectType } from '../../schemas/values';
import { queryAll } from '../../dom/query';
import { shown, valueOf, linkDomain, emailOf, recordRef } from '../read';
import type { CrmAdapter, ListPage, ListRow, RecordPage, RecordRef } from '../types';
import { PIPEDRIVE_MATCHES } from './hosts';
import { PIPEDRIVE_SELECTORS as S } from './selectors';
import { PD_RECORD, PD_RECORD_TYPES, isPipedriveHost, parsePipedriveUrl } from './urls';

const firstShown = (root: ParentNode, candidates: readonly string[]): Element | null => {
  for (const sel of candidates) {
    const hit = queryAll(root, [sel]).find((el) => shown(el) && valueOf(el));
    if (hit) return hit;
  }
  return null;
};

const LINK_KEY: Record<ObjectType, keyof typeof S | undefined> = {
  account: 'list.organizationLink',
  contact: 'list.personLink',
  deal: 'list.dealLink',
  lead: undefined,
};

function findTitle(root: ParentNode, _page: RecordPage): Element | null {
  return firstShown(root, S['record.title']);
}

export const pipedriveAdapter: CrmAdapter = {
  id: 'pipedrive',
  matches: PIPEDRIVE_MATCHES,
  isHost: isPipedriveHost,
  parseUrl: parsePipedriveUrl,
  selectors: S,
  findTitle,

  readRecord(root: ParentNode, page: RecordPage): RecordRef {
    const name = valueOf(findTitle(root, page));
    // An organization view lists its people's emails; only a person's own email identifies it.
    const email = page.objectType === 'contact' ? emailOf(firstShown(root, S['record.email'])) : undefined;
    const domain = page.objectType === 'account' ? linkDomain(firstShown(root, S['record.website'])) : undefined;
    return recordRef('pipedrive', page, { name, email, domain });
  },

  listRows(root: ParentNode, page: ListPage): ListRow[] {
    const key = LINK_KEY[page.objectType];
    if (!key) return [];
    const rows: ListRow[] = [];
    for (const row of queryAll(root, S['list.row'])) {
      if (!shown(row)) continue;
      for (const link of queryAll(row, S[key])) {
        let path: string;
        try {
          path = new URL(link.getAttribute('href') ?? '', 'https://app.pipedrive.com/').pathname;
        } catch {
          continue;
        }
        const m = PD_RECORD.exec(path);
        if (!m || PD_RECORD_TYPES[m[1]!] !== page.objectType) continue;
        rows.push({ row, recordId: m[2]!, mount: link.closest(S['list.cell'].join(', ')) ?? link.parentElement ?? row });
        break;
      }
    }
    return rows;
  },
};
