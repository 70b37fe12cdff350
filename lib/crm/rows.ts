/** List rows the way most CRMs lay them out: shown rows, a record id per row, the chip in the record's cell. */
import { type Finder, shown, shownWithText } from '../dom/query';
import type { ListRow } from './types';

/**
 * The shown rows of `rowKey` whose record `recordOf` finds, mounted on the cell (`cellKey`)
 * holding the record link, else on the row's first cell with text (the first cell is often a
 * selection checkbox), else on the row itself.
 */
export function listRowsBy<K extends string>(
  q: Finder<K>,
  root: ParentNode,
  rowKey: K,
  cellKey: K,
  recordOf: (row: Element) => { id: string; link?: Element } | null | undefined,
): ListRow[] {
  const rows: ListRow[] = [];
  for (const row of q.all(root, rowKey, shown, true)) {
    const hit = recordOf(row);
    if (hit) rows.push({ row, recordId: hit.id, mount: hit.link?.closest(q.list(cellKey)) ?? q.one(row, cellKey, shownWithText) ?? row });
  }
  return rows;
}
