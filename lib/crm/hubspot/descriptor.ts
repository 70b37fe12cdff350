/** HubSpot: companies, contacts and deals; current and legacy URL forms (docs/crm/hubspot.md). */
import { finder, shown, shownWithText, textOf } from '../../dom/query';
import { emailOf, hrefOf, linkDomain, recordRef } from '../read';
import { listRowsBy } from '../rows';
import type { CrmDescriptor } from '../types';
import { HUBSPOT_SELECTORS } from './selectors';
import { HUBSPOT_HOSTS, hubspotRecordOf, isHubspotHost, parseHubspotUrl } from './urls';

const q = finder('hubspot', HUBSPOT_SELECTORS);

/** Hidden tab contents stay in the DOM: only the shown title counts. */
const findTitle = (root: ParentNode): Element | null => q.one(root, 'record.title', shownWithText, true);

export const hubspot: CrmDescriptor<'hubspot'> = {
  id: 'hubspot',
  hosts: HUBSPOT_HOSTS,
  isHost: isHubspotHost,
  parseUrl: parseHubspotUrl,
  selectors: HUBSPOT_SELECTORS,
  findTitle,

  readRecord(root, page) {
    return recordRef('hubspot', page, {
      name: textOf(findTitle(root)),
      email: emailOf(q.one(root, 'record.email', shown)),
      domain: linkDomain(q.one(root, 'record.domain', shown)),
    });
  },

  listRows: (root, page) =>
    listRowsBy(q, root, 'list.row', 'list.nameCell', (row) => {
      // A row also links its owner and associated records: take the link to this list's object.
      for (const link of q.all(row, 'list.recordLink')) {
        const rec = hubspotRecordOf(hrefOf(link));
        if (rec?.objectType === page.objectType) return { id: rec.recordId, link };
      }
      return null;
    }),
};
