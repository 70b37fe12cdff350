/**
 * Background side of the CRM overlay: what to show for the record on screen, chips for list
 * rows, and "track this customer". Matching never guesses: an ambiguous or unknown record
 * gets the track state with candidates, never another customer's scores.
 */
import { crmKey, type AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { actionQueue } from '../db/repos/action-queue';
import { customersRepo, normaliseDomain, type RecordLookup } from '../db/repos/customers';
import { interactionsRepo } from '../db/repos/history';
import { scoresRepo } from '../db/repos/scores';
import { today } from '../clock';
import type { CustomerSummary, RecordOverlay, RowChip } from '../messaging/protocol';
import type { Handlers } from '../messaging/router';
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
import { sampleRepo } from '../db/repos/sample';

/** The overlay's strings, with the error sentences its error state shows. */
const OVERLAY_CATALOG = mergeCatalogs(mergeCatalogs(mergeCatalogs(common, scoring), overlay), errors);

const summary = (c: Customer): CustomerSummary => ({ id: c.id, name: c.name, ...(c.domain ? { domain: c.domain } : {}) });

export async function recordOverlay(db: AppDB, lookup: RecordLookup, settings: Settings, asOf: string): Promise<RecordOverlay> {
  const match = await customersRepo(db).matchRecord(lookup);
  if (match.kind === 'unknown') return { state: 'unknown-customer', candidates: match.candidates.slice(0, 5).map(summary) };
  const customer = match.customer;
  const score = (await scoresRepo(db).get(customer.id)) ?? (await rescoreCustomer(db, customer.id, settings, asOf));
  if (!score) return { state: 'unknown-customer', candidates: [summary(customer)] };
  const recent = await interactionsRepo(db).recent(customer.id, asOf, 30);
  const openNextSteps = recent
    .filter((i) => i.nextStep && (!i.nextStepDue || i.nextStepDue >= asOf))
    .slice(0, 3)
    .map((i) => ({ text: i.nextStep!, ...(i.nextStepDue ? { due: i.nextStepDue } : {}) }));
  const sample = (await sampleRepo(db).mark())?.customerIds.includes(customer.id) === true;
  return {
    state: 'ready',
    customer: summary(customer),
    score,
    actions: await actionQueue(db).openFor(customer.id, asOf),
    openNextSteps,
    ...(sample ? { sample: true as const } : {}),
  };
}

export async function rowChips(db: AppDB, crm: CrmId, objectType: ObjectType, ids: readonly string[]): Promise<Record<string, RowChip>> {
  const keys = ids.map((id) => crmKey({ crm, objectType, id }));
  const customers = await customersRepo(db).byCrmKeys(keys);
  const scores = await scoresRepo(db).bulkGet(customers.map((c) => c.id));
  const out: Record<string, RowChip> = {};
  customers.forEach((c, i) => {
    const s = scores[i];
    if (!s) return;
    for (const ref of c.crmRefs)
      if (ref.crm === crm && ref.objectType === objectType && ids.includes(ref.id))
        out[ref.id] = { customerId: c.id, tier: s.tier, risk: s.risk, riskScore: s.riskScore };
  });
  return out;
}

/** Link the record to an existing customer, or create one from what the page shows. */
export async function trackCustomer(db: AppDB, lookup: RecordLookup, customerId: string | undefined, settings: Settings, asOf: string): Promise<Customer> {
  const repo = customersRepo(db);
  const ref: CrmRef = lookup.ref;
  let customer: Customer;
  if (customerId) customer = await repo.linkRef(customerId, ref);
  else {
    const taken = await repo.byCrmRef(ref);
    if (taken) return taken;
    const domain = lookup.domain ? normaliseDomain(lookup.domain) : undefined;
    customer = {
      id: `${ref.crm}-${ref.id}`,
      name: lookup.name?.trim() || ref.id,
      ...(domain ? { domain } : {}),
      emails: lookup.email ? [lookup.email.trim().toLowerCase()] : [],
      createdAt: asOf,
      crmRefs: [ref],
    };
    await repo.put(customer);
  }
  await rescoreCustomer(db, customer.id, settings, asOf);
  return customer;
}

export const overlayHandlers: Partial<Handlers> = {
  async getRecordOverlay({ lookup }) {
    return recordOverlay(getDb(), lookup, await loadSettings(), today());
  },
  async getOverlayStrings({ languages }) {
    const locale = resolveLocale('auto', languages);
    return { locale, strings: OVERLAY_CATALOG[locale] };
  },
  async getRowChips({ crm, objectType, ids }) {
    return rowChips(getDb(), crm, objectType, ids);
  },
  async trackCustomer({ lookup, customerId }) {
    const customer = await trackCustomer(getDb(), lookup, customerId, await loadSettings(), today());
    await broadcastDataChanged([customer.id]);
    return customer;
  },
};
