/** Salesforce Lightning: Accounts, Contacts, Opportunities and Leads; standard and console apps (docs/crm/salesforce.md). */
import { finder, shown, shownWithText, textOf } from '../../dom/query';
import { emailOf, hrefOf, linkDomain, recordRef } from '../read';
import type { CrmDescriptor, ListRow } from '../types';
import { SALESFORCE_SELECTORS } from './selectors';
import { SALESFORCE_HOSTS, SF_LEX_RECORD, isSalesforceHost, parseSalesforceUrl, toId18 } from './urls';

const q = finder('salesforce', SALESFORCE_SELECTORS);

/** The page the user sees: Lightning keeps earlier pages (and other console tabs) hidden in the DOM. */
const activePage = (root: ParentNode): ParentNode => q.one(root, 'page.active', shown, true) ?? root;

const findTitle = (root: ParentNode): Element | null => q.one(activePage(root), 'record.title', shownWithText, true);

export const salesforce: CrmDescriptor<'salesforce'> = {
  id: 'salesforce',
  hosts: SALESFORCE_HOSTS,
  isHost: isSalesforceHost,
  parseUrl: parseSalesforceUrl,
  canonicalId: toId18,
  selectors: SALESFORCE_SELECTORS,
  findTitle,

  readRecord(root, page) {
    const scope = activePage(root);
    return recordRef('salesforce', page, {
      recordId: toId18(page.recordId),
      name: textOf(findTitle(root)),
      email: emailOf(q.one(scope, 'record.email', shown)),
      domain: linkDomain(q.one(scope, 'record.website', shown)),
    });
  },

  listRows(root) {
    const rows: ListRow[] = [];
    for (const row of q.all(activePage(root), 'list.row', shown, true)) {
      const link = q.one(row, 'list.recordLink');
      const id = link && (link.getAttribute('data-recordid') || SF_LEX_RECORD.exec(hrefOf(link))?.[2]);
      if (id) rows.push({ row, recordId: toId18(id), mount: link.parentElement ?? row });
    }
    return rows;
  },
};
