/** Customers as stored: the canonical customer plus its derived index keys (`crm:objectType:id` per CRM ref). */
import type { Customer } from '../schemas/domain';
import type { StoredCustomer } from './tables';

export const crmKey = (ref: { crm: string; objectType: string; id: string }): string => `${ref.crm}:${ref.objectType}:${ref.id}`;

export function toStoredCustomer(c: Customer): StoredCustomer {
  return { ...c, crmKeys: c.crmRefs.map(crmKey) };
}

export function fromStoredCustomer(row: StoredCustomer): Customer {
  const { crmKeys: _derived, ...customer } = row;
  return customer;
}
