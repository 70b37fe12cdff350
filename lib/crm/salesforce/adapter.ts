/** Salesforce Lightning adapter: Accounts, Contacts, Opportunities (and Leads); standard and console apps. */
import { queryAll, queryFirst, textOf } from '../../dom/query';
import { domainOf, recordRef, shown } from '../read';
import type { CrmAdapter, ListPage, ListRow, RecordPage, RecordRef } from '../types';
import { SALESFORCE_MATCHES } from './hosts';
import { SALESFORCE_SELECTORS as S } from './selectors';
import { SF_LEX_RECORD, isSalesforceHost, parseSalesforceUrl, toId18 } from './urls';

/** The visible page host: console tab or standard window; the whole document as a last resort. */
function activeRoot(root: ParentNode): ParentNode {
  return queryAll(root, S['page.active']).find(shown) ?? queryAll(root, S['page.active'])[0] ?? root;
}

function findTitle(root: ParentNode, _page: RecordPage): Element | null {
  const scope = activeRoot(root);
  for (const sel of S['record.title']) {
    const hit = queryAll(scope, [sel]).find((el) => textOf(el));
    if (hit) return hit;
  }
  return null;
}

export const salesforceAdapter: CrmAdapter = {
  id: 'salesforce',
  matches: SALESFORCE_MATCHES,
  isHost: isSalesforceHost,
  parseUrl: parseSalesforceUrl,
  selectors: S,
  canonicalId: toId18,
  findTitle,

  readRecord(root: ParentNode, page: RecordPage): RecordRef {
    const scope = activeRoot(root);
    const name = textOf(findTitle(root, page));
    const mail = queryFirst(scope, S['record.email'])?.getAttribute('href');
    const email = mail?.startsWith('mailto:') ? decodeURIComponent(mail.slice(7).split('?')[0]!) : undefined;
    const domain = domainOf(queryFirst(scope, S['record.website'])?.getAttribute('href'));
    return recordRef('salesforce', page, { recordId: toId18(page.recordId), name, email, domain });
  },

  listRows(root: ParentNode, _page: ListPage): ListRow[] {
    const rows: ListRow[] = [];
    for (const row of queryAll(activeRoot(root), S['list.row'])) {
      const link = queryFirst(row, S['list.recordLink']);
      if (!link) continue;
      const fromAttr = link.getAttribute('data-recordid');
      let id = fromAttr ?? undefined;
      if (!id) {
        try {
          id = SF_LEX_RECORD.exec(new URL(link.getAttribute('href') ?? '', 'https://x.invalid').pathname)?.[2];
        } catch {
          id = undefined;
        }
      }
      if (!id) continue;
      rows.push({ row, recordId: toId18(id), mount: link.parentElement ?? row });
    }
    return rows;
  },
};
