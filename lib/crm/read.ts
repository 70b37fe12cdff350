/**
 * Reading values off CRM pages, shared by every adapter: which elements are really shown (CRMs
 * keep hidden cached views, closed slide-overs and inactive sessions in the DOM), field values,
 * emails, website domains, and the record ref built from them. Text only, never HTML.
 */
import type { CrmId } from '../schemas/values';
import { isVisible, textOf } from '../dom/query';
import type { RecordPage, RecordRef } from './types';

/** Ways CRMs hide stale views: `hidden`, inline `display: none`, `aria-hidden`. */
export const HIDDEN = '[hidden], [style*="display: none"], [style*="display:none"], [aria-hidden="true"]';

export const shown = (el: Element): boolean => isVisible(el) && !el.closest(HIDDEN);

/** A field's value: inputs and text areas (editable forms) by value, anything else by text. */
export function valueOf(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const v = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value.trim() : textOf(el);
  return v || undefined;
}

/** The host of a URL or bare domain (`https://www.acme.com/x`, `acme.com`), without `www.`. */
export function domainOf(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`).hostname;
    return host.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** The domain a website link points to (its href, else its text). */
export const linkDomain = (link: Element | null | undefined): string | undefined => domainOf(link?.getAttribute('href') ?? valueOf(link));

/** The address of a mailto link (else the element's value). */
export function emailOf(link: Element | null | undefined): string | undefined {
  const href = link?.getAttribute('href');
  const fromHref = href?.startsWith('mailto:') ? decodeURIComponent(href.slice(7).split('?')[0]!) : undefined;
  return (fromHref || valueOf(link))?.trim() || undefined;
}

/** A record ref with only the fields the page actually showed. */
export function recordRef(crm: CrmId, page: RecordPage, found: { recordId?: string; name?: string; email?: string; domain?: string }): RecordRef {
  return {
    crm,
    objectType: page.objectType,
    recordId: found.recordId ?? page.recordId,
    ...(found.name ? { name: found.name } : {}),
    ...(found.email ? { email: found.email } : {}),
    ...(found.domain ? { domain: found.domain } : {}),
  };
}
