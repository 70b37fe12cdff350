/**
 * Salesforce records → canonical rows. Row ids are `syncRowId('salesforce', kind, Id)` with the
 * kind of the record's RecordKey (account, contact, transaction, activity, feedback), and
 * `customerId` is the Account Id (docs/crm-apis/salesforce.md "Mapping").
 */
import type { Contact, Customer, Feedback, Interaction, Transaction } from '../../schemas/domain';
import type { Channel, Direction } from '../../schemas/values';
import { stripActivityTag } from '../../sync/activity-key';
import { clip, domainOf, paragraphs, textOf as text, titled, utcDate } from '../../sync/rows';
import { syncRowId, type RecordKey } from '../../sync/types';
import type { SfRecord } from './connector-soql';

export const rowId = (key: RecordKey): string => syncRowId('salesforce', key.objectType, key.id);

const str = (r: SfRecord, f: string): string | undefined => text(r[f]);
/** A relationship field such as `Who.Name` or `Owner.Name`. */
const related = (r: SfRecord, rel: string, f: string): string | undefined => {
  const o = r[rel];
  return o && typeof o === 'object' ? text((o as Record<string, unknown>)[f]) : undefined;
};

export function mapAccount(r: SfRecord): Customer {
  const id = String(r.Id);
  return {
    id: rowId({ objectType: 'account', id }),
    name: String(r.Name ?? ''),
    domain: domainOf(r.Website),
    emails: [],
    segment: str(r, 'Industry'),
    owner: related(r, 'Owner', 'Name'),
    createdAt: utcDate(r.CreatedDate) as string,
    crmRefs: [{ crm: 'salesforce', objectType: 'account', id }],
  };
}

export function mapContact(r: SfRecord, decisionMakers: ReadonlySet<string>): Contact {
  return {
    id: rowId({ objectType: 'contact', id: String(r.Id) }),
    customerId: r.AccountId as string,
    name: String(r.Name ?? ''),
    role: str(r, 'Title'),
    email: str(r, 'Email'),
    isDecisionMaker: decisionMakers.has(String(r.Id)),
  };
}

export function mapOpportunity(r: SfRecord, orgCurrency: string | undefined): Transaction {
  return {
    id: rowId({ objectType: 'transaction', id: String(r.Id) }),
    customerId: r.AccountId as string,
    date: r.CloseDate as string,
    amount: r.Amount as number,
    currency: str(r, 'CurrencyIsoCode') ?? orgCurrency,
    product: str(r, 'Name'),
    orderId: String(r.Id),
  };
}

const TASK_CHANNELS: Readonly<Record<string, Channel>> = { Call: 'call', Email: 'email', 'List Email': 'email', LinkedIn: 'chat' };
const CALL_DIRECTIONS: Readonly<Record<string, Direction>> = { Inbound: 'inbound', Outbound: 'outbound' };

const summaryOf = (r: SfRecord): string => clip(titled(stripActivityTag(String(r.Subject ?? '')), r.Description), 10_000);

export function mapTask(r: SfRecord): Interaction {
  const subtype = str(r, 'TaskSubtype') ?? '';
  const callType = str(r, 'CallType') ?? '';
  return {
    id: rowId({ objectType: 'activity', id: String(r.Id) }),
    customerId: r.AccountId as string,
    date: (utcDate(r.ActivityDate) ?? utcDate(r.CompletedDateTime) ?? utcDate(r.CreatedDate)) as string,
    channel: Object.hasOwn(TASK_CHANNELS, subtype) ? TASK_CHANNELS[subtype]! : 'other',
    direction: Object.hasOwn(CALL_DIRECTIONS, callType) ? CALL_DIRECTIONS[callType] : undefined,
    summary: summaryOf(r),
    contact: related(r, 'Who', 'Name'),
  };
}

export function mapEvent(r: SfRecord): Interaction {
  return {
    id: rowId({ objectType: 'activity', id: String(r.Id) }),
    customerId: r.AccountId as string,
    date: (utcDate(r.ActivityDate) ?? utcDate(r.StartDateTime)) as string,
    channel: 'meeting',
    summary: summaryOf(r),
    contact: related(r, 'Who', 'Name'),
  };
}

export function mapCase(r: SfRecord): Feedback {
  return {
    id: rowId({ objectType: 'feedback', id: String(r.Id) }),
    customerId: r.AccountId as string,
    date: utcDate(r.CreatedDate) as string,
    kind: 'complaint',
    comment: clip(paragraphs(r.Subject, r.Description), 10_000) || undefined,
  };
}
