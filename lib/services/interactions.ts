/**
 * Background service for the quick-log: `logInteraction` (validate, respect the privacy
 * "never log" list, write interaction + feedback + contact in one transaction, rescore the
 * customer at once, tell open pages) and `searchCustomers` (an in-memory index with pinyin
 * keys, built once and rebuilt when customers change).
 */
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { transact } from '../db/repo';
import { onTableChanged } from '../db/changes';
import { customersRepo } from '../db/repos/customers';
import { contactsRepo, feedbackRepo, interactionsRepo } from '../db/repos/history';
import { scoresRepo } from '../db/repos/scores';
import type { Handlers } from '../messaging/router';
import { CodedError } from '../messaging/errors';
import { FeedbackSchema, type Contact, type Customer, type Feedback, type Interaction, type Score } from '../schemas/domain';
import type { Settings } from '../schemas/settings';
import { buildSearchIndex, searchCustomerIndex, type SearchIndex } from '../popup/customer-search';
import { isCalendarDate } from '../popup/field-errors';
import { neverLogHit } from '../privacy/never-log';
import { loadSettings } from '../settings/store';
import { today } from '../clock';
import { broadcastDataChanged } from './broadcast';
import { rescoreCustomer } from './rescore';
import { dropWriteBack, enqueueWriteBack } from './sync';
import type { WritebackState } from '../messaging/protocol';

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
  /** Queue the quick-log for write-back to the CRM, or tell its state when queued already (absent: write-back is off). */
  writeBack?: (interaction: Interaction, customer: Customer) => Promise<WritebackState>;
  /** Forget a queued write-back of an undone quick-log. */
  dropWriteBack?: (interactionId: string) => Promise<void>;
}

/** The privacy list refused the interaction; nothing was written. */
export class NeverLogRefusal extends CodedError {
  override name = 'NeverLogRefusal';
  constructor(name: string, entry: string) {
    super('interaction.never-log', { name, entry });
  }
}

type LogPayload = Parameters<Handlers['logInteraction']>[0];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const fold = (s: string): string => s.normalize('NFKC').trim().toLowerCase();

function checkFields(p: LogPayload, asOf: string): void {
  if (!isCalendarDate(p.date)) throw new CodedError('date.not-calendar', { value: p.date }, 'date');
  if (p.date > asOf) throw new CodedError('date.future', { value: p.date, today: asOf }, 'date');
  if (!p.summary.trim()) throw new CodedError('summary.required', undefined, 'summary');
  if (p.nextStepDue !== undefined && !isCalendarDate(p.nextStepDue)) throw new CodedError('date.not-calendar', { value: p.nextStepDue }, 'nextStepDue');
  if (p.nextStepDue !== undefined && !p.nextStep?.trim()) throw new CodedError('next-step.required', undefined, 'nextStep');
  if (p.nextStepDue !== undefined && p.nextStepDue < p.date)
    throw new CodedError('next-step-due.before-date', { value: p.nextStepDue, date: p.date }, 'nextStepDue');
}

const SCORE_RANGE = { csat: { min: 1, max: 5 }, nps: { min: 0, max: 10 } } as const;

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
    const field = `feedback.${i.path.join('.') || 'kind'}`;
    if (field === 'feedback.score' && p.feedback.kind !== 'complaint') throw new CodedError('feedback.score-range', SCORE_RANGE[p.feedback.kind], field);
    throw new CodedError('value.invalid', undefined, field);
  }
  return parsed.data;
}

/** Row ids of a quick-log made from the popup's draft id. */
export const quickLogId = (clientId: string, part?: 'fb'): string => `ql-${clientId.toLowerCase()}${part ? `-${part}` : ''}`;

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
      if (!customer) throw new CodedError('customer.unknown', { customerId: p.customerId }, 'customerId');
      const settings = await deps.settings();
      // a retried save of the same draft: already stored, answer as the first time did
      const stored = p.clientId ? await interactionsRepo(db).get(quickLogId(p.clientId)) : undefined;
      // the same save again (same customer, day, channel and text); another text under a reused id is a new log
      const retried = stored && stored.date === p.date && stored.channel === p.channel && stored.summary === p.summary.trim() ? stored : undefined;
      const fresh = !!stored && !retried;
      if (retried) {
        if (retried.customerId !== customer.id) throw new CodedError('value.invalid', undefined, 'clientId');
        const feedbackId = p.feedback ? quickLogId(p.clientId!, 'fb') : undefined;
        const writeback = deps.writeBack ? await deps.writeBack(retried, customer) : 'off';
        return { interactionId: retried.id, ...(feedbackId ? { feedbackId } : {}), score: (await scoresRepo(db).get(customer.id)) ?? null, writeback };
      }
      const hit = neverLogHit(settings.neverLog, {
        customerId: customer.id,
        domain: customer.domain,
        emails: customer.emails,
        contact: p.contact,
      });
      if (hit) throw new NeverLogRefusal(customer.name, hit);
      const asOf = deps.asOf();
      checkFields(p, asOf);

      const now = deps.now();
      const contactName = p.contact?.trim() || undefined;
      const interaction: Interaction = {
        id: p.clientId && !fresh ? quickLogId(p.clientId) : deps.newId(),
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
      const feedback = toFeedback(p, p.clientId && !fresh ? quickLogId(p.clientId, 'fb') : deps.newId());

      await transact(db, 'rw', ['interactions', 'feedback', 'contacts'], async () => {
        await interactionsRepo(db).add(interaction);
        if (feedback) await feedbackRepo(db).add(feedback);
        if (contactName) await rememberContact(db, customer.id, contactName, p.contactIsDecisionMaker ?? false, deps.newId);
      });

      const score = (await deps.rescore(db, customer.id, settings, asOf)) ?? null;
      await deps.broadcast([customer.id]);
      const writeback = deps.writeBack ? await deps.writeBack(interaction, customer) : 'off';
      return { interactionId: interaction.id, ...(feedback ? { feedbackId: feedback.id } : {}), score, writeback };
    },

    async undoInteraction({ interactionId, feedbackId }) {
      const db = deps.db();
      const customerId = await transact(db, 'rw', ['interactions', 'feedback'], async () => {
        const interaction = await interactionsRepo(db).get(interactionId);
        if (!interaction) throw new CodedError('interaction.unknown', { interactionId }, 'interactionId');
        if (feedbackId) {
          const fb = await feedbackRepo(db).get(feedbackId);
          if (fb && fb.customerId !== interaction.customerId) throw new CodedError('value.invalid', undefined, 'feedbackId');
          await feedbackRepo(db).delete(feedbackId);
        }
        await interactionsRepo(db).delete(interactionId);
        return interaction.customerId;
      });
      await deps.dropWriteBack?.(interactionId);
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
  const contacts = contactsRepo(db);
  const existing = (await contacts.forCustomer(customerId)).find((c) => fold(c.name) === fold(name) || (c.email !== undefined && fold(c.email) === fold(name)));
  if (existing) {
    if (isDecisionMaker && !existing.isDecisionMaker) await contacts.markDecisionMaker(existing.id);
    return;
  }
  const contact: Contact = { id: newId(), customerId, name, isDecisionMaker, ...(EMAIL.test(name) ? { email: name } : {}) };
  await contacts.add(contact);
}

/**
 * The search index, rebuilt only when customers changed: Dexie reports every write to the
 * customers table (in this context and, through BroadcastChannel, in the extension's other
 * pages); the row count is checked too as a cheap guard.
 */
function createSearchIndexCache(getDb: () => AppDB): () => Promise<SearchIndex> {
  let cache: { db: AppDB; index: SearchIndex; count: number } | undefined;
  let dirty = true;
  onTableChanged('customers', () => {
    dirty = true;
  });
  return async () => {
    const db = getDb();
    const count = await customersRepo(db).count();
    if (cache && cache.db === db && !dirty && cache.count === count) return cache.index;
    dirty = false;
    const rows = await customersRepo(db).all();
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
  writeBack: enqueueWriteBack,
  dropWriteBack,
});
