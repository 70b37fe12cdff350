/**
 * Dataverse rows → canonical rows (docs/crm-apis/dynamics.md lists the columns read). Lookups
 * arrive as `_<name>_value` GUIDs with the table they point to in a
 * `…@Microsoft.Dynamics.CRM.lookuplogicalname` annotation; display values (owner name) in
 * `…@OData.Community.Display.V1.FormattedValue`. Mappers throw MalformedRecord on a row that
 * cannot be read; the collector counts it.
 */
import type { Contact, Customer, Feedback, Interaction, Transaction } from '../../schemas/domain';
import type { Channel } from '../../schemas/values';
import { stripActivityTag } from '../../sync/activity-key';
import { dayOf, domainOf, idOf, MalformedRecord, numberOf, rowId, textOf } from '../../sync/rows';
import type { RecordKey } from '../../sync/types';

export type Row = Record<string, unknown>;
const FV = '@OData.Community.Display.V1.FormattedValue';
const LN = '@Microsoft.Dynamics.CRM.lookuplogicalname';

/** Dataverse GUIDs as the record URL shows them: lower case, no braces. */
export const guid = (v: unknown, what: string): string => idOf(v, what).replace(/[{}]/g, '').toLowerCase();

/** A lookup column: the GUID and the table it points to (undefined when empty). */
export function lookup(r: Row, column: string): { table: string; id: string } | undefined {
  const v = r[`_${column}_value`];
  if (typeof v !== 'string' || !v) return undefined;
  return { table: typeof r[`_${column}_value${LN}`] === 'string' ? (r[`_${column}_value${LN}`] as string) : '', id: guid(v, column) };
}

export function toCustomer(r: Row): Customer {
  const id = guid(r.accountid, 'accountid');
  const email = textOf(r.emailaddress1);
  const domain = domainOf(r.websiteurl);
  const owner = textOf(r[`_ownerid_value${FV}`]);
  return {
    id: rowId('dynamics', { objectType: 'account', id }),
    name: textOf(r.name) ?? '',
    ...(domain ? { domain } : {}),
    emails: email ? [email] : [],
    ...(owner ? { owner } : {}),
    createdAt: dayOf(r.createdon, 'createdon'),
    crmRefs: [{ crm: 'dynamics', objectType: 'account', id }],
  };
}

/** A merged-away account: `merged` set and `masterid` pointing at the account that absorbed it. */
export function mergedInto(r: Row): string | undefined {
  const master = lookup(r, 'masterid');
  return r.merged === true && master ? master.id : undefined;
}

/** Contact role "Decision Maker" is option 1 of the standard `accountrolecode` choice. */
const DECISION_MAKER = 1;

export function toContact(r: Row, accountId: string): Contact {
  const id = guid(r.contactid, 'contactid');
  const email = textOf(r.emailaddress1);
  const role = textOf(r.jobtitle);
  return {
    id: rowId('dynamics', { objectType: 'contact', id }),
    customerId: accountId,
    name: textOf(r.fullname) ?? '',
    ...(role ? { role } : {}),
    ...(email ? { email } : {}),
    isDecisionMaker: r.accountrolecode === DECISION_MAKER,
  };
}

/** Opportunity state 1 = Won. */
export const isWon = (r: Row): boolean => r.statecode === 1;

export function toTransaction(r: Row, accountId: string, currencies: ReadonlyMap<string, string>): Transaction {
  const id = guid(r.opportunityid, 'opportunityid');
  const amount = numberOf(r.actualvalue) ?? numberOf(r.estimatedvalue);
  if (amount === undefined) throw new MalformedRecord('actualvalue: not a number');
  const cur = lookup(r, 'transactioncurrencyid');
  const currency = cur ? currencies.get(cur.id) : undefined;
  const product = textOf(r.name);
  return {
    id: rowId('dynamics', { objectType: 'transaction', id }),
    customerId: accountId,
    date: dayOf(r.actualclosedate ?? r.estimatedclosedate, 'actualclosedate'),
    amount,
    ...(currency ? { currency } : {}),
    ...(product ? { product } : {}),
    orderId: id,
  };
}

/** Activity tables read, and the channel each one is. */
export const ACTIVITY_CHANNEL: Readonly<Record<string, Channel>> = { phonecalls: 'call', appointments: 'meeting', tasks: 'other' };

/** Activity state 1 = Completed: only activities that happened are interactions. */
export const isCompleted = (r: Row): boolean => r.statecode === 1;

const stripTag = (s: string | undefined): string | undefined => (s ? stripActivityTag(s) : undefined) || undefined;

export function toInteraction(r: Row, set: string, accountId: string): Interaction {
  const id = guid(r.activityid, 'activityid');
  const channel = ACTIVITY_CHANNEL[set];
  if (!channel) throw new MalformedRecord(`${set}: not an activity table`);
  const subject = textOf(r.subject);
  const description = stripTag(textOf(r.description));
  // Our own write: subject = first line of the summary, description = the whole summary.
  const summary = description && subject && description.startsWith(subject.replace(/…$/, '')) ? description : [subject, description].filter(Boolean).join('\n');
  const direction = typeof r.directioncode === 'boolean' ? (r.directioncode ? 'outbound' : 'inbound') : undefined;
  return {
    id: rowId('dynamics', { objectType: 'activity', id }),
    customerId: accountId,
    date: dayOf(r.actualend ?? r.scheduledend ?? r.createdon, 'actualend'),
    channel,
    ...(direction ? { direction } : {}),
    summary,
  };
}

/** Case types Question (1) and Request (3) are not complaints; Problem (2) and untyped cases are. */
export const isComplaint = (r: Row): boolean => r.casetypecode !== 1 && r.casetypecode !== 3;

export function toFeedback(r: Row, accountId: string): Feedback {
  const id = guid(r.incidentid, 'incidentid');
  const comment = [textOf(r.title), textOf(r.description)].filter(Boolean).join('\n');
  return {
    id: rowId('dynamics', { objectType: 'feedback', id }),
    customerId: accountId,
    date: dayOf(r.createdon, 'createdon'),
    kind: 'complaint',
    ...(comment ? { comment } : {}),
  };
}

/** A `$deletedEntity` entry of a delta answer. */
export const isDeletedEntry = (r: Row): boolean =>
  (typeof r['@odata.context'] === 'string' && (r['@odata.context'] as string).endsWith('$deletedEntity')) || r.reason === 'deleted';

export const deletedKey = (r: Row, objectType: RecordKey['objectType']): RecordKey => ({ objectType, id: guid(r.id, 'id') });
