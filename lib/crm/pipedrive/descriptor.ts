/** Pipedrive: organization, person and deal detail views and their list grids (docs/crm/pipedrive.md). */
import type { ObjectType } from '../../schemas/values';
import { finder, shown } from '../../dom/query';
import { emailOf, hrefOf, linkDomain, recordRef, valueOf } from '../read';
import { listRowsBy } from '../rows';
import type { CrmDescriptor } from '../types';
import { PIPEDRIVE_SELECTORS } from './selectors';
import { PD_RECORD, PD_RECORD_TYPES, PIPEDRIVE_HOSTS, isPipedriveHost, parsePipedriveUrl } from './urls';

const q = finder('pipedrive', PIPEDRIVE_SELECTORS);

/** The shown view: earlier views stay in the DOM, hidden with an inline `display: none`. */
const activeView = (root: ParentNode): ParentNode => q.one(root, 'view.container', shown, true) ?? root;

/** The header name may be an editable field: read by value. */
const findTitle = (root: ParentNode): Element | null => q.one(activeView(root), 'record.title', (el) => shown(el) && !!valueOf(el), true);

/** A deal row also links its organization and person: each list reads the links to its own object. */
const LINK_KEY: Readonly<Record<ObjectType, keyof typeof PIPEDRIVE_SELECTORS | undefined>> = {
  account: 'list.organizationLink',
  contact: 'list.personLink',
  deal: 'list.dealLink',
  lead: undefined,
};

export const pipedrive: CrmDescriptor<'pipedrive'> = {
  id: 'pipedrive',
  hosts: PIPEDRIVE_HOSTS,
  isHost: isPipedriveHost,
  parseUrl: parsePipedriveUrl,
  selectors: PIPEDRIVE_SELECTORS,
  findTitle,

  readRecord(root, page) {
    const view = activeView(root);
    return recordRef('pipedrive', page, {
      name: valueOf(findTitle(root)),
      // An organization view lists its people's emails; only a person's own email identifies it.
      email: page.objectType === 'contact' ? emailOf(q.one(view, 'record.email', shown)) : undefined,
      domain: page.objectType === 'account' ? linkDomain(q.one(view, 'record.website', shown)) : undefined,
    });
  },

  listRows(root, page) {
    const key = LINK_KEY[page.objectType];
    if (!key) return [];
    return listRowsBy(q, activeView(root), 'list.row', 'list.cell', (row) => {
      for (const link of q.all(row, key)) {
        const m = PD_RECORD.exec(hrefOf(link));
        if (m && PD_RECORD_TYPES[m[1]!] === page.objectType) return { id: m[2]!, link };
      }
      return null;
    });
  },
};
