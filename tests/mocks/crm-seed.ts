/**
 * What the CRM mocks are seeded with: canonical rows (the sample book, or a test's own), which
 * each mock maps into its CRM's record shapes. Ids are taken from a customer's CRM ref for that
 * CRM when it has one, else derived deterministically from the canonical id.
 */
import type { Contact, Customer, Feedback, Interaction, Transaction } from '../../lib/schemas/domain';
import type { CrmId } from '../../lib/schemas/values';

export interface SeedBook {
  customers: readonly Customer[];
  contacts?: readonly Contact[];
  transactions?: readonly Transaction[];
  interactions?: readonly Interaction[];
  feedback?: readonly Feedback[];
}

/** `n` hex digits derived from a string (FNV-1a rounds; deterministic, not cryptographic). */
export function hashHex(s: string, n: number): string {
  let out = '';
  for (let round = 0; out.length < n; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, n);
}

/** A decimal id of `n` digits derived from a string (Zoho-style numeric ids). */
export const hashDigits = (s: string, n: number): string =>
  hashHex(s, n)
    .split('')
    .map((c) => String(parseInt(c, 16) % 10))
    .join('');

/** The customer's record id in this CRM: its CRM ref, else `make(customer id)`. */
export function crmIdOf(c: Customer, crm: CrmId, make: (id: string) => string): string {
  return c.crmRefs.find((r) => r.crm === crm && r.objectType === 'account')?.id ?? make(c.id);
}
