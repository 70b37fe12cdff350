/**
 * Fxiaoke records → canonical rows (docs/crm-apis/fxiaoke.md lists the fields read). Ids are
 * 24-hex `_id`s; times are epoch ms, read as China Standard Time days (UTC+8, no DST); lookups
 * carry their display value in a `<field>__r` companion. Invalidated (作废) or deleted records
 * are reported as deletions.
 */
import type { Contact, Customer, Interaction, Transaction } from '../../schemas/domain';
import type { Channel } from '../../schemas/values';
import { stripActivityTag } from '../../sync/activity-key';
import { dayOfEpochMs, domainOf, idOf, MalformedRecord, numberOf, rowId, textOf } from '../../sync/rows';

export type Rec = Record<string, unknown>;
/** China Standard Time, in minutes east of UTC. */
export const CST = 480;

/** Fields asked per object (`fieldProjection`). */
export const FIELDS: Readonly<Record<string, readonly string[]>> = {
  AccountObj: ['_id', 'name', 'url', 'email', 'owner__r', 'create_time', 'last_modified_time', 'life_status', 'is_deleted'],
  ContactObj: ['_id', 'name', 'account_id', 'email', 'job_title', 'last_modified_time', 'life_status', 'is_deleted'],
  SalesOrderObj: ['_id', 'name', 'account_id', 'order_amount', 'order_time', 'create_time', 'last_modified_time', 'life_status', 'is_deleted'],
  ActiveRecordObj: [
    '_id',
    'active_record_content',
    'active_record_type',
    'active_record_type__r',
    'account_id',
    'related_object_data',
    'create_time',
    'last_modified_time',
    'life_status',
    'is_deleted',
  ],
};

/** Invalidated (作废) or deleted: gone for Rapport. */
export const isGone = (r: Rec): boolean => r.is_deleted === true || r.life_status === 'invalid';

const nameOf = (v: unknown): string | undefined => (v && typeof v === 'object' ? textOf((v as Rec).name) : textOf(v));

export function toCustomer(r: Rec): Customer {
  const id = idOf(r._id, '_id');
  const domain = domainOf(r.url);
  const email = textOf(r.email);
  const owner = nameOf(r.owner__r);
  return {
    id: rowId('fxiaoke', { objectType: 'account', id }),
    name: textOf(r.name) ?? '',
    ...(domain ? { domain } : {}),
    emails: email ? [email] : [],
    ...(owner ? { owner } : {}),
    createdAt: dayOfEpochMs(r.create_time, CST, 'create_time'),
    crmRefs: [{ crm: 'fxiaoke', objectType: 'account', id }],
  };
}

/** Fxiaoke contacts have no standard decision-maker field that is documented: none is marked. */
export function toContact(r: Rec, accountId: string): Contact {
  const id = idOf(r._id, '_id');
  const email = textOf(r.email);
  const role = textOf(r.job_title);
  return {
    id: rowId('fxiaoke', { objectType: 'contact', id }),
    customerId: accountId,
    name: textOf(r.name) ?? '',
    ...(role ? { role } : {}),
    ...(email ? { email } : {}),
    isDecisionMaker: false,
  };
}

export function toTransaction(r: Rec, accountId: string): Transaction {
  const id = idOf(r._id, '_id');
  const amount = numberOf(r.order_amount);
  if (amount === undefined) throw new MalformedRecord('order_amount: not a number');
  const orderId = textOf(r.name);
  return {
    id: rowId('fxiaoke', { objectType: 'transaction', id }),
    customerId: accountId,
    date: dayOfEpochMs(r.order_time ?? r.create_time, CST, 'order_time'),
    amount,
    orderId: orderId ?? id,
  };
}

/** The account a sales record belongs to: `account_id`, else its related AccountObj. */
export function accountOfRecord(r: Rec): string | undefined {
  if (typeof r.account_id === 'string' && r.account_id) return r.account_id;
  const related = Array.isArray(r.related_object_data) ? (r.related_object_data as Rec[]) : [];
  const acc = related.find((x) => x && x.describe_api_name === 'AccountObj' && typeof x.id === 'string');
  return acc ? (acc.id as string) : undefined;
}

const CHANNELS: [RegExp, Channel][] = [
  [/电话|通话|call|phone/i, 'call'],
  [/拜访|上门|visit/i, 'visit'],
  [/会议|会面|meeting/i, 'meeting'],
  [/邮件|email|mail/i, 'email'],
  [/微信|企微|短信|chat|wechat|im\b/i, 'chat'],
];

/** The channel from the record's type (its label when present): the types are tenant-defined. */
export function channelOf(r: Rec): Channel {
  const label = [nameOf(r.active_record_type__r), textOf(r.active_record_type)].filter(Boolean).join(' ');
  return CHANNELS.find(([re]) => re.test(label))?.[1] ?? 'other';
}

const stripTag = (s: string | undefined): string => (s ? stripActivityTag(s) : '');

export function toInteraction(r: Rec, accountId: string): Interaction {
  const id = idOf(r._id, '_id');
  return {
    id: rowId('fxiaoke', { objectType: 'activity', id }),
    customerId: accountId,
    date: dayOfEpochMs(r.create_time, CST, 'create_time'),
    channel: channelOf(r),
    summary: stripTag(textOf(r.active_record_content)),
  };
}
