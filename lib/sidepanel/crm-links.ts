/**
 * Links from a customer's CRM refs back to the record in the CRM. Most CRMs need something
 * only a live tab can tell us (Salesforce org host, HubSpot portal, Zoho org, Dynamics org
 * host, Pipedrive company host), so the side panel learns a per-CRM "base" from the URLs of
 * open CRM tabs (each CRM's book says how) and remembers it; without one, no link is
 * offered rather than a wrong one.
 */
import { BOOKS, crmOfUrl } from '../crm/books';
import type { CrmBase } from '../crm/types';
import type { CrmRef } from '../schemas/domain';
import type { CrmId } from '../schemas/values';

export type { CrmBase };
export type CrmBases = Partial<Record<CrmId, CrmBase>>;
type CustomDomains = readonly { crm: CrmId; host: string }[];

/** Learn the CRM base from a tab URL (custom domains included), or null when the URL is not a CRM page that tells one. */
export function learnCrmBase(rawUrl: string, customDomains: CustomDomains = []): { crm: CrmId; base: CrmBase } | null {
  const page = crmOfUrl(rawUrl, customDomains);
  return page?.base ? { crm: page.crm, base: page.base } : null;
}

/** The record's URL in its CRM, or null when we do not know enough to build a correct one. */
export const recordUrl = (ref: CrmRef, bases: CrmBases): string | null => BOOKS[ref.crm].recordUrl(ref, bases[ref.crm]);

/** Merge bases learned from tab URLs into what we knew (newest wins). */
export function mergeBases(known: CrmBases, urls: readonly string[], customDomains: CustomDomains = []): CrmBases {
  const next: CrmBases = { ...known };
  for (const url of urls) {
    const learned = learnCrmBase(url, customDomains);
    if (!learned) continue;
    const prev = next[learned.crm];
    // Keep a known portal/org part when this URL (e.g. a home page) does not carry one.
    const keepPart = !learned.base.part && prev?.part && prev.origin === learned.base.origin;
    next[learned.crm] = keepPart ? { ...learned.base, part: prev.part } : learned.base;
  }
  return next;
}
