/**
 * HubSpot hosts and URL forms (docs/crm/hubspot.md §Hosts, §URLs). Everything lives under
 * `/contacts/<portal>/`, whatever the object: the object comes from the type id (0-1 contact,
 * 0-2 company, 0-3 deal, 0-136 lead) or the legacy path word.
 */
import type { ObjectType } from '../../schemas/values';
import { enc, lookup, nameOf, onHosts } from '../read';
import type { CrmBase, PageInfo } from '../types';

/** The app hosts per data centre (the EU portal host is easy to miss). */
export const HUBSPOT_HOSTS = ['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com'] as const;

export const HS_RECORD = /^\/contacts\/(\d+)\/record\/(\d-\d+)\/(\d+)(?:[/?#]|$)/;
export const HS_LEGACY = /^\/contacts\/(\d+)\/(contact|company|deal)\/(\d+)(?:[/?#]|$)/;
export const HS_INDEX = /^\/contacts\/(\d+)\/objects\/(\d-\d+)\/views\/([^/]+)\/(list|board)(?:[/?#]|$)/;
const HS_LEGACY_INDEX = /^\/contacts\/(\d+)\/(contacts|companies|deals)\/?(?:[?#]|$)/;

const TYPE_IDS: Readonly<Record<string, ObjectType>> = { '0-1': 'contact', '0-2': 'account', '0-3': 'deal', '0-136': 'lead' };
const WORDS: Readonly<Record<string, ObjectType>> = {
  contact: 'contact',
  company: 'account',
  deal: 'deal',
  contacts: 'contact',
  companies: 'account',
  deals: 'deal',
};

export const isHubspotHost = (hostname: string): boolean => onHosts(HUBSPOT_HOSTS, hostname);

/** The portal (hub) id: the path segment after the app area (`/contacts/<portal>/…`, `/reports-dashboard/<portal>/…`). */
export const hubspotTenant = (url: URL): string | null => /^\/[^/]+\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1] ?? null;

export function hubspotBase(url: URL): CrmBase | null {
  const portal = hubspotTenant(url);
  return portal ? { origin: url.origin, part: portal } : null;
}

export function hubspotRecordUrl(ref: { objectType: ObjectType; id: string }, base: CrmBase | undefined): string | null {
  const type = nameOf(TYPE_IDS, ref.objectType);
  return base?.part && type ? `${base.origin}/contacts/${enc(base.part)}/record/${type}/${enc(ref.id)}` : null;
}

/** Record id and object type of a record link's path, or null. */
export function hubspotRecordOf(path: string): { objectType: ObjectType; recordId: string } | null {
  const r = HS_RECORD.exec(path);
  const objectType = r ? lookup(TYPE_IDS, r[2]!) : undefined;
  if (r && objectType) return { objectType, recordId: r[3]! };
  const l = HS_LEGACY.exec(path);
  const legacyType = l ? lookup(WORDS, l[2]!) : undefined;
  if (l && legacyType) return { objectType: legacyType, recordId: l[3]! };
  return null;
}

export function parseHubspotUrl(url: URL): PageInfo {
  const record = hubspotRecordOf(url.pathname);
  if (record) return { kind: 'record', ...record };
  const index = HS_INDEX.exec(url.pathname);
  const indexType = index ? lookup(TYPE_IDS, index[2]!) : undefined;
  if (index && indexType) return { kind: 'list', objectType: indexType };
  const legacy = HS_LEGACY_INDEX.exec(url.pathname);
  const legacyType = legacy ? lookup(WORDS, legacy[2]!) : undefined;
  if (legacy && legacyType) return { kind: 'list', objectType: legacyType };
  return { kind: 'other' };
}
