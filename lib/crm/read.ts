/**
 * Small pieces every descriptor shares: reading field values, emails and website domains off
 * CRM pages (text only, never HTML), the record ref built from them, link hrefs, and the
 * own-property lookups that map a CRM's object names onto Rapport's object types.
 */
import { textOf } from '../dom/query';
import type { CrmId, ObjectType } from '../schemas/values';
import type { RecordPage, RecordRef } from './types';

/** A field's value: inputs and text areas (editable forms) by value, anything else by text. */
export function valueOf(el: Element | null | undefined): string | undefined {
  return (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value.trim() : textOf(el)) || undefined;
}

/** The host of a URL or bare domain (`https://www.acme.com/x`, `acme.com`), without `www.`. */
export function domainOf(raw: string | null | undefined): string | undefined {
  try {
    return raw ? new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`).hostname.replace(/^www\./, '') || undefined : undefined;
  } catch {
    return undefined;
  }
}

/** The domain a website link points to (its href, else its text). */
export const linkDomain = (link: Element | null | undefined): string | undefined => domainOf(link?.getAttribute('href') ?? valueOf(link));

/** The address of a mailto link (else the element's value), when it looks like one. */
export function emailOf(link: Element | null | undefined): string | undefined {
  const href = link?.getAttribute('href');
  const email = ((href?.startsWith('mailto:') && decodeURIComponent(href.slice(7).split('?')[0]!)) || valueOf(link))?.trim();
  return email?.includes('@') ? email : undefined;
}

/** The path (and search) of a link's href, resolved against the page; '' when it does not parse. */
export function hrefOf(link: Element, part: 'pathname' | 'search' = 'pathname'): string {
  try {
    return new URL(link.getAttribute('href') ?? '', 'https://x.invalid/')[part];
  } catch {
    return '';
  }
}

/** A record ref with only the fields the page actually showed. */
export function recordRef(crm: CrmId, page: RecordPage, found: { recordId?: string; name?: string; email?: string; domain?: string }): RecordRef {
  const ref: RecordRef = { crm, objectType: page.objectType, recordId: found.recordId ?? page.recordId };
  for (const k of ['name', 'email', 'domain'] as const) if (found[k]) ref[k] = found[k];
  return ref;
}

/** `table[key]` for the table's own keys only (`constructor`, `__proto__` are not object names). */
export const lookup = <T>(table: Readonly<Record<string, T>>, key: string | null | undefined): T | undefined =>
  key != null && Object.hasOwn(table, key) ? table[key] : undefined;

/** The first name a table gives an object type (the inverse of `lookup`, for building links). */
export const nameOf = (table: Readonly<Record<string, ObjectType>>, type: ObjectType): string | undefined => Object.keys(table).find((k) => table[k] === type);

export const enc = encodeURIComponent;

/** True when `hostname` is one of the host patterns (`*.x` = any subdomain of x, not x itself). */
export const onHosts = (hosts: readonly string[], hostname: string): boolean =>
  hosts.some((h) => (h[0] === '*' ? hostname.toLowerCase().endsWith(h.slice(1)) : hostname.toLowerCase() === h));
