/**
 * Pipedrive hosts and URL forms (docs/crm/pipedrive.md §Hosts, §URLs), on `<company>.pipedrive.com`
 * or `app.pipedrive.com`:
 *   record  /organization/<id>, /person/<id>, /deal/<id>   (optionally ?tab=notes, /activities…)
 *   list    /organizations/list, /persons/list[/user/<id>|/user/everyone], /deals/list[/…]
 * Dialogs live in the hash (`/persons/list#dialog/person/add`) and do not change the page.
 */
import type { ObjectType } from '../../schemas/values';
import { enc, nameOf } from '../read';
import type { CrmBase, PageInfo } from '../types';

/** Every company gets its own subdomain. */
export const PIPEDRIVE_HOSTS = ['*.pipedrive.com'] as const;

export const PD_HOST = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.pipedrive\.com$/i;
export const PD_RECORD = /^\/(person|organization|deal)\/(\d{1,12})(?:[/?#]|$)/;
export const PD_LIST = /^\/(persons|organizations|deals)\/list(?:[/?#]|$)/;

/** Pipedrive's own non-app hosts (marketing, docs, API, login). */
const NOT_APP = new Set(['www', 'developers', 'support', 'status', 'marketplace', 'oauth', 'api', 'login']);

export const PD_RECORD_TYPES: Readonly<Record<string, ObjectType>> = {
  organization: 'account',
  person: 'contact',
  deal: 'deal',
};
const LIST_TYPES: Readonly<Record<string, ObjectType>> = {
  organizations: 'account',
  persons: 'contact',
  deals: 'deal',
};

/** Pipedrive's non-app hosts as match patterns the content script is excluded from. */
export const PIPEDRIVE_NOT_APP_MATCHES: readonly string[] = [...NOT_APP].map((sub) => `https://${sub}.pipedrive.com/*`);

export function isPipedriveHost(hostname: string): boolean {
  const m = PD_HOST.exec(hostname);
  return !!m && !NOT_APP.has(m[1]!.toLowerCase());
}

/** The company: its subdomain; null on the shared `app` host, which does not say. */
export function pipedriveTenant(url: URL): string | null {
  const sub = PD_HOST.exec(url.hostname)?.[1]?.toLowerCase();
  return sub && sub !== 'app' ? sub : null;
}

export const pipedriveBase = (url: URL): CrmBase => ({ origin: url.origin });

export function pipedriveRecordUrl(ref: { objectType: ObjectType; id: string }, base: CrmBase | undefined): string | null {
  const path = nameOf(PD_RECORD_TYPES, ref.objectType);
  return base && path ? `${base.origin}/${path}/${enc(ref.id)}` : null;
}

export function parsePipedriveUrl(url: URL): PageInfo {
  const record = PD_RECORD.exec(url.pathname);
  if (record) return { kind: 'record', objectType: PD_RECORD_TYPES[record[1]!]!, recordId: record[2]! };
  const list = PD_LIST.exec(url.pathname);
  if (list) return { kind: 'list', objectType: LIST_TYPES[list[1]!]! };
  return { kind: 'other' };
}
