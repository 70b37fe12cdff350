/**
 * Zoho CRM URL forms (crm-pages.md §3.2). Paths, not hashes:
 *   record  /crm/org<orgId>/tab/<Module>/<id>, /crm/<alias>/tab/<Module>/<id>, /crm/tab/<Module>/<id>
 *           (CRM Plus: /<portal>/index.do/cxapp/crm/org<id>/tab/<Module>/<id>), /crm/…/EntityInfo.do?module=&id=
 *   list    /crm/org<id>/tab/<Module>/custom-view/<cvid>/list[?page=…]
 * The module segment is the internal name: Deals are `Potentials`.
 */
import type { ObjectType } from '../../schemas/values';
import type { PageInfo } from '../types';

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

const ZOHO_HOST = /^(?:crm|crmsandbox|crmplus)\.zoho\.(?:com|eu|in|com\.au|com\.cn|jp)$|^crm\.zohocloud\.ca$/i;

export function isZohoHost(hostname: string): boolean {
  return ZOHO_HOST.test(hostname);
}

const moduleType = (module: string): ObjectType | undefined => (Object.prototype.hasOwnProperty.call(ZOHO_MODULES, module) ? ZOHO_MODULES[module] : undefined);

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
    const objectType = moduleType(url.searchParams.get('module') ?? '');
    const id = url.searchParams.get('id') ?? '';
    if (objectType && RECORD_ID.test(id)) return { kind: 'record', objectType, recordId: id };
  }
  return { kind: 'other' };
}
