/**
 * Customers: lookups, CRM-record matching (./customer-match.ts: exact refs per tenant, link
 * suggestions, the popup's match), search, and the writes — binding a ref to its tenant, linking
 * a record, and tracking a record as a new customer under a fresh id that never overwrites one.
 */
import { crmKey, fromStoredCustomer, refKey, toStoredCustomer } from '../app-db';
import { defineRepo } from '../repo';
import { addNew } from './history';
import type { StoredCustomer } from '../tables';
import type { CrmRef, Customer } from '../../schemas/domain';
import { CodedError } from '../../messaging/errors';
import { exactRows, matchRecord, suggest, type MatchResult, type RecordLookup } from './customer-match';

export { normaliseDomain, normaliseName, type MatchResult, type RecordLookup } from './customer-match';

type Ref = Pick<CrmRef, 'crm' | 'objectType' | 'id'>;

const sameRecord = (a: Ref, b: Ref): boolean => a.crm === b.crm && a.objectType === b.objectType && a.id === b.id;

/** The id a tracked record's new customer gets before collisions: `crm-objectType-recordId`. */
export const trackedIdBase = (ref: Ref): string => `${ref.crm}-${ref.objectType}-${ref.id}`.slice(0, 190);

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
    /** The popup's match (any tenant, then domain / email / name); CRM pages never use it. */
    matchRecord: (lookup: RecordLookup): Promise<MatchResult> => matchRecord(db, lookup),
    /** Customers holding this record's ref in any tenant or none (extension pages, which know no tenant). */
    withRefAnyTenant: async (ref: Ref): Promise<Customer[]> => (await db.customers.where('refKeys').equals(refKey(ref)).toArray()).map(fromStoredCustomer),
    /** Customers holding this record's ref in `tenant` (null: unbound refs). */
    withRef: async (ref: Ref, tenant: string | null): Promise<Customer[]> => (await exactRows(db, ref, tenant)).map(fromStoredCustomer),
    /** Link suggestions for a record: `firstIds` first, then domain / email / name matches; at most `limit`. */
    async suggest(lookup: Omit<RecordLookup, 'ref'>, limit: number, firstIds: readonly string[] = []): Promise<Customer[]> {
      const first = (await db.customers.bulkGet([...firstIds])).filter((r) => r !== undefined);
      return suggest(db, lookup, limit, first);
    },
    /** Customers holding any of these records' refs in `tenant` (or unbound, with null), for list chips. */
    async withRefs(refs: readonly Ref[], tenant: string | null): Promise<Customer[]> {
      if (!refs.length) return [];
      const rows = await db.customers
        .where('crmKeys')
        .anyOf(refs.map((r) => crmKey({ ...r, tenant })))
        .toArray();
      return rows.map(fromStoredCustomer);
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
    /**
     * Link a CRM record to an existing customer ("link to…"). A ref with a tenant replaces the
     * customer's unbound ref to the same record, if any.
     */
    async linkRef(customerId: string, ref: CrmRef): Promise<Customer> {
      return db.transaction('rw', db.customers, async () => {
        const row = await db.customers.get(customerId);
        if (!row) throw new CodedError('customer.unknown', { customerId }, 'customerId');
        const customer = fromStoredCustomer(row);
        const refs = ref.tenant ? customer.crmRefs.filter((r) => r.tenant || !sameRecord(r, ref)) : customer.crmRefs;
        if (!refs.some((r) => crmKey(r) === crmKey(ref))) refs.push(ref);
        const next = { ...customer, crmRefs: refs };
        await db.customers.put(toStoredCustomer(next));
        return next;
      });
    },
    /** Bind a customer's unbound ref to the tenant its record was first shown on. */
    bindRef: (customerId: string, ref: Ref, tenant: string): Promise<Customer> => customersRepo(db).linkRef(customerId, { ...ref, tenant }),
    /**
     * Store a new customer for a tracked record under a fresh id (`base`, else `base-2`, `base-3`…):
     * an existing customer is never overwritten — CRMs number each object type on its own, so
     * Pipedrive person 5 and organisation 5 are two records. Returns the customer as stored.
     */
    async addTracked(base: string, customer: Omit<Customer, 'id'>): Promise<Customer> {
      return db.transaction('rw', db.customers, async () => {
        let id = base;
        for (let n = 2; await db.customers.get(id); n++) id = `${base}-${n}`;
        const stored: Customer = { id, ...customer };
        await db.customers.add(toStoredCustomer(stored));
        return stored;
      });
    },
  }),
);
