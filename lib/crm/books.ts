/**
 * Every CRM's book (lib/crm/<crm>/book.ts): the extension side of a CRM — name, record links,
 * import preset, sample ids, demo tenant — which the content script must not carry. One line
 * per CRM; a CRM in the registry (registry.ts) without a book here is a type error.
 */
import { descriptorFor } from './registry';
import type { CrmBase, CrmBook } from './types';
import type { CrmId } from '../schemas/values';
import { salesforceBook } from './salesforce/book';
import { hubspotBook } from './hubspot/book';
import { zohoBook } from './zoho/book';
import { dynamicsBook } from './dynamics/book';
import { pipedriveBook } from './pipedrive/book';
import { fxiaokeBook } from './fxiaoke/book';

export const BOOKS: { readonly [K in CrmId]: CrmBook } = {
  salesforce: salesforceBook,
  hubspot: hubspotBook,
  zoho: zohoBook,
  dynamics: dynamicsBook,
  pipedrive: pipedriveBook,
  fxiaoke: fxiaokeBook,
};

/** A CRM tab's URL: which CRM, its tenant and base — honouring custom domains; null for other pages. */
export function crmOfUrl(
  rawUrl: string,
  customDomains: readonly { crm: CrmId; host: string }[] = [],
): { crm: CrmId; tenant: string | null; base: CrmBase | null } | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  const d = url.protocol === 'https:' ? descriptorFor(url.hostname, customDomains) : null;
  return d && { crm: d.id, tenant: BOOKS[d.id].tenantOf(url), base: BOOKS[d.id].learnBase(url) };
}
