/** Customers: lookups, CRM-record matching ("never guesses"), search, and the writes. */
import type { AppDB } from '../app-db';
import { crmKey, fromStoredCustomer, toStoredCustomer } from '../app-db';
import { defineRepo } from '../repo';
import { addNew } from './history';
import type { StoredCustomer } from '../tables';
import type { CrmRef, Customer } from '../../schemas/domain';
import { CodedError } from '../../messaging/errors';

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

/**
 * Matching a CRM record to a customer: exact crmRef first, then the email domain / company
 * domain, then the normalised name. Only an unambiguous match counts; otherwise the caller
 * shows "track this customer" with the candidates.
 */
async function matchRecord(db: AppDB, lookup: RecordLookup): Promise<MatchResult> {
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
}

export const customersRepo = defineRepo(
  (db) => ({
    async get(id: string): Promise<Customer | undefined> {
      const row = await db.customers.get(id);
      return row && fromStoredCustomer(row);
    },
    /** Stored rows (with their index keys), in the order of `ids`. */
    getStored: (ids: readonly string[]): Promise<(StoredCustomer | undefined)[]> => db.customers.bulkGet([...ids]),
    count: (): Promise<number> => db.customers.count(),
    all: (): Promise<StoredCustomer[]> => db.customers.toArray(),
    /** Which of these ids are stored. */
    async existing(ids: readonly string[]): Promise<Set<string>> {
      return new Set(
        ids.length
          ? await db.customers
              .where(':id')
              .anyOf([...ids])
              .primaryKeys()
          : [],
      );
    },
    matchRecord: (lookup: RecordLookup): Promise<MatchResult> => matchRecord(db, lookup),
    async byCrmRef(ref: CrmRef): Promise<Customer | undefined> {
      const row = await db.customers.where('crmKeys').equals(crmKey(ref)).first();
      return row && fromStoredCustomer(row);
    },
    async byCrmKeys(keys: readonly string[]): Promise<Customer[]> {
      return (
        await db.customers
          .where('crmKeys')
          .anyOf([...keys])
          .toArray()
      ).map(fromStoredCustomer);
    },
    /** Customer names for a set of ids (virtualised lists ask for the rows they show). */
    async names(ids: readonly string[]): Promise<Map<string, string>> {
      const rows = await db.customers.bulkGet([...ids]);
      return new Map(rows.filter((r) => r !== undefined).map((r) => [r.id, r.name]));
    },
    /** Distinct segments, from the segment index without loading rows. */
    async segments(): Promise<string[]> {
      const keys = await db.customers.orderBy('segment').uniqueKeys();
      return keys.map(String).filter((s) => s.length > 0);
    },
    /** Customers whose name starts with the query (any case), or whose id is the query. */
    async search(query: string, limit: number): Promise<Customer[]> {
      const q = query.trim();
      if (!q) return [];
      const [byId, byName] = await Promise.all([db.customers.get(q), db.customers.where('name').startsWithIgnoreCase(q).limit(limit).toArray()]);
      const rows = byId ? [byId, ...byName.filter((r) => r.id !== byId.id)] : byName;
      return rows.slice(0, limit).map(fromStoredCustomer);
    },
  }),
  (db) => ({
    async put(c: Customer): Promise<void> {
      await db.customers.put(toStoredCustomer(c));
    },
    async bulkPut(cs: readonly Customer[]): Promise<void> {
      await db.customers.bulkPut(cs.map(toStoredCustomer));
    },
    async putStored(rows: readonly StoredCustomer[]): Promise<void> {
      if (rows.length) await db.customers.bulkPut([...rows]);
    },
    async bulkDelete(ids: readonly string[]): Promise<void> {
      if (ids.length) await db.customers.bulkDelete([...ids]);
    },
    /** Add rows whose id is not stored yet; returns the ids added. */
    addNew: (rows: readonly StoredCustomer[]): Promise<string[]> => addNew((r) => db.customers.bulkAdd(r), rows),
    /** Link a CRM record to an existing customer ("track this customer"). */
    async linkRef(customerId: string, ref: CrmRef): Promise<Customer> {
      return db.transaction('rw', db.customers, async () => {
        const row = await db.customers.get(customerId);
        if (!row) throw new CodedError('customer.unknown', { customerId }, 'customerId');
        const customer = fromStoredCustomer(row);
        if (!customer.crmRefs.some((r) => crmKey(r) === crmKey(ref))) customer.crmRefs.push(ref);
        await db.customers.put(toStoredCustomer(customer));
        return customer;
      });
    },
  }),
);
