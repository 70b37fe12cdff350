/** Fxiaoke 纷享销客: 客户 / 联系人 / 商机 detail views and object lists in a hash-routed shell (docs/crm/fxiaoke.md). */
import { finder, shown, shownWithText, textOf } from '../../dom/query';
import { emailOf, linkDomain, recordRef } from '../read';
import type { CrmDescriptor, ListRow } from '../types';
import { FXIAOKE_SELECTORS } from './selectors';
import { FXIAOKE_HOSTS, FX_ID, isFxiaokeHost, parseFxiaokeUrl } from './urls';

const q = finder('fxiaoke', FXIAOKE_SELECTORS);

/** A closed slide-over of the previous record stays in the DOM, hidden. */
const findTitle = (root: ParentNode): Element | null => q.one(root, 'record.title', shownWithText, true);

export const fxiaoke: CrmDescriptor<'fxiaoke'> = {
  id: 'fxiaoke',
  hosts: FXIAOKE_HOSTS,
  isHost: isFxiaokeHost,
  parseUrl: parseFxiaokeUrl,
  /** Mongo-style hex ids are stored lower case. */
  canonicalId: (id) => (FX_ID.test(id) ? id.toLowerCase() : id),
  selectors: FXIAOKE_SELECTORS,
  findTitle,

  readRecord(root, page) {
    return recordRef('fxiaoke', page, {
      name: textOf(findTitle(root)),
      email: emailOf(q.one(root, 'record.email', shownWithText)),
      domain: linkDomain(q.one(root, 'record.website', shownWithText)),
    });
  },

  listRows(root) {
    // Fixed (pinned) columns render a second table with the same `tr[data-id]` rows: keep one
    // row per record, preferring the one that holds the name cell.
    const byId = new Map<string, ListRow & { named: boolean }>();
    for (const row of q.all(root, 'list.row', shown, true)) {
      const id = (row.getAttribute('data-id') ?? row.getAttribute('data-row-key') ?? '').toLowerCase();
      if (!FX_ID.test(id)) continue;
      const name = q.one(row, 'list.nameCell');
      const mount = name ?? q.one(row, 'list.cell', shownWithText) ?? row;
      const prev = byId.get(id);
      if (!prev || (name && !prev.named)) byId.set(id, { row, recordId: id, mount, named: !!name });
    }
    return [...byId.values()].map(({ row, recordId, mount }) => ({ row, recordId, mount }));
  },
};
