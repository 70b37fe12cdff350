/**
 * What the quick-log needs from the rest of the extension, behind one interface so the
 * component tests run it against fakes or the real handlers. The real implementation reads
 * the database through the read-only handle (an extension page shares the background's
 * database) and changes data only by asking the background.
 */
import { openReadDb, type ReadDb } from '../db/read-db';
import { customersRepo } from '../db/repos/customers';
import { contactsRepo } from '../db/repos/history';
import { scoresRepo } from '../db/repos/scores';
import type { RecordRef } from '../crm/types';
import { send } from '../messaging/client';
import type { CustomerSummary, Results } from '../messaging/protocol';
import type { Contact, Customer, Score } from '../schemas/domain';
import type { MessagePayload } from '../schemas/messages';
import { askTabRecord, resolveTargetTabId, toLookup } from './active-record';

export interface PopupContext {
  /** The record on the target CRM tab, if any. */
  record: RecordRef | null;
  /** The customer that record belongs to (or null: unknown record / not a CRM tab). */
  customer: CustomerSummary | null;
  /** For an unknown record: customers it might be. */
  candidates: CustomerSummary[];
  /** No customers stored at all (first run). */
  emptyBook: boolean;
}

export interface CustomerDetails {
  customer: Customer;
  contacts: Contact[];
  score: Score | null;
}

export interface PopupServices {
  resolveContext(): Promise<PopupContext>;
  search(query: string, limit: number): Promise<CustomerSummary[]>;
  details(customerId: string): Promise<CustomerDetails | null>;
  log(payload: MessagePayload<'logInteraction'>): Promise<Results['logInteraction']>;
  undo(payload: MessagePayload<'undoInteraction'>): Promise<Results['undoInteraction']>;
  /** Start tracking the CRM record as a new customer ("track this customer"). */
  track(record: RecordRef): Promise<CustomerSummary>;
  openOptions(): void;
  close(): void;
}

const summaryOf = (c: Customer): CustomerSummary => (c.domain ? { id: c.id, name: c.name, domain: c.domain } : { id: c.id, name: c.name });

/** The popup's context: ask the target tab for its record and match it to a customer. */
export async function resolvePopupContext(db: ReadDb, search: string): Promise<PopupContext> {
  const emptyBook = (await customersRepo(db).count()) === 0;
  const tabId = await resolveTargetTabId(search);
  const record = tabId === undefined ? null : await askTabRecord(tabId);
  if (!record) return { record: null, customer: null, candidates: [], emptyBook };
  const match = await customersRepo(db).matchRecord(toLookup(record));
  return match.kind === 'matched'
    ? { record, customer: summaryOf(match.customer), candidates: [], emptyBook }
    : { record, customer: null, candidates: match.candidates.map(summaryOf), emptyBook };
}

export async function customerDetails(db: ReadDb, customerId: string): Promise<CustomerDetails | null> {
  const customer = await customersRepo(db).get(customerId);
  if (!customer) return null;
  const [contacts, score] = await Promise.all([contactsRepo(db).forCustomer(customerId), scoresRepo(db).get(customerId)]);
  return { customer, contacts: contacts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), score: score ?? null };
}

export function browserPopupServices(win: Window, openOptions: () => void): PopupServices {
  return {
    resolveContext: () => resolvePopupContext(openReadDb(), win.location.search),
    search: (query, limit) => send('searchCustomers', { query, limit }),
    details: (id) => customerDetails(openReadDb(), id),
    log: (p) => send('logInteraction', p),
    undo: (p) => send('undoInteraction', p),
    track: async (record) => summaryOf(await send('trackCustomer', { lookup: toLookup(record) })),
    openOptions,
    close: () => win.close(),
  };
}
