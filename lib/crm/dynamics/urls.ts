/**
 * Dynamics 365 / Power Apps model-driven app hosts and URL forms (docs/crm/dynamics.md §Hosts,
 * §URLs), all on `main.aspx`:
 *   record  main.aspx?[appid=…&]pagetype=entityrecord&etn=<logicalname>&id=<guid>   (id may be {…}/%7B…%7D, any case)
 *   list    main.aspx?[appid=…&]pagetype=entitylist&etn=<logicalname>[&viewid=…&viewtype=1039]
 * A record form without `id` is a new record: nothing to overlay yet.
 */
import type { ObjectType } from '../../schemas/values';
import { enc, lookup, nameOf } from '../read';
import type { CrmBase, PageInfo } from '../types';

/**
 * `*.dynamics.com` covers every `crmN` region (isHost post-filters on `.crmN.dynamics.com`); the
 * sovereign clouds have their own domains. On-premises hosts come from settings.
 */
export const DYNAMICS_HOSTS = [
  '*.dynamics.com',
  '*.crm.microsoftdynamics.us',
  '*.crm.appsplatform.us',
  '*.crm.dynamics.cn',
  '*.crm.microsoftdynamics.de',
] as const;

/**
 * Where the content script may run (include globs): the app page `main.aspx` of a CRM org host —
 * `*.dynamics.com` alone would also take in Microsoft's marketing, docs and other Dynamics apps.
 */
export const DYNAMICS_APP_GLOBS: readonly string[] = DYNAMICS_HOSTS.map((h) => `https://${h === '*.dynamics.com' ? '*.crm*.dynamics.com' : h}/main.aspx*`);

export const DYNAMICS_HOST =
  /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.(?:crm\d*\.dynamics\.com|crm\.dynamics\.cn|crm\.microsoftdynamics\.(?:us|de)|crm\.appsplatform\.us)$/i;
const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** Entity logical name → canonical object type (the entities Rapport supports). */
export const DYNAMICS_ENTITIES: Readonly<Record<string, ObjectType>> = {
  account: 'account',
  contact: 'contact',
  opportunity: 'deal',
};

export function isDynamicsHost(hostname: string): boolean {
  return DYNAMICS_HOST.test(hostname);
}

/**
 * A record GUID in the one form Rapport stores and shows: no braces, lower case (the form the
 * Unified Interface writes into its own URLs). Dynamics GUIDs are case-insensitive, so every
 * id read from a URL, a link or a row attribute goes through here before comparing.
 */
export function normaliseGuid(raw: string | null | undefined): string | undefined {
  return raw ? GUID.exec(raw.trim())?.[1]?.toLowerCase() : undefined;
}

const entityType = (etn: string | null): ObjectType | undefined => lookup(DYNAMICS_ENTITIES, etn?.toLowerCase());

/** The organisation path of an on-premises app (`/ContosoOrg` in `/ContosoOrg/main.aspx`); '' online. */
const orgPath = (url: URL): string => /^(.*)\/main\.aspx$/i.exec(url.pathname)?.[1] ?? '';

/** The org: its host (online, one org per host), plus the organisation path on premises. */
export const dynamicsTenant = (url: URL): string => (url.host + orgPath(url)).toLowerCase();

/** The org's address (host, and the organisation path on premises) and the app the tab showed. */
export function dynamicsBase(url: URL): CrmBase {
  const origin = url.origin + orgPath(url);
  const appid = url.searchParams.get('appid');
  return appid ? { origin, part: appid } : { origin };
}

export function dynamicsRecordUrl(ref: { objectType: ObjectType; id: string }, base: CrmBase | undefined): string | null {
  const etn = nameOf(DYNAMICS_ENTITIES, ref.objectType);
  return base && etn ? `${base.origin}/main.aspx?${base.part ? `appid=${enc(base.part)}&` : ''}pagetype=entityrecord&etn=${etn}&id=${enc(ref.id)}` : null;
}

export function parseDynamicsUrl(url: URL): PageInfo {
  if (!/\/main\.aspx$/i.test(url.pathname)) return { kind: 'other' };
  const q = url.searchParams; // decodes %7B…%7D
  const pageType = q.get('pagetype')?.toLowerCase();
  const objectType = entityType(q.get('etn'));
  if (!objectType) return { kind: 'other' };
  if (pageType === 'entityrecord') {
    const recordId = normaliseGuid(q.get('id'));
    return recordId ? { kind: 'record', objectType, recordId } : { kind: 'other' };
  }
  if (pageType === 'entitylist') return { kind: 'list', objectType };
  return { kind: 'other' };
}
