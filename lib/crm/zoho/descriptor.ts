/** Zoho CRM: Accounts, Contacts and Deals (Potentials) record pages and custom-view lists (docs/crm/zoho.md). */
import { finder, shown, shownWithText, textOf } from '../../dom/query';
import { emailOf, hrefOf, linkDomain, recordRef } from '../read';
import { listRowsBy } from '../rows';
import type { CrmDescriptor } from '../types';
import { ZOHO_SELECTORS } from './selectors';
import { ZOHO_HOSTS, ZOHO_RECORD, isZohoHost, parseZohoUrl } from './urls';

const q = finder('zoho', ZOHO_SELECTORS);
const RECORD_ID = /^\d{10,20}$/;

/** The detail view re-renders in place; the previous record's panel may linger hidden. */
const findTitle = (root: ParentNode): Element | null => q.one(root, 'record.title', shownWithText, true);

/** A row's record id: from its record link, else (click-handled rows without anchors) its id attributes. */
function rowRecord(row: Element): { id: string; link?: Element } | null {
  for (const link of q.all(row, 'list.recordLink')) {
    const id = ZOHO_RECORD.exec(hrefOf(link))?.[2];
    if (id) return { id, link };
  }
  const id = ['data-id', 'data-record-id', 'id'].map((a) => row.getAttribute(a)).find((v) => v && RECORD_ID.test(v));
  return id ? { id } : null;
}

export const zoho: CrmDescriptor<'zoho'> = {
  id: 'zoho',
  hosts: ZOHO_HOSTS,
  isHost: isZohoHost,
  parseUrl: parseZohoUrl,
  selectors: ZOHO_SELECTORS,
  findTitle,

  readRecord(root, page) {
    return recordRef('zoho', page, {
      name: textOf(findTitle(root)),
      email: emailOf(q.one(root, 'record.email', shown)),
      domain: linkDomain(q.one(root, 'record.website', shown)),
    });
  },

  listRows: (root) => listRowsBy(q, root, 'list.row', 'list.cell', rowRecord),
};
