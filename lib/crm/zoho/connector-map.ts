/**
 * Zoho CRM records → canonical rows (docs/crm-apis/zoho.md lists the fields read). Ids are
 * ~19-digit strings and stay strings; lookups are `{ id, name }` objects; activities point at
 * their record through `What_Id` + `$se_module` (and at a contact through `Who_Id`). Date-times
 * carry the CRM user's offset (`2026-11-19T10:00:00+08:00`): their own day is the date.
 */
import type { Contact, Customer, Feedback, Interaction, Transaction } from '../../schemas/domain';
import type { Channel } from '../../schemas/values';
import { stripActivityTag } from '../../sync/activity-key';
import { dayOf, domainOf, idOf, MalformedRecord, numberOf, rowId, textOf } from '../../sync/rows';

export type Rec = Record<string, unknown>;

/** Fields asked per module (Zoho requires `fields` on list reads). */
export const FIELDS: Readonly<Record<string, string>> = {
  Accounts: 'Account_Name,Website,Owner,Created_Time,Modified_Time',
  Contacts: 'Full_Name,Email,Title,Account_Name,Modified_Time',
  Deals: 'Deal_Name,Amount,Currency,Closing_Date,Stage,Probability,Account_Name,Modified_Time',
  Calls: 'Subject,Call_Type,Call_Start_Time,Call_Status,Description,What_Id,Who_Id,Modified_Time',
  Events: 'Event_Title,Start_DateTime,End_DateTime,Description,What_Id,Who_Id,Modified_Time',
  Tasks: 'Subject,Status,Due_Date,Closed_Time,Description,What_Id,Who_Id,Modified_Time',
  Cases: 'Subject,Description,Type,Status,Account_Name,Created_Time,Modified_Time',
};

/** A lookup field's id (`{ id, name }`), if set. */
export const lookupId = (v: unknown): string | undefined =>
  v && typeof v === 'object' && typeof (v as Rec).id === 'string' && (v as Rec).id ? ((v as Rec).id as string) : undefined;

/** The record an activity points at: `What_Id` in its `$se_module`, else the contact in `Who_Id`. */
export function activityRef(r: Rec): { table: string; id: string } | undefined {
  const what = lookupId(r.What_Id);
  if (what && typeof r.$se_module === 'string') return { table: r.$se_module, id: what };
  const who = lookupId(r.Who_Id);
  return who ? { table: 'Contacts', id: who } : undefined;
}

export function toCustomer(r: Rec): Customer {
  const id = idOf(r.id, 'id');
  const domain = domainOf(r.Website);
  const owner = r.Owner && typeof r.Owner === 'object' ? textOf((r.Owner as Rec).name) : undefined;
  return {
    id: rowId('zoho', { objectType: 'account', id }),
    name: textOf(r.Account_Name) ?? '',
    ...(domain ? { domain } : {}),
    emails: [],
    ...(owner ? { owner } : {}),
    createdAt: dayOf(r.Created_Time, 'Created_Time'),
    crmRefs: [{ crm: 'zoho', objectType: 'account', id }],
  };
}

/** Zoho contacts have no decision-maker field (roles live on deals' contact roles, not read). */
export function toContact(r: Rec, accountId: string): Contact {
  const id = idOf(r.id, 'id');
  const email = textOf(r.Email);
  const role = textOf(r.Title);
  return {
    id: rowId('zoho', { objectType: 'contact', id }),
    customerId: accountId,
    name: textOf(r.Full_Name) ?? '',
    ...(role ? { role } : {}),
    ...(email ? { email } : {}),
    isDecisionMaker: false,
  };
}

/** Won: the standard "Closed Won" stage, or any stage at 100 % probability (renamed won stages). */
export const isWon = (r: Rec): boolean => (typeof r.Stage === 'string' && /^closed[\s-]*won$/i.test(r.Stage.trim())) || numberOf(r.Probability) === 100;

export function toTransaction(r: Rec, accountId: string, orgCurrency: string | undefined): Transaction {
  const id = idOf(r.id, 'id');
  const amount = numberOf(r.Amount);
  if (amount === undefined) throw new MalformedRecord('Amount: not a number');
  const currency = textOf(r.Currency) ?? orgCurrency;
  const product = textOf(r.Deal_Name);
  return {
    id: rowId('zoho', { objectType: 'transaction', id }),
    customerId: accountId,
    date: dayOf(r.Closing_Date, 'Closing_Date'),
    amount,
    ...(currency ? { currency } : {}),
    ...(product ? { product } : {}),
    orderId: id,
  };
}

const NOT_HAPPENED = new Set(['Scheduled', 'Overdue', 'Cancelled']);

/** Whether an activity happened (completed call, past meeting, completed task), as of `now`. */
export function happened(module: string, r: Rec, now: number): boolean {
  if (module === 'Calls') return !NOT_HAPPENED.has(String(r.Call_Status)) && r.Call_Type !== 'Missed' && Date.parse(String(r.Call_Start_Time)) <= now;
  if (module === 'Events') return Date.parse(String(r.End_DateTime ?? r.Start_DateTime)) <= now;
  return r.Status === 'Completed';
}

const CHANNEL: Readonly<Record<string, Channel>> = { Calls: 'call', Events: 'meeting', Tasks: 'other' };
const stripTag = (s: string | undefined): string | undefined => (s ? stripActivityTag(s) : undefined) || undefined;

export function toInteraction(module: string, r: Rec, accountId: string): Interaction {
  const id = idOf(r.id, 'id');
  const channel = CHANNEL[module];
  if (!channel) throw new MalformedRecord(`${module}: not an activity module`);
  const subject = stripTag(textOf(module === 'Events' ? r.Event_Title : r.Subject));
  const description = textOf(r.Description);
  // Our own write: the subject is the summary's first line, the description the whole summary.
  const summary = description && subject && description.startsWith(subject.replace(/…$/, '')) ? description : [subject, description].filter(Boolean).join('\n');
  const direction = r.Call_Type === 'Inbound' ? 'inbound' : r.Call_Type === 'Outbound' ? 'outbound' : undefined;
  const when = module === 'Calls' ? r.Call_Start_Time : module === 'Events' ? r.Start_DateTime : (r.Closed_Time ?? r.Due_Date ?? r.Modified_Time);
  return {
    id: rowId('zoho', { objectType: 'activity', id }),
    customerId: accountId,
    date: dayOf(when, module === 'Calls' ? 'Call_Start_Time' : 'date'),
    channel,
    ...(direction ? { direction } : {}),
    summary,
  };
}

/** Case types "Question" and "Feature Request" are not complaints; "Problem" and untyped cases are. */
export const isComplaint = (r: Rec): boolean => r.Type !== 'Question' && r.Type !== 'Feature Request';

export function toFeedback(r: Rec, accountId: string): Feedback {
  const id = idOf(r.id, 'id');
  const comment = [textOf(r.Subject), textOf(r.Description)].filter(Boolean).join('\n');
  return {
    id: rowId('zoho', { objectType: 'feedback', id }),
    customerId: accountId,
    date: dayOf(r.Created_Time, 'Created_Time'),
    kind: 'complaint',
    ...(comment ? { comment } : {}),
  };
}
