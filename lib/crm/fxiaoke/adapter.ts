/** Fxiaoke 纷享销客 adapter: 客户 / 联系人 / 商机 detail views and object lists (hash-routed shell). */
import { queryAll, queryFirst, textOf } from '../../dom/query';
import { shown, domainOf, recordRef } from '../read';
import type { CrmAdapter, ListPage, ListRow, RecordPage, RecordRef } from '../types';
import { FXIAOKE_MATCHES } from './hosts';
import { FXIAOKE_SELECTORS as S } from './selectors';
import { FX_ID, isFxiaokeHost, parseFxiaokeUrl } from './urls';

const firstShown = (root: ParentNode, candidates: readonly string[]): Element | null => {
  for (const sel of candidates) {
    const hit = queryAll(root, [sel]).find((el) => shown(el) && textOf(el));
    if (hit) return hit;
  }
  return null;
};

function findTitle(root: ParentNode, _page: RecordPage): Element | null {
  return firstShown(root, S['record.title']);
}

export const fxiaokeAdapter: CrmAdapter = {
  id: 'fxiaoke',
  matches: FXIAOKE_MATCHES,
  isHost: isFxiaokeHost,
  parseUrl: parseFxiaokeUrl,
  selectors: S,
  /** Mongo-style hex ids are stored lower case. */
  canonicalId: (id: string): string => (FX_ID.test(id) ? id.toLowerCase() : id),
  findTitle,

  readRecord(root: ParentNode, page: RecordPage): RecordRef {
    const name = textOf(findTitle(root, page));
    const email = textOf(firstShown(root, S['record.email']));
    const site = firstShown(root, S['record.website']);
    const domain = domainOf(site?.querySelector('a[href]')?.getAttribute('href') ?? textOf(site));
    return recordRef('fxiaoke', page, { name, email: email?.includes('@') ? email : undefined, domain });
  },

  listRows(root: ParentNode, _page: ListPage): ListRow[] {
    // Fixed (pinned) columns render a second table with the same `tr[data-id]` rows: keep one
    // row per record, preferring the one that holds the name cell.
    const byId = new Map<string, ListRow & { named: boolean }>();
    for (const row of queryAll(root, S['list.row'])) {
      if (!shown(row)) continue;
      const id = (row.getAttribute('data-id') ?? row.getAttribute('data-row-key') ?? '').toLowerCase();
      if (!FX_ID.test(id)) continue;
      const nameCell = queryFirst(row, S['list.nameCell']);
      const prev = byId.get(id);
      if (prev && (prev.named || !nameCell)) continue;
      const mount = nameCell ?? [...row.querySelectorAll('td')].find((c) => textOf(c)) ?? row;
      byId.set(id, { row, recordId: id, mount, named: !!nameCell });
    }
    return [...byId.values()].map(({ row, recordId, mount }) => ({ row, recordId, mount }));
  },
};
