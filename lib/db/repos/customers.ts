import type { AppDB } from '../app-db';
import { crmKey, fromStoredCustomer, toStoredCustomer } from '../app-db';
import type { CrmRef, Customer } from '../../schemas/domain';

/** What a CRM page tells us about the record it shows. */
export interface RecordLookup {
  ref: CrmRef;
  name?: string;
  email?: string;
  domain?: string;
}

export type MatchResult = { kind: 'matched'; customer: Customer; by: 'crm-ref' | 'domain' | 'email' | 'name' } | { kind: 'unknown'; candidates: Customer[] };

export const normaliseName = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200e\u200f\u202a-\u202e]/g, '')
    .replace(/\b(inc|llc|ltd|gmbh|co|corp|corporation|limited|plc|sa|ag)\b\.?/g, '')
    .replace(/(有限公司|股份有限公司|集团|公司)$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export const normaliseDomain = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '');

const emailDomain = (email: string): string | undefined => {
  const at = email.lastIndexOf('@');
  return at > 0 ? normaliseDomain(email.slice(at + 1)) : undefined;
};

/** Public webmail domains never identify a company. */
const WEBMAIL = new Set(['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'qq.com', '163.com', '126.com', 'icloud.com']);

export function customersRepo(db: AppDB) {
  return {
    async get(id: string): Promise<Customer | undefined> {
      const row = await db.customers.get(id);
      return row && fromStoredCustomer(row);
    },

    async put(c: Customer): Promise<void> {
      await db.customers.put(toStoredCustomer(c));
    },

    async bulkPut(cs: Customer[]): Promise<void> {
      await db.customers.bulkPut(cs.map(toStoredCustomer));
    },

    /**
     * Matching a CRM record to a customer (DESIGN.md): exact crmRef first, then the email
     * domain / company domain, then the normalised name. Only an unambiguous match counts;
     * otherwise the caller shows "track this customer" with the candidates.
     */
    async matchRecord(lookup: RecordLookup): Promise<MatchResult> {
      const byRef = await db.customers.where('crmKeys').equals(crmKey(lookup.ref)).toArray();
      if (byRef.length === 1) return { kind: 'matched', customer: fromStoredCustomer(byRef[0]!), by: 'crm-ref' };

      const candidates = new Map<string, Customer>();
      const domain = lookup.domain ? normaliseDomain(lookup.domain) : lookup.email ? emailDomain(lookup.email) : undefined;
      if (domain && !WEBMAIL.has(domain)) {
        const rows = await db.customers.where('domain').equals(domain).toArray();
        if (rows.length === 1) return { kind: 'matched', customer: fromStoredCustomer(rows[0]!), by: 'domain' };
        rows.forEach((r) => candidates.set(r.id, fromStoredCustomer(r)));
      }
      if (lookup.email) {
        const rows = await db.customers.where('emails').equals(lookup.email.trim().toLowerCase()).toArray();
        if (rows.length === 1) return { kind: 'matched', customer: fromStoredCustomer(rows[0]!), by: 'email' };
        rows.forEach((r) => candidates.set(r.id, fromStoredCustomer(r)));
      }
      if (lookup.name) {
        const wanted = normaliseName(lookup.name);
        if (wanted) {
          const rows = await db.customers
            .filter((c) => normaliseName(c.name) === wanted)
            .limit(5)
            .toArray();
          // A name match alone is only trusted when the customer has no ref in this CRM yet
          // (otherwise the CRM would have told us its id).
          const free = rows.filter((r) => !r.crmRefs.some((x) => x.crm === lookup.ref.crm && x.objectType === lookup.ref.objectType));
          if (free.length === 1 && rows.length === 1) return { kind: 'matched', customer: fromStoredCustomer(free[0]!), by: 'name' };
          rows.forEach((r) => candidates.set(r.id, fromStoredCustomer(r)));
        }
      }
      return { kind: 'unknown', candidates: [...candidates.values()] };
    },

    /** Link a CRM record to an existing customer ("track this customer"). */
    async linkRef(customerId: string, ref: CrmRef): Promise<Customer> {
      return db.transaction('rw', db.customers, async () => {
        const row = await db.customers.get(customerId);
        if (!row) throw new Error(`No customer with id "${customerId}"`);
        const customer = fromStoredCustomer(row);
        if (!customer.crmRefs.some((r) => crmKey(r) === crmKey(ref))) customer.crmRefs.push(ref);
        await db.customers.put(toStoredCustomer(customer));
        return customer;
      });
    },
  };
}
