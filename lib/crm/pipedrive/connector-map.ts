/**
 * Pipedrive records → canonical rows. Row ids are `syncRowId('pipedrive', kind, id)` with the kind
 * of the record's RecordKey, `customerId` is the organization id (docs/crm-apis/pipedrive.md).
 * API v2 dates are RFC 3339; v1 (notes) writes `YYYY-MM-DD HH:MM:SS` in UTC.
 */
import type { Channel } from '../../schemas/values';
import { stripActivityTag } from '../../sync/activity-key';
import { clip, textOf as text, titled, utcDate } from '../../sync/rows';
import { htmlToText } from '../../sync/html-text';
import { syncRowId } from '../../sync/types';

export type PdRecord = Record<string, unknown>;

const id = (v: unknown): string | undefined => (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)) ? String(v) : undefined);
/** v1's `2026-11-20 10:00:00` (UTC) or v2's RFC 3339 → the UTC date. */
export const pdDate = (v: unknown): string | undefined =>
  typeof v === 'string' ? utcDate(/^\d{4}-\d{2}-\d{2} \d/.test(v) ? `${v.replace(' ', 'T')}Z` : v) : undefined;

const ACTIVITY_CHANNELS: Readonly<Record<string, Channel>> = { call: 'call', meeting: 'meeting', lunch: 'meeting', email: 'email' };

export function mapOrganization(o: PdRecord): unknown {
  const oid = String(o.id);
  return {
    id: syncRowId('pipedrive', 'account', oid),
    name: typeof o.name === 'string' ? o.name : '',
    emails: [],
    createdAt: pdDate(o.add_time),
    crmRefs: [{ crm: 'pipedrive', objectType: 'account', id: oid }],
  };
}

export function mapPerson(p: PdRecord): unknown {
  const emails = Array.isArray(p.emails) ? (p.emails as { value?: unknown; primary?: unknown }[]) : [];
  const email = (emails.find((e) => e.primary) ?? emails[0])?.value;
  return {
    id: syncRowId('pipedrive', 'contact', String(p.id)),
    customerId: id(p.org_id),
    name: typeof p.name === 'string' ? p.name : '',
    role: text(p.job_title),
    email: text(email),
    // Pipedrive has no standard field for a person's buying role.
    isDecisionMaker: false,
  };
}

export function mapDeal(d: PdRecord, currency: string | undefined): unknown {
  return {
    id: syncRowId('pipedrive', 'transaction', String(d.id)),
    customerId: id(d.org_id),
    date: pdDate(d.won_time) ?? pdDate(d.close_time),
    amount: typeof d.value === 'number' ? d.value : undefined,
    currency: text(d.currency) ?? currency,
    product: text(d.title),
    orderId: String(d.id),
  };
}

export function mapActivity(a: PdRecord): unknown {
  const type = typeof a.type === 'string' ? a.type : '';
  return {
    id: syncRowId('pipedrive', 'activity', String(a.id)),
    customerId: id(a.org_id),
    date: pdDate(a.due_date) ?? pdDate(a.marked_as_done_time) ?? pdDate(a.add_time),
    channel: Object.hasOwn(ACTIVITY_CHANNELS, type) ? ACTIVITY_CHANNELS[type] : 'other',
    summary: clip(stripActivityTag(titled(a.subject, typeof a.note === 'string' ? htmlToText(a.note) : undefined)), 10_000),
  };
}

/** Notes and activities are separate id spaces: a note's RecordKey id is `note-<id>`. */
export const noteKey = (n: PdRecord): string => `note-${String(n.id)}`;

export function mapNote(n: PdRecord): unknown {
  return {
    id: syncRowId('pipedrive', 'activity', noteKey(n)),
    customerId: id(n.org_id),
    date: pdDate(n.add_time),
    channel: 'other',
    summary: clip(typeof n.content === 'string' ? htmlToText(n.content) : '', 10_000),
  };
}
