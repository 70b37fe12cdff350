/** Dynamics 365 adapter: account, contact, opportunity forms and grids in model-driven apps. */
import { queryAll, textOf } from '../../dom/query';
import { shown, valueOf, domainOf, recordRef } from '../read';
import type { CrmAdapter, ListPage, ListRow, RecordPage, RecordRef } from '../types';
import { DYNAMICS_MATCHES } from './hosts';
import { DYNAMICS_SELECTORS as S } from './selectors';
import { isDynamicsHost, normaliseGuid, parseDynamicsUrl } from './urls';

/** The visible form: in multi-session apps only the active session's form is rendered. */
function activeForm(root: ParentNode): ParentNode {
  return queryAll(root, S['record.form']).find(shown) ?? root;
}

function findTitle(root: ParentNode, _page: RecordPage): Element | null {
  const form = activeForm(root);
  for (const sel of S['record.title']) {
    const hit = queryAll(form, [sel]).find((el) => shown(el) && textOf(el));
    if (hit) return hit;
  }
  return null;
}

function rowRecordId(row: Element): { id: string; link: Element | null } | null {
  for (const link of queryAll(row, S['list.recordLink'])) {
    try {
      const id = normaliseGuid(new URL(link.getAttribute('href') ?? '', 'https://x.invalid/').searchParams.get('id'));
      if (id) return { id, link };
    } catch {
      // unparsable href: try the row attributes
    }
  }
  // ag-grid row ids: the Power Apps grid keys rows by record id (crm-pages.md §4.3, unverified).
  for (const attr of ['row-id', 'data-id', 'data-row-id']) {
    const id = normaliseGuid(row.getAttribute(attr));
    if (id) return { id, link: null };
  }
  return null;
}

export const dynamicsAdapter: CrmAdapter = {
  id: 'dynamics',
  matches: DYNAMICS_MATCHES,
  isHost: isDynamicsHost,
  parseUrl: parseDynamicsUrl,
  selectors: S,
  /** GUIDs in any case, with or without braces → the story/URL form (lower case, no braces). */
  canonicalId: (id: string): string => normaliseGuid(id) ?? id,
  findTitle,

  readRecord(root: ParentNode, page: RecordPage): RecordRef {
    const form = activeForm(root);
    const name = textOf(findTitle(root, page));
    const email = valueOf(queryAll(form, S['record.email']).find(shown) ?? null);
    const domain = domainOf(valueOf(queryAll(form, S['record.website']).find(shown) ?? null));
    return recordRef('dynamics', page, { name, email, domain });
  },

  listRows(root: ParentNode, _page: ListPage): ListRow[] {
    const rows: ListRow[] = [];
    for (const row of queryAll(root, S['list.row'])) {
      if (!shown(row)) continue;
      const hit = rowRecordId(row);
      if (!hit) continue;
      const cells = queryAll(row, S['list.cell']);
      const cell = hit.link?.closest(S['list.cell'].join(', ')) ?? cells.find((c) => textOf(c));
      rows.push({ row, recordId: hit.id, mount: cell ?? row });
    }
    return rows;
  },
};
