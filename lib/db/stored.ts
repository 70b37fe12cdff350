/**
 * Customers as stored: the canonical customer plus its derived index keys, one of each per CRM
 * ref — `crmKeys` (`crm:tenant:objectType:id`, tenant URI-encoded, empty for a ref not bound to
 * a tenant yet) and `refKeys` (`crm:objectType:id`, any tenant).
 */
import type { Customer } from '../schemas/domain';
import type { StoredCustomer } from './tables';

type KeyedRef = { crm: string; objectType: string; id: string; tenant?: string | null | undefined };

/** The tenant-scoped key: the encoded tenant holds no `:`, so the key reads back unambiguously. */
export const crmKey = (ref: KeyedRef): string => `${ref.crm}:${encodeURIComponent(ref.tenant ?? '')}:${ref.objectType}:${ref.id}`;

/** The key of the record in any tenant (the popup matches a tab's record without knowing its tenant). */
export const refKey = (ref: KeyedRef): string => `${ref.crm}:${ref.objectType}:${ref.id}`;

export function toStoredCustomer(c: Customer): StoredCustomer {
  return { ...c, crmKeys: c.crmRefs.map(crmKey), refKeys: c.crmRefs.map(refKey) };
}

export function fromStoredCustomer(row: StoredCustomer): Customer {
  const { crmKeys: _derived, refKeys: _any, ...customer } = row;
  return customer;
}
