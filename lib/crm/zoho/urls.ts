/**
 * Zoho CRM hosts and URL forms (docs/crm/zoho.md §Hosts, §URLs). Paths, not hashes:
 *   record  /crm/org<orgId>/tab/<Module>/<id>, /crm/<alias>/tab/<Module>/<id>, /crm/tab/<Module>/<id>
 *           (CRM Plus: /<portal>/index.do/cxapp/crm/org<id>/tab/<Module>/<id>), /crm/…/EntityInfo.do?module=&id=
 *   list    /crm/org<id>/tab/<Module>/custom-view/<cvid>/list[?page=…]
 * The module segment is the internal name: Deals are `Potentials`.
 */
import type { ObjectType } from '../../schemas/values';
import { enc, lookup, nameOf, onHosts } from '../read';
import type { CrmBase, PageInfo } from '../types';

/**
 * The CRM web host of each data centre (US, EU, IN, AU, CN, JP, Canada), the sandbox, and CRM
 * Plus (which wraps CRM under a path prefix). Custom domain mappings come from settings.
 */
export const ZOHO_HOSTS = [
  'crm.zoho.com',
  'crm.zoho.eu',
  'crm.zoho.in',
  'crm.zoho.com.au',
  'crm.zoho.com.cn',
  'crm.zoho.jp',
  'crm.zohocloud.ca',
  'crmsandbox.zoho.com',
  'crmplus.zoho.com',
] as const;

/** Not anchored at "^" so the CRM Plus prefix also matches; the org segment may be an alias. */
export const ZOHO_RECORD = /\/crm\/(?:[^/]+\/)?tab\/([A-Za-z0-9_]+)\/(\d{10,20})(?:[/?#]|$)/;
export const ZOHO_LIST = /\/crm\/(?:[^/]+\/)?tab\/([A-Za-z0-9_]+)\/custom-view\/(\d+)\/list(?:[/?#]|$)/;
const ZOHO_ENTITY_INFO = /\/crm\/(?:[^/]+\/)?EntityInfo\.do$/;
const RECORD_ID = /^\d{10,20}$/;

/** Internal module name → canonical object type (the modules Rapport supports). */
export const ZOHO_MODULES: Readonly<Record<string, ObjectType>> = {
  Accounts: 'account',
  Contacts: 'contact',
  Potentials: 'deal',
  Deals: 'deal',
};

export const isZohoHost = (hostname: string): boolean => onHosts(ZOHO_HOSTS, hostname);

const moduleType = (module: string | null): ObjectType | undefined => lookup(ZOHO_MODULES, module);

/** The org path segment (`org<id>` or the org's alias) when the URL carries one. */
const ORG = /\/crm\/(?!tab\/)([^/]+)\/(?:tab\/|EntityInfo\.do$)/;

/** The org: its path segment (`org746753262` or an alias), lower case; null when the URL omits it. */
export const zohoTenant = (url: URL): string | null => ORG.exec(url.pathname)?.[1]?.toLowerCase() ?? null;

export function zohoBase(url: URL): CrmBase {
  const org = ORG.exec(url.pathname)?.[1];
  return org ? { origin: url.origin, part: org } : { origin: url.origin };
}

/** With the org segment the record path; without it the permalink form, where Zoho fills in the org. */
export function zohoRecordUrl(ref: { objectType: ObjectType; id: string }, base: CrmBase | undefined): string | null {
  const module = nameOf(ZOHO_MODULES, ref.objectType);
  if (!base || !module) return null;
  const id = enc(ref.id);
  return base.part ? `${base.origin}/crm/${enc(base.part)}/tab/${module}/${id}` : `${base.origin}/crm/EntityInfo.do?module=${module}&id=${id}`;
}

export function parseZohoUrl(url: URL): PageInfo {
  const path = url.pathname;
  const list = ZOHO_LIST.exec(path);
  if (list) {
    const objectType = moduleType(list[1]!);
    return objectType ? { kind: 'list', objectType } : { kind: 'other' };
  }
  const record = ZOHO_RECORD.exec(path);
  if (record) {
    const objectType = moduleType(record[1]!);
    return objectType ? { kind: 'record', objectType, recordId: record[2]! } : { kind: 'other' };
  }
  if (ZOHO_ENTITY_INFO.test(path)) {
    const objectType = moduleType(url.searchParams.get('module'));
    const id = url.searchParams.get('id') ?? '';
    if (objectType && RECORD_ID.test(id)) return { kind: 'record', objectType, recordId: id };
  }
  return { kind: 'other' };
}
