/**
 * The account a Dynamics record belongs to. Activities and cases point at an account, a contact
 * or an opportunity (polymorphic lookups); contacts and opportunities read earlier in the pass
 * are remembered, others are fetched once each (the parent column only).
 */
import { ParentIndex } from '../../sync/parents';
import type { Dataverse } from './connector-http';
import { lookup, type Row } from './connector-map';

export const accountOfContact = (r: Row): string | undefined => {
  const p = lookup(r, 'parentcustomerid');
  return p?.table === 'account' ? p.id : undefined;
};

export const accountOfOpportunity = (r: Row): string | undefined => {
  const c = lookup(r, 'customerid');
  return lookup(r, 'parentaccountid')?.id ?? (c?.table === 'account' ? c.id : undefined);
};

export const accountIndex = (api: Dataverse): ParentIndex =>
  new ParentIndex('account', {
    contact: async (id) => accountOfContact(await api.get<Row>(`contacts(${id})?$select=_parentcustomerid_value`)),
    opportunity: async (id) => accountOfOpportunity(await api.get<Row>(`opportunities(${id})?$select=_parentaccountid_value,_customerid_value`)),
  });
