/** Zoho CRM adapter: Accounts, Contacts, Deals (Potentials) record pages and custom-view lists. */
import { queryAll, textOf } from '../../dom/query';
import { shown, linkDomain, emailOf, recordRef } from '../read';
import type { CrmAdapter, ListPage, ListRow, RecordPage, RecordRef } from '../types';
import { ZOHO_MATCHES } from './hosts';
import { ZOHO_SELECTORS as S } from './selectors';
import { ZOHO_RECORD, isZohoHost, parseZohoUrl } from './urls';

const visibleFirst = (els: Element[]): Element | null => els.find(shown) ?? null;
const RECORD_ID = /^\d{10,20}$/;

function rowRecordId(row: Element): { id: string; link: Element | null } | null {
  for (const link of row.querySelectorAll(S['list.recordLink'].join(', '))) {
    const href = link.getAttribute('href') ?? '';
    const m = ZOHO_RECORD.exec(href.split('?')[0]!);
    if (m) return { id: m[2]!, link };
  }
  // Click-handled rows without anchors: the row's own id attributes (crm-pages.md §3.3, unverified).
  for (const attr of ['data-id', 'data-record-id', 'id']) {
    const v = row.getAttribute(attr);
    if (v && RECORD_ID.test(v)) return { id: v, link: null };
  }
  return null;
}

function findTitle(root: ParentNode, _page: RecordPage): Element | null {
  for (const sel of S['record.title']) {
    const hit = visibleFirst(queryAll(root, [sel]));
    if (hit && textOf(hit)) return hit;
  }
  return null;
}

export const zohoAdapter: CrmAdapter = {
  id: 'zoho',
  matches: ZOHO_MATCHES,
  isHost: isZohoHost,
  parseUrl: parseZohoUrl,
  selectors: S,

  findTitle,

  readRecord(root: ParentNode, page: RecordPage): RecordRef {
    const name = textOf(findTitle(root, page));
    const email = emailOf(visibleFirst(queryAll(root, S['record.email'])));
    const domain = linkDomain(visibleFirst(queryAll(root, S['record.website'])));
    return recordRef('zoho', page, { name, email, domain });
  },

  listRows(root: ParentNode, _page: ListPage): ListRow[] {
    const rows: ListRow[] = [];
    for (const row of queryAll(root, S['list.row'])) {
      if (!shown(row)) continue;
      const hit = rowRecordId(row);
      if (!hit) continue;
      // The link's cell, else the first cell with text (the first cell is the selection checkbox).
      const cell = hit.link?.closest(S['list.cell'].join(', ')) ?? queryAll(row, S['list.cell']).find((c) => textOf(c));
      rows.push({ row, recordId: hit.id, mount: cell ?? row });
    }
    return rows;
  },
};
