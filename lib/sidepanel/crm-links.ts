/**
 * Links from a customer's CRM refs back to the record in the CRM. Most CRMs need something
 * only a live tab can tell us (Salesforce org host, HubSpot portal, Zoho org, Dynamics org
 * host, Pipedrive company host), so the side panel learns a per-CRM "base" from the URLs of
 * open CRM tabs and remembers it; without one, no link is offered rather than a wrong one.
 */
import type { CrmRef } from '../schemas/domain';
import type { CrmId, ObjectType } from '../schemas/enums';

/** What a CRM tab's URL tells us about how to address records in that CRM. */
export interface CrmBase {
  /** `https://host` (with port when not default). */
  origin: string;
  /** HubSpot portal id, Zoho org path segment (`org123` or an alias), Dynamics `appid`. */
  part?: string;
}

export type CrmBases = Partial<Record<CrmId, CrmBase>>;

const SF_HOST = /(^|\.)(lightning\.force\.com|my\.salesforce\.com)$/i;
const HS_HOST = /^app(?:-[a-z0-9]+)?\.hubspot\.com$/i;
const ZOHO_HOST = /^crm(?:sandbox|plus)?\.zoho(?:cloud)?\.[a-z.]+$/i;
const D365_HOST = /\.(?:crm\d*\.dynamics\.com|crm\.dynamics\.cn|crm\.microsoftdynamics\.(?:us|de)|crm\.appsplatform\.us)$/i;
const PD_HOST = /^[a-z0-9-]+\.pipedrive\.com$/i;
const FX_HOST = /^www\.fxiaoke\.com$/i;

/** Learn the CRM base from a tab URL, or null when the URL is not a known CRM page. */
export function learnCrmBase(rawUrl: string): { crm: CrmId; base: CrmBase } | null {
  let u: URL;
  try {
    u = new URL(rawUrl);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  const host = u.hostname;
  if (SF_HOST.test(host)) {
    // Lightning links live on the lightning host; a my.salesforce.com host redirects there.
    return { crm: 'salesforce', base: { origin: u.origin } };
  }
  if (HS_HOST.test(host)) {
    const portal = /^\/[^/]+\/(\d+)(?:\/|$)/.exec(u.pathname)?.[1];
    return portal ? { crm: 'hubspot', base: { origin: u.origin, part: portal } } : null;
  }
  if (ZOHO_HOST.test(host)) {
    const org = /\/crm\/([^/]+)\/tab\//.exec(u.pathname)?.[1];
    return { crm: 'zoho', base: org && org !== 'tab' ? { origin: u.origin, part: org } : { origin: u.origin } };
  }
  if (D365_HOST.test(host)) {
    const appid = u.searchParams.get('appid') ?? undefined;
    return { crm: 'dynamics', base: appid ? { origin: u.origin, part: appid } : { origin: u.origin } };
  }
  if (PD_HOST.test(host)) return { crm: 'pipedrive', base: { origin: u.origin } };
  if (FX_HOST.test(host)) return { crm: 'fxiaoke', base: { origin: u.origin } };
  return null;
}

const SF_OBJECT: Record<ObjectType, string> = { account: 'Account', contact: 'Contact', deal: 'Opportunity', lead: 'Lead' };
const HS_OBJECT: Record<ObjectType, string> = { account: '0-2', contact: '0-1', deal: '0-3', lead: '0-136' };
const ZOHO_MODULE: Record<ObjectType, string> = { account: 'Accounts', contact: 'Contacts', deal: 'Potentials', lead: 'Leads' };
const D365_ENTITY: Record<ObjectType, string> = { account: 'account', contact: 'contact', deal: 'opportunity', lead: 'lead' };
const PD_PATH: Partial<Record<ObjectType, string>> = { account: 'organization', contact: 'person', deal: 'deal' };
const FX_OBJECT: Record<ObjectType, string> = { account: 'AccountObj', contact: 'ContactObj', deal: 'NewOpportunityObj', lead: 'LeadsObj' };

const enc = encodeURIComponent;

/** The record's URL in its CRM, or null when we do not know enough to build a correct one. */
export function recordUrl(ref: CrmRef, bases: CrmBases): string | null {
  const base = bases[ref.crm];
  const id = enc(ref.id);
  switch (ref.crm) {
    case 'salesforce':
      return base ? `${base.origin}/lightning/r/${SF_OBJECT[ref.objectType]}/${id}/view` : null;
    case 'hubspot':
      return base?.part ? `${base.origin}/contacts/${enc(base.part)}/record/${HS_OBJECT[ref.objectType]}/${id}` : null;
    case 'zoho':
      if (!base) return null;
      return base.part
        ? `${base.origin}/crm/${enc(base.part)}/tab/${ZOHO_MODULE[ref.objectType]}/${id}`
        : `${base.origin}/crm/EntityInfo.do?module=${ZOHO_MODULE[ref.objectType]}&id=${id}`;
    case 'dynamics':
      return base
        ? `${base.origin}/main.aspx?${base.part ? `appid=${enc(base.part)}&` : ''}pagetype=entityrecord&etn=${D365_ENTITY[ref.objectType]}&id=${id}`
        : null;
    case 'pipedrive': {
      const path = PD_PATH[ref.objectType];
      return base && path ? `${base.origin}/${path}/${id}` : null;
    }
    case 'fxiaoke':
      // Fxiaoke has one web host; its detail route is hash-based.
      return `${base?.origin ?? 'https://www.fxiaoke.com'}/XV/UI/Home#crm/detail/=/${FX_OBJECT[ref.objectType]}/${id}`;
  }
}

/** Merge bases learned from tab URLs into what we knew (newest wins). */
export function mergeBases(known: CrmBases, urls: readonly string[]): CrmBases {
  const next: CrmBases = { ...known };
  for (const url of urls) {
    const learned = learnCrmBase(url);
    if (!learned) continue;
    const prev = next[learned.crm];
    // Keep a known portal/org part when this URL (e.g. a home page) does not carry one.
    const keepPart = !learned.base.part && prev?.part && prev.origin === learned.base.origin;
    next[learned.crm] = keepPart ? { ...learned.base, part: prev.part } : learned.base;
  }
  return next;
}
