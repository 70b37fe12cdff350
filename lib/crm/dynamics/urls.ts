/**
 * Dynamics 365 model-driven app URL forms (crm-pages.md §4.2), all on `main.aspx`:
 *   record  main.aspx?[appid=…&]pagetype=entityrecord&etn=<logicalname>&id=<guid>   (id may be {…}/%7B…%7D, any case)
 *   list    main.aspx?[appid=…&]pagetype=entitylist&etn=<logicalname>[&viewid=…&viewtype=1039]
 * A record form without `id` is a new record: nothing to overlay yet.
 */
import type { ObjectType } from '../../schemas/values';
import type { PageInfo } from '../types';

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

const entityType = (etn: string | null): ObjectType | undefined => {
  const key = etn?.toLowerCase() ?? '';
  return Object.prototype.hasOwnProperty.call(DYNAMICS_ENTITIES, key) ? DYNAMICS_ENTITIES[key] : undefined;
};

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
