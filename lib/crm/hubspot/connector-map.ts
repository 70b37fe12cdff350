/**
 * HubSpot objects → canonical rows. Row ids are `syncRowId('hubspot', kind, id)` with the kind of
 * the record's RecordKey, `customerId` is the associated company id (docs/crm-apis/hubspot.md).
 */
import type { Channel, Direction } from '../../schemas/values';
import { keyInText, stripActivityTag } from '../../sync/activity-key';
import { clip, paragraphs, textOf as text, titled, utcDate, type RowKind } from '../../sync/rows';
import { htmlToText } from '../../sync/html-text';
import { syncRowId, type RecordKey } from '../../sync/types';
import type { HsObject } from './connector-http';

export type HsType = 'companies' | 'contacts' | 'deals' | 'calls' | 'emails' | 'meetings' | 'notes' | 'tickets';

export interface TypeSpec {
  properties: readonly string[];
  /** The last-modified property search filters and sorts on. */
  modified: string;
  objectType: RecordKey['objectType'];
  kind: RowKind;
}

export const TYPES: Readonly<Record<HsType, TypeSpec>> = {
  companies: {
    properties: ['name', 'domain', 'industry', 'createdate', 'hs_merged_object_ids'],
    modified: 'hs_lastmodifieddate',
    objectType: 'account',
    kind: 'customers',
  },
  contacts: {
    properties: ['firstname', 'lastname', 'email', 'jobtitle', 'hs_buying_role', 'associatedcompanyid'],
    modified: 'lastmodifieddate',
    objectType: 'contact',
    kind: 'contacts',
  },
  deals: {
    properties: ['dealname', 'amount', 'closedate', 'deal_currency_code', 'hs_is_closed_won'],
    modified: 'hs_lastmodifieddate',
    objectType: 'transaction',
    kind: 'transactions',
  },
  calls: {
    properties: ['hs_timestamp', 'hs_call_title', 'hs_call_body', 'hs_call_direction', 'hs_call_status'],
    modified: 'hs_lastmodifieddate',
    objectType: 'activity',
    kind: 'interactions',
  },
  emails: {
    properties: ['hs_timestamp', 'hs_email_subject', 'hs_email_text', 'hs_email_direction'],
    modified: 'hs_lastmodifieddate',
    objectType: 'activity',
    kind: 'interactions',
  },
  meetings: {
    properties: ['hs_timestamp', 'hs_meeting_title', 'hs_meeting_body', 'hs_meeting_outcome'],
    modified: 'hs_lastmodifieddate',
    objectType: 'activity',
    kind: 'interactions',
  },
  notes: { properties: ['hs_timestamp', 'hs_note_body'], modified: 'hs_lastmodifieddate', objectType: 'activity', kind: 'interactions' },
  tickets: {
    properties: ['subject', 'content', 'createdate', 'hs_ticket_category'],
    modified: 'hs_lastmodifieddate',
    objectType: 'feedback',
    kind: 'feedback',
  },
};

export const HS_TYPES = Object.keys(TYPES) as HsType[];

/** Buying roles that decide or sign (HubSpot's `hs_buying_role` multi-select). */
const DECIDERS = new Set(['DECISION_MAKER', 'BUDGET_HOLDER', 'EXECUTIVE_SPONSOR']);
/** Calls and meetings that did not take place. */
const NOT_HELD = new Set(['CANCELED', 'FAILED', 'QUEUED', 'RESCHEDULED', 'NO_SHOW']);
/** Ticket categories that are not complaints. */
const NOT_COMPLAINTS = new Set(['FEATURE_REQUEST', 'GENERAL_INQUIRY']);
const DIRECTIONS: Readonly<Record<string, Direction>> = {
  INBOUND: 'inbound',
  OUTBOUND: 'outbound',
  EMAIL: 'outbound',
  INCOMING_EMAIL: 'inbound',
  FORWARDED_EMAIL: 'outbound',
};
const CHANNELS: Readonly<Record<string, Channel>> = { calls: 'call', emails: 'email', meetings: 'meeting', notes: 'other' };

/** ms-epoch or ISO string → epoch ms. */
export const hsTime = (v: unknown): number => (typeof v !== 'string' || v === '' ? NaN : /^\d+$/.test(v) ? Number(v) : Date.parse(v));

const dateOf = (v: unknown): string | undefined => {
  const ms = hsTime(v);
  return Number.isNaN(ms) ? undefined : utcDate(new Date(ms).toISOString());
};

/** Whether an activity belongs in the history yet (held, and dated no later than `now`). */
export function isHeld(type: HsType, o: HsObject, now: number): boolean {
  const status = o.properties.hs_call_status ?? o.properties.hs_meeting_outcome ?? '';
  if (NOT_HELD.has(status)) return false;
  return type === 'meetings' || type === 'calls' ? !(hsTime(o.properties.hs_timestamp) > now) : true;
}

export interface Mapped {
  key: RecordKey;
  row: () => unknown;
  /** Our key, when the activity carries our tag (it was written by the outbox). */
  tag?: string;
}

/** The row for one object, or null when it is not part of the history (an open deal, a ticket that is a question). */
export function mapObject(type: HsType, o: HsObject, companyId: string | undefined, env: { now: number; currency?: string }): Mapped | null {
  const spec = TYPES[type];
  const key: RecordKey = { objectType: spec.objectType, id: o.id };
  const id = syncRowId('hubspot', key.objectType, o.id);
  const p = o.properties;
  switch (type) {
    case 'companies':
      return {
        key,
        row: () => ({
          id,
          name: p.name ?? '',
          domain: text(p.domain)?.toLowerCase(),
          emails: [],
          segment: text(p.industry),
          createdAt: dateOf(p.createdate) ?? dateOf(o.createdAt),
          crmRefs: [{ crm: 'hubspot', objectType: 'account', id: o.id }],
        }),
      };
    case 'contacts':
      return {
        key,
        row: () => ({
          id,
          customerId: companyId ?? text(p.associatedcompanyid),
          name: [p.firstname, p.lastname].filter((n) => n?.trim()).join(' '),
          role: text(p.jobtitle),
          email: text(p.email),
          isDecisionMaker: (p.hs_buying_role ?? '').split(';').some((r) => DECIDERS.has(r)),
        }),
      };
    case 'deals':
      if (p.hs_is_closed_won !== 'true') return null;
      return {
        key,
        row: () => ({
          id,
          customerId: companyId,
          date: dateOf(p.closedate),
          amount: p.amount == null || p.amount === '' ? undefined : Number(p.amount),
          currency: text(p.deal_currency_code) ?? env.currency,
          product: text(p.dealname),
          orderId: o.id,
        }),
      };
    case 'tickets':
      if (NOT_COMPLAINTS.has(p.hs_ticket_category ?? '')) return null;
      return {
        key,
        row: () => ({
          id,
          customerId: companyId,
          date: dateOf(p.createdate) ?? dateOf(o.createdAt),
          kind: 'complaint',
          comment: clip(paragraphs(p.subject, p.content), 10_000) || undefined,
        }),
      };
    default: {
      if (!isHeld(type, o, env.now)) return null;
      const [title, body] = {
        calls: [p.hs_call_title, p.hs_call_body],
        emails: [p.hs_email_subject, p.hs_email_text],
        meetings: [p.hs_meeting_title, p.hs_meeting_body],
        notes: [undefined, p.hs_note_body],
      }[type];
      const plain = type === 'emails' ? (body ?? undefined) : body ? htmlToText(body) : undefined;
      const dir = p.hs_call_direction ?? p.hs_email_direction ?? '';
      return {
        key,
        tag: keyInText(body),
        row: () => ({
          id,
          customerId: companyId,
          date: dateOf(p.hs_timestamp) ?? dateOf(o.createdAt),
          channel: CHANNELS[type],
          direction: Object.hasOwn(DIRECTIONS, dir) ? DIRECTIONS[dir] : undefined,
          summary: clip(stripActivityTag(titled(title, plain)), 10_000),
        }),
      };
    }
  }
}
