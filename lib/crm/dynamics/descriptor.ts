/** Dynamics 365 model-driven apps: account, contact and opportunity forms and grids (docs/crm/dynamics.md). */
import { finder, shown, shownWithText, textOf } from '../../dom/query';
import { domainOf, emailOf, hrefOf, recordRef, valueOf } from '../read';
import { listRowsBy } from '../rows';
import type { CrmDescriptor } from '../types';
import { DYNAMICS_SELECTORS } from './selectors';
import { DYNAMICS_HOSTS, isDynamicsHost, normaliseGuid, parseDynamicsUrl } from './urls';

const q = finder('dynamics', DYNAMICS_SELECTORS);

/** The shown form: a multi-session app keeps one form per session, only the active one rendered. */
const activeForm = (root: ParentNode): ParentNode => q.one(root, 'record.form', shown, true) ?? root;

const findTitle = (root: ParentNode): Element | null => q.one(activeForm(root), 'record.title', shownWithText, true);

/** A row's record id: from its record link (any case, braces), else the grid's row id attributes (docs/crm/dynamics.md §DOM). */
function rowRecord(row: Element): { id: string; link?: Element } | null {
  for (const link of q.all(row, 'list.recordLink')) {
    const id = normaliseGuid(new URLSearchParams(hrefOf(link, 'search')).get('id'));
    if (id) return { id, link };
  }
  const id = ['row-id', 'data-id', 'data-row-id'].map((a) => normaliseGuid(row.getAttribute(a))).find(Boolean);
  return id ? { id } : null;
}

export const dynamics: CrmDescriptor<'dynamics'> = {
  id: 'dynamics',
  hosts: DYNAMICS_HOSTS,
  isHost: isDynamicsHost,
  parseUrl: parseDynamicsUrl,
  /** GUIDs in any case, with or without braces → the story/URL form (lower case, no braces). */
  canonicalId: (id) => normaliseGuid(id) ?? id,
  selectors: DYNAMICS_SELECTORS,
  findTitle,

  readRecord(root, page) {
    const form = activeForm(root);
    return recordRef('dynamics', page, {
      name: textOf(findTitle(root)),
      email: emailOf(q.one(form, 'record.email', shown)),
      domain: domainOf(valueOf(q.one(form, 'record.website', shown))),
    });
  },

  listRows: (root) => listRowsBy(q, root, 'list.row', 'list.cell', rowRecord),
};
