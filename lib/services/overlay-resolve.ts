/**
 * Which record a CRM tab shows and whose customer it is — decided by the background from the
 * sender's URL (the browser reports it; page script cannot forge it), never from what the page
 * says. Data is shown only for an exact ref of the tab's tenant; the binding rule for refs stored
 * without a tenant is in docs/security/overlay.md.
 */
import type { AppDB } from '../db/app-db';
import { customersRepo } from '../db/repos/customers';
import { crmOfUrl } from '../crm/books';
import { descriptorOf } from '../crm/registry';
import { CodedError } from '../messaging/errors';
import type { Sender } from '../messaging/router';
import type { Customer } from '../schemas/domain';
import type { CrmId } from '../schemas/enums';
import type { TabRecord } from './overlay-tabs';

type CustomDomains = readonly { crm: CrmId; host: string }[];

/** The record a CRM page URL shows (the CRM's tenant included), or null for any other page. */
export function recordOfUrl(rawUrl: string | undefined, customDomains: CustomDomains): TabRecord | null {
  const crm = rawUrl ? crmOfUrl(rawUrl, customDomains) : null;
  if (!crm) return null;
  const d = descriptorOf(crm.crm);
  const page = d.parseUrl(new URL(rawUrl!));
  if (page.kind !== 'record') return null;
  return { crm: crm.crm, tenant: crm.tenant, objectType: page.objectType, id: d.canonicalId?.(page.recordId) ?? page.recordId };
}

/**
 * The URL the sender's page shows now. For the top frame that is the tab's URL: the browser
 * updates it on in-app navigations (`pushState`), while `sender.url` keeps the URL the document
 * was loaded with. Other frames only have `sender.url`.
 */
export const pageUrlOf = (sender: Sender): string | undefined => ((sender.frameId ?? 0) === 0 ? (sender.tab?.url ?? sender.url) : sender.url);

/** The content script's tab and frame; a sender without a tab is not a CRM page. */
export function tabOf(sender: Sender): { tabId: number; frameId: number } {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) throw new CodedError('overlay.not-a-record');
  return { tabId, frameId: sender.frameId ?? 0 };
}

/**
 * The record of the sender's page, checked against the one the request names: a content script
 * that asks about another record than its URL shows (page script moved it, or the page
 * navigated meanwhile) gets an error, never that record's data.
 */
export function senderRecord(sender: Sender, customDomains: CustomDomains, claimed?: { crm: string; objectType: string; id: string }): TabRecord {
  const record = recordOfUrl(pageUrlOf(sender), customDomains);
  if (!record) throw new CodedError('overlay.not-a-record');
  if (claimed) {
    const canonical = descriptorOf(record.crm).canonicalId?.(claimed.id) ?? claimed.id;
    if (claimed.crm !== record.crm || claimed.objectType !== record.objectType || canonical !== record.id) throw new CodedError('overlay.not-this-record');
  }
  return record;
}

/**
 * The customer of an exact match: the one customer holding this record's ref in this tenant;
 * else the one holding it unbound (imported, typed or sampled without a tenant), which is then
 * bound to this tenant — from then on the same record id in another tenant is not it. No
 * tenant in the URL: unbound refs only, and nothing is bound. Two holders: no match.
 */
export async function resolveExact(db: AppDB, record: TabRecord): Promise<Customer | undefined> {
  const repo = customersRepo(db);
  const ref = { crm: record.crm, objectType: record.objectType, id: record.id };
  if (record.tenant) {
    const bound = await repo.withRef(ref, record.tenant);
    if (bound.length) return bound.length === 1 ? bound[0] : undefined;
  }
  const unbound = await repo.withRef(ref, null);
  if (unbound.length !== 1) return undefined;
  return record.tenant ? repo.bindRef(unbound[0]!.id, ref, record.tenant) : unbound[0];
}
