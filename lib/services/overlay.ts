/**
 * Background side of the CRM overlay: what to show for the record a tab shows, chips for list
 * rows, link candidates and "track this customer". The record and its tenant come from the
 * sender's URL (lib/services/overlay-resolve.ts); data is shown only for an exact ref of that
 * tenant. Anything else is an unknown customer — at most a "link to…?" prompt whose names
 * come only when the user opens the picker, never another customer's scores.
 */
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { customersRepo, normaliseDomain, trackedIdBase } from '../db/repos/customers';
import { scoresRepo } from '../db/repos/scores';
import { today } from '../clock';
import { crmOfUrl } from '../crm/books';
import { CodedError } from '../messaging/errors';
import type { CustomerSummary, RecordOverlay, RowChip } from '../messaging/protocol';
import type { Handlers, Sender } from '../messaging/router';
import type { RecordLookupInput } from '../schemas/messages';
import type { Customer, CrmRef } from '../schemas/domain';
import type { CrmId, ObjectType } from '../schemas/enums';
import type { Settings } from '../schemas/settings';
import { loadSettings } from '../settings/store';
import { broadcastDataChanged } from './broadcast';
import { rescoreCustomer } from './rescore';
import { mergeCatalogs, resolveLocale } from '../i18n';
import { common } from '../i18n/catalogs/common';
import { overlay } from '../i18n/catalogs/overlay';
import { scoring } from '../i18n/catalogs/scoring';
import { errors } from '../i18n/catalogs/errors';
import { pageUrlOf, resolveExact, senderRecord, tabOf } from './overlay-resolve';
import { currentBinding, tabBindings } from './overlay-guard';
import { sameRecord, type TabRecord } from './overlay-tabs';
import { cardOf } from './overlay-card';
import { neverLogRecordHit } from '../privacy/never-log';

/** The overlay's strings, with the error sentences its error state shows. */
const OVERLAY_CATALOG = mergeCatalogs(mergeCatalogs(mergeCatalogs(common, scoring), overlay), errors);

/** Reasons the badge row carries (the card has them all). */
const BADGE_REASONS = 3;

/** The most names the link picker shows. */
export const MAX_CANDIDATES = 5;

const summary = (c: Customer): CustomerSummary => ({ id: c.id, name: c.name, ...(c.domain ? { domain: c.domain } : {}) });
const hintsOf = (l: RecordLookupInput): { name?: string; email?: string; domain?: string } => ({
  ...(l.name ? { name: l.name } : {}),
  ...(l.email ? { email: l.email } : {}),
  ...(l.domain ? { domain: l.domain } : {}),
});
const refOf = (r: TabRecord): CrmRef => ({ crm: r.crm, objectType: r.objectType, id: r.id, ...(r.tenant ? { tenant: r.tenant } : {}) });

/** The ready overlay of a customer (scored now when it has no score yet): the badge row only. */
async function ready(db: AppDB, customer: Customer, settings: Settings, asOf: string): Promise<RecordOverlay> {
  const score = (await scoresRepo(db).get(customer.id)) ?? (await rescoreCustomer(db, customer.id, settings, asOf));
  if (!score) return { state: 'unknown-customer', linkable: false };
  const { tier, risk, riskScore, reasons, nba } = score;
  return { state: 'ready', customer: summary(customer), score: { tier, risk, riskScore, reasons: reasons.slice(0, BADGE_REASONS), nba } };
}

/**
 * The overlay of the record the sender's tab shows. A content script's tab is bound to the
 * record and its exact customer (lib/services/overlay-guard.ts). An extension page (the side
 * panel, which knows no tenant) gets a customer only for a ref no other customer holds.
 */
export async function recordOverlay(db: AppDB, lookup: RecordLookupInput, sender: Sender, settings: Settings, asOf: string): Promise<RecordOverlay> {
  if (sender.extensionPage) {
    const held = await customersRepo(db).withRefAnyTenant(lookup.ref);
    return held.length === 1 ? ready(db, held[0]!, settings, asOf) : { state: 'unknown-customer', linkable: false };
  }
  const record = senderRecord(sender, settings.crm.customDomains, lookup.ref);
  const { tabId, frameId } = tabOf(sender);
  const customer = await resolveExact(db, record);
  const before = tabBindings.get(tabId, frameId);
  const offered = before && sameRecord(before.record, record) ? before.offered : new Set<string>();
  tabBindings.set(tabId, frameId, { url: pageUrlOf(sender)!, record, hints: hintsOf(lookup), offered, ...(customer ? { customerId: customer.id } : {}) });
  if (customer) return ready(db, customer, settings, asOf);
  const linkable = (await customersRepo(db).suggest(hintsOf(lookup), 1)).length > 0;
  return { state: 'unknown-customer', linkable };
}

/** Names for the link picker of the sender's tab (at most five); the tab may link only to these. */
export async function linkCandidates(db: AppDB, sender: Sender, settings: Settings): Promise<CustomerSummary[]> {
  const binding = currentBinding(sender, settings.crm.customDomains);
  if (binding.customerId) return [];
  const found = await customersRepo(db).suggest(binding.hints, MAX_CANDIDATES);
  binding.offered = new Set(found.map((c) => c.id));
  return found.map((c) => ({ id: c.id, name: c.name }));
}

/** Chips of a list's rows: customers holding the row's ref in this tenant, or unbound. */
export async function rowChips(db: AppDB, crm: CrmId, objectType: ObjectType, ids: readonly string[], tenant: string | null): Promise<Record<string, RowChip>> {
  const refs = ids.map((id) => ({ crm, objectType, id }));
  const repo = customersRepo(db);
  const customers = [...(tenant ? await repo.withRefs(refs, tenant) : []), ...(await repo.withRefs(refs, null))];
  const scores = await scoresRepo(db).bulkGet(customers.map((c) => c.id));
  const out: Record<string, RowChip> = {};
  customers.forEach((c, i) => {
    const s = scores[i];
    if (!s) return;
    for (const ref of c.crmRefs)
      if (ref.crm === crm && ref.objectType === objectType && (!ref.tenant || ref.tenant === tenant) && ids.includes(ref.id) && !out[ref.id])
        out[ref.id] = { customerId: c.id, tier: s.tier, risk: s.risk, riskScore: s.riskScore };
  });
  return out;
}

/** The privacy "never log" list names this record or customer: nothing is written (`overlay.never-log`). */
function refuseNeverLogged(settings: Settings, record: Parameters<typeof neverLogRecordHit>[1]): void {
  const entry = neverLogRecordHit(settings.neverLog, record);
  if (entry) throw new CodedError('overlay.never-log', { entry });
}

/**
 * Track a record: link its ref to an existing customer, or create a new customer for it under a
 * fresh id (never overwriting one). A ref with a tenant is stored bound to it. A record the
 * privacy list names (its id, the page's email or domain), or a customer it names, is refused.
 */
export async function trackRecord(
  db: AppDB,
  ref: CrmRef,
  hints: RecordLookupInput,
  customerId: string | undefined,
  settings: Settings,
  asOf: string,
): Promise<Customer> {
  const repo = customersRepo(db);
  const domain = hints.domain ? normaliseDomain(hints.domain) : undefined;
  const email = hints.email?.trim().toLowerCase();
  refuseNeverLogged(settings, { ids: [trackedIdBase(ref), ref.id], ...(domain ? { domain } : {}), emails: email ? [email] : [] });
  let customer: Customer;
  if (customerId) {
    const target = await repo.get(customerId);
    if (target) refuseNeverLogged(settings, { ids: [target.id], ...(target.domain ? { domain: target.domain } : {}), emails: target.emails });
    customer = await repo.linkRef(customerId, ref);
  } else {
    customer = await repo.addTracked(trackedIdBase(ref), {
      name: hints.name?.trim() || ref.id,
      ...(domain ? { domain } : {}),
      emails: email ? [email] : [],
      createdAt: asOf,
      crmRefs: [ref],
    });
  }
  await rescoreCustomer(db, customer.id, settings, asOf);
  return customer;
}

/**
 * "Track" / "Link" from a sender. A content script tracks only the record its URL shows, links
 * only to a customer its picker offered, and a record already resolved stays with its customer.
 * An extension page (the popup) stores the ref unbound: it is bound where it is first shown.
 */
export async function trackCustomer(
  db: AppDB,
  lookup: RecordLookupInput,
  customerId: string | undefined,
  sender: Sender,
  settings: Settings,
  asOf: string,
): Promise<Customer> {
  const repo = customersRepo(db);
  if (sender.extensionPage) {
    const { tenant: _ignored, ...ref } = lookup.ref;
    const held = await repo.withRef(ref, null);
    if (!customerId && held.length) return held[0]!;
    return trackRecord(db, ref, lookup, customerId, settings, asOf);
  }
  const record = senderRecord(sender, settings.crm.customDomains, lookup.ref);
  const binding = currentBinding(sender, settings.crm.customDomains);
  if (binding.customerId) {
    const bound = await repo.get(binding.customerId);
    if (bound) return bound;
  }
  if (customerId && !binding.offered.has(customerId)) throw new CodedError('overlay.not-offered', undefined, 'customerId');
  const customer = await trackRecord(db, refOf(record), { ...binding.hints, ref: lookup.ref }, customerId, settings, asOf);
  binding.customerId = customer.id;
  binding.offered = new Set();
  return customer;
}

const tenantOfSender = (sender: Sender, settings: Settings): { crm: CrmId; tenant: string | null } | null => {
  const url = pageUrlOf(sender);
  return url ? crmOfUrl(url, settings.crm.customDomains) : null;
};

export const overlayHandlers: Partial<Handlers> = {
  async getRecordOverlay({ lookup }, sender) {
    return recordOverlay(getDb(), lookup, sender, await loadSettings(), today());
  },
  async getOverlayStrings({ languages }) {
    const locale = resolveLocale('auto', languages);
    return { locale, strings: OVERLAY_CATALOG[locale] };
  },
  async getRowChips({ crm, objectType, ids }, sender) {
    const settings = await loadSettings();
    const page = tenantOfSender(sender, settings);
    // A content script sees chips of its own CRM and tenant only.
    if (!sender.extensionPage && page?.crm !== crm) return {};
    return rowChips(getDb(), crm, objectType, ids, sender.extensionPage ? null : (page?.tenant ?? null));
  },
  async getLinkCandidates(_payload, sender) {
    return linkCandidates(getDb(), sender, await loadSettings());
  },
  async getCard(_payload, sender) {
    return cardOf(getDb(), sender, await loadSettings(), today());
  },
  async trackCustomer({ lookup, customerId }, sender) {
    const customer = await trackCustomer(getDb(), lookup, customerId, sender, await loadSettings(), today());
    await broadcastDataChanged([customer.id]);
    return customer;
  },
};
