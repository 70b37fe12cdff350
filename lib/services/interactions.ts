/**
 * Background service for the quick-log: `logInteraction` (validate, respect the privacy
 * "never log" list, write interaction + feedback + contact in one transaction, rescore the
 * customer at once, tell open pages) and `searchCustomers` (an in-memory index with pinyin
 * keys, built once and rebuilt when customers change).
 */
import Dexie from 'dexie';
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { customersRepo } from '../db/repos/customers';
import type { Handlers } from '../messaging/router';
import { FeedbackSchema, type Contact, type Feedback, type Interaction, type Score } from '../schemas/domain';
import type { Settings } from '../schemas/settings';
import { buildSearchIndex, searchCustomerIndex, type SearchIndex } from '../popup/customer-search';
import { isCalendarDate } from '../popup/field-errors';
import { neverLogHit } from '../popup/never-log';
import { loadSettings } from '../settings/store';
import { today } from '../clock';
import { broadcastDataChanged } from './broadcast';
import { rescoreCustomer } from './rescore';

export type RescoreFn = (db: AppDB, customerId: string, settings: Settings, asOf: string) => Promise<Score | null | undefined>;

export interface InteractionsDeps {
  db: () => AppDB;
  settings: () => Promise<Settings>;
  rescore: RescoreFn;
  broadcast: (customerIds?: string[]) => Promise<void>;
  /** Today's ISO date in the user's time zone (the entry wiring passes `today()`). */
  asOf: () => string;
  newId: () => string;
  now: () => number;
}

/** The privacy list refused the interaction; nothing was written. */
export class NeverLogRefusal extends Error {
  override name = 'NeverLogRefusal';
}

type LogPayload = Parameters<Handlers['logInteraction']>[0];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const fold = (s: string): string => s.normalize('NFKC').trim().toLowerCase();

function checkFields(p: LogPayload, asOf: string): void {
  if (!isCalendarDate(p.date)) throw new Error(`date: ${p.date} is not a calendar day.`);
  if (p.date > asOf) throw new Error(`date: ${p.date} is in the future (today is ${asOf}).`);
  if (!p.summary.trim()) throw new Error('summary: say in a few words what happened.');
  if (p.nextStepDue !== undefined && !isCalendarDate(p.nextStepDue)) throw new Error(`nextStepDue: ${p.nextStepDue} is not a calendar day.`);
  if (p.nextStepDue !== undefined && !p.nextStep?.trim()) throw new Error('nextStep: a due date needs a next step.');
  if (p.nextStepDue !== undefined && p.nextStepDue < p.date) throw new Error(`nextStepDue: ${p.nextStepDue} is before the interaction (${p.date}).`);
}

function toFeedback(p: LogPayload, id: string): Feedback | undefined {
  if (!p.feedback) return undefined;
  const comment = p.feedback.comment?.trim();
  const parsed = FeedbackSchema.safeParse({
    id,
    customerId: p.customerId,
    date: p.date,
    kind: p.feedback.kind,
    ...(p.feedback.score === undefined ? {} : { score: p.feedback.score }),
    ...(comment ? { comment } : p.feedback.kind === 'complaint' ? { comment: p.summary.trim() } : {}),
  });
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`feedback.${i.path.join('.') || 'kind'}: ${i.message}`);
  }
  return parsed.data;
}

/** Builds the handlers around their dependencies (tests pass fakes, the background the real ones). */
/** `searchCustomers` alone (it needs only the database). */
export function createSearchHandlers(getDb: () => AppDB): Pick<Handlers, 'searchCustomers'> {
  const searchIndex = createSearchIndexCache(getDb);
  return {
    async searchCustomers({ query, limit }) {
      return searchCustomerIndex(await searchIndex(), query, limit);
    },
  };
}

export function createInteractionsHandlers(deps: InteractionsDeps): Pick<Handlers, 'logInteraction' | 'undoInteraction' | 'searchCustomers'> {
  return {
    ...createSearchHandlers(deps.db),
    async logInteraction(p) {
      const db = deps.db();
      const customer = await customersRepo(db).get(p.customerId);
      if (!customer) throw new Error(`customerId: there is no customer "${p.customerId}"; pick one from the list or track the CRM record first.`);
      const settings = await deps.settings();
      const hit = neverLogHit(settings.neverLog, {
        customerId: customer.id,
        domain: customer.domain,
        emails: customer.emails,
        contact: p.contact,
      });
      if (hit) throw new NeverLogRefusal(`Not logged: "${customer.name}" matches "${hit}" on your privacy "never log" list.`);
      const asOf = deps.asOf();
      checkFields(p, asOf);

      const now = deps.now();
      const contactName = p.contact?.trim() || undefined;
      const interaction: Interaction = {
        id: deps.newId(),
        customerId: customer.id,
        date: p.date,
        channel: p.channel,
        summary: p.summary.trim(),
        createdAt: now,
        ...(p.direction ? { direction: p.direction } : {}),
        ...(p.sentiment ? { sentiment: p.sentiment } : {}),
        ...(contactName ? { contact: contactName, contactIsDecisionMaker: p.contactIsDecisionMaker ?? false } : {}),
        ...(p.nextStep?.trim() ? { nextStep: p.nextStep.trim() } : {}),
        ...(p.nextStepDue ? { nextStepDue: p.nextStepDue } : {}),
      };
      const feedback = toFeedback(p, deps.newId());

      await db.transaction('rw', db.interactions, db.feedback, db.contacts, async () => {
        await db.interactions.add(interaction);
        if (feedback) await db.feedback.add(feedback);
        if (contactName) await rememberContact(db, customer.id, contactName, p.contactIsDecisionMaker ?? false, deps.newId);
      });

      const score = (await deps.rescore(db, customer.id, settings, asOf)) ?? null;
      await deps.broadcast([customer.id]);
      return feedback ? { interactionId: interaction.id, feedbackId: feedback.id, score } : { interactionId: interaction.id, score };
    },

    async undoInteraction({ interactionId, feedbackId }) {
      const db = deps.db();
      const customerId = await db.transaction('rw', db.interactions, db.feedback, async () => {
        const interaction = await db.interactions.get(interactionId);
        if (!interaction) throw new Error(`interactionId: there is no interaction "${interactionId}" (already undone?).`);
        if (feedbackId) {
          const fb = await db.feedback.get(feedbackId);
          if (fb && fb.customerId !== interaction.customerId) throw new Error(`feedbackId: "${feedbackId}" belongs to another customer.`);
          await db.feedback.delete(feedbackId);
        }
        await db.interactions.delete(interactionId);
        return interaction.customerId;
      });
      const score = (await deps.rescore(db, customerId, await deps.settings(), deps.asOf())) ?? null;
      await deps.broadcast([customerId]);
      return { customerId, score };
    },
  };
}

/**
 * A contact named in the quick-log joins the customer's contacts (the history lives in the
 * tool, not in the rep's head); ticking "decision-maker" marks an existing one as such.
 */
async function rememberContact(db: AppDB, customerId: string, name: string, isDecisionMaker: boolean, newId: () => string): Promise<void> {
  const existing = (await db.contacts.where('customerId').equals(customerId).toArray()).find(
    (c) => fold(c.name) === fold(name) || (c.email !== undefined && fold(c.email) === fold(name)),
  );
  if (existing) {
    if (isDecisionMaker && !existing.isDecisionMaker) await db.contacts.update(existing.id, { isDecisionMaker: true });
    return;
  }
  const contact: Contact = { id: newId(), customerId, name, isDecisionMaker, ...(EMAIL.test(name) ? { email: name } : {}) };
  await db.contacts.add(contact);
}

/**
 * The search index, rebuilt only when customers changed: Dexie reports every write to the
 * customers table (in this context and, through BroadcastChannel, in the extension's other
 * pages); the row count is checked too as a cheap guard.
 */
function createSearchIndexCache(getDb: () => AppDB): () => Promise<SearchIndex> {
  let cache: { db: AppDB; index: SearchIndex; count: number } | undefined;
  let dirty = true;
  Dexie.on('storagemutated', (parts) => {
    if (Object.keys(parts).some((k) => k === 'all' || k.includes('/customers/'))) dirty = true;
  });
  return async () => {
    const db = getDb();
    const count = await db.customers.count();
    if (cache && cache.db === db && !dirty && cache.count === count) return cache.index;
    dirty = false;
    const rows = await db.customers.toArray();
    cache = { db, index: buildSearchIndex(rows), count: rows.length };
    return cache.index;
  };
}

/** The background's quick-log handlers, wired to the real database, settings, scorer and clock. */
export const interactionsHandlers: Partial<Handlers> = createInteractionsHandlers({
  db: getDb,
  settings: loadSettings,
  rescore: rescoreCustomer,
  broadcast: broadcastDataChanged,
  asOf: () => today(),
  newId: () => crypto.randomUUID(),
  now: () => Date.now(),
});
