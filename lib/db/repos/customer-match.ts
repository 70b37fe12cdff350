/**
 * Finding customers for a CRM record. Two different questions:
 * - `exact`: who has this record's ref in this tenant — the only answer that shows scores on
 *   a CRM page (lib/services/overlay-resolve.ts adds the tenant-binding rule);
 * - `suggest`: who might it be (same company domain, email or normalised name) — names to offer
 *   in the link picker after the user asks for it, never data shown unasked.
 * `matchRecord` is the popup's question (its quick-log pre-selects a customer): a unique ref in
 * any tenant, else a unique domain / email / name match.
 */
import type { AppDB } from '../app-db';
import { crmKey, fromStoredCustomer, refKey } from '../app-db';
import type { StoredCustomer } from '../tables';
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

type Ref = Pick<CrmRef, 'crm' | 'objectType' | 'id'>;

/** Customers holding exactly this ref in `tenant` (null: the unbound form, no tenant). */
export async function exactRows(db: AppDB, ref: Ref, tenant: string | null): Promise<StoredCustomer[]> {
  return db.customers
    .where('crmKeys')
    .equals(crmKey({ ...ref, tenant }))
    .toArray();
}

/** Customers that may be the record by what its page shows, in order: domain, email, name. */
async function similar(
  db: AppDB,
  lookup: Omit<RecordLookup, 'ref'>,
  limit: number,
): Promise<{ rows: StoredCustomer[]; by: MatchResult & { kind: 'matched' } }[]> {
  const groups: { rows: StoredCustomer[]; by: MatchResult & { kind: 'matched' } }[] = [];
  const group = (rows: StoredCustomer[], by: 'domain' | 'email' | 'name'): void => {
    if (rows.length) groups.push({ rows, by: { kind: 'matched', customer: fromStoredCustomer(rows[0]!), by } });
  };
  const domain = lookup.domain ? normaliseDomain(lookup.domain) : lookup.email ? emailDomain(lookup.email) : undefined;
  if (domain && !WEBMAIL.has(domain)) group(await db.customers.where('domain').equals(domain).limit(limit).toArray(), 'domain');
  const email = lookup.email?.trim().toLowerCase();
  if (email) group(await db.customers.where('emails').equals(email).limit(limit).toArray(), 'email');
  const wanted = lookup.name ? normaliseName(lookup.name) : '';
  if (wanted)
    group(
      await db.customers
        .filter((c) => normaliseName(c.name) === wanted)
        .limit(limit)
        .toArray(),
      'name',
    );
  return groups;
}

/**
 * Up to `limit` customers the record might be, best first: `first` (e.g. a customer holding
 * the same record id unbound, shown on another tenant), then domain, email and name matches.
 */
export async function suggest(db: AppDB, lookup: Omit<RecordLookup, 'ref'>, limit: number, first: readonly StoredCustomer[] = []): Promise<Customer[]> {
  const out = new Map<string, Customer>();
  for (const r of first) out.set(r.id, fromStoredCustomer(r));
  for (const g of await similar(db, lookup, limit)) for (const r of g.rows) if (!out.has(r.id)) out.set(r.id, fromStoredCustomer(r));
  return [...out.values()].slice(0, limit);
}

/**
 * The popup's match: a unique customer with this ref in any tenant, else a unique domain,
 * email or name match (a name only when that customer has no ref in this CRM and object yet);
 * anything else lists the candidates. Never used to show data on a CRM page.
 */
export async function matchRecord(db: AppDB, lookup: RecordLookup): Promise<MatchResult> {
  const byRef = await db.customers.where('refKeys').equals(refKey(lookup.ref)).toArray();
  if (byRef.length === 1) return { kind: 'matched', customer: fromStoredCustomer(byRef[0]!), by: 'crm-ref' };
  const candidates = new Map<string, Customer>();
  for (const { rows, by } of await similar(db, lookup, 5)) {
    const free = by.by === 'name' ? rows.filter((r) => !r.crmRefs.some((x) => x.crm === lookup.ref.crm && x.objectType === lookup.ref.objectType)) : rows;
    if (rows.length === 1 && free.length === 1) return by;
    rows.forEach((r) => candidates.set(r.id, fromStoredCustomer(r)));
  }
  return { kind: 'unknown', candidates: [...candidates.values()] };
}
