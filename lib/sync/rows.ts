/**
 * What every API connector needs between a CRM record and a ChangeBatch: one collector that
 * validates each mapped row with the domain schemas (a malformed record is counted, named with
 * the rule it broke and left out, never thrown), and tolerant readers for the CRMs' loosely typed
 * values: ids, text, numbers, calendar days from CRM timestamps, website domains.
 *
 * Row ids: `syncRowId(crm, objectType, id)` with the RecordKey object type of the record
 * (`account`, `contact`, `transaction`, `activity`, `feedback`), so a reported deletion names the
 * row it removes (docs/crm-apis/connectors.md).
 */
import { ContactSchema, CustomerSchema, FeedbackSchema, InteractionSchema, TransactionSchema } from '../schemas/domain';
import type { CrmId } from '../schemas/values';
import { ConnectorError, syncRowId, type ChangeBatch, type RecordKey, type SkippedRecord, type SyncCursor } from './types';

const SCHEMAS = {
  customers: CustomerSchema,
  contacts: ContactSchema,
  transactions: TransactionSchema,
  interactions: InteractionSchema,
  feedback: FeedbackSchema,
} as const;

export type RowKind = keyof typeof SCHEMAS;
type RowOf<K extends RowKind> = ChangeBatch[K][number];

/** A CRM record that cannot be mapped (missing id, unreadable date…): its message names the field and the rule, never the value. */
export class MalformedRecord extends Error {
  override name = 'MalformedRecord';
}

/** The first issue of a failed parse as `path: message` (zod messages name rules, not values). */
function reasonOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const where = first.path.map(String).join('.');
  return (where ? `${where}: ${first.message}` : first.message).slice(0, 200);
}

const emptyRows = () => ({
  customers: [] as ChangeBatch['customers'],
  contacts: [] as ChangeBatch['contacts'],
  transactions: [] as ChangeBatch['transactions'],
  interactions: [] as ChangeBatch['interactions'],
  feedback: [] as ChangeBatch['feedback'],
  deleted: [] as RecordKey[],
  merged: [] as ChangeBatch['merged'],
  tagged: [] as NonNullable<ChangeBatch['tagged']>,
  skipped: [] as SkippedRecord[],
});

/**
 * Collects one page of a pass at a time. `read` and `skipped` run over the whole pass (a reader
 * resuming from a cursor starts them where it left off, or at zero).
 */
export class BatchCollector {
  read: number;
  skipped: number;
  private rows = emptyRows();

  constructor(start: { read?: number; skipped?: number } = {}) {
    this.read = start.read ?? 0;
    this.skipped = start.skipped ?? 0;
  }

  /** Count records as read: one per CRM record on the page, whatever becomes of it. */
  seen(n = 1): void {
    this.read += n;
  }

  /**
   * Map one record: `undefined` = not a row to sync (an open task, a lost deal); a throw or a row
   * failing its schema = skipped, with the rule it broke.
   */
  add<K extends RowKind>(kind: K, record: RecordKey, map: () => RowOf<K> | undefined): void {
    let row: RowOf<K> | undefined;
    try {
      row = map();
    } catch (e) {
      this.skip(record, e instanceof MalformedRecord ? e.message : 'unreadable record');
      return;
    }
    if (row === undefined) return;
    const parsed = SCHEMAS[kind].safeParse(row);
    if (parsed.success) (this.rows[kind] as RowOf<K>[]).push(parsed.data as RowOf<K>);
    else this.skip(record, reasonOf(parsed.error.issues));
  }

  /** A record that could not be read at all. */
  skip(record: RecordKey, reason: string): void {
    this.skipped++;
    this.rows.skipped.push({ record, reason: reason.slice(0, 200) });
  }

  deleted(key: RecordKey): void {
    this.rows.deleted.push(key);
  }

  merged(m: ChangeBatch['merged'][number]): void {
    this.rows.merged.push(m);
  }

  /** An activity read back that carries our key tag (written by the outbox from the interaction `key`). */
  tagged(key: string | undefined, crmId: string): void {
    if (key) this.rows.tagged.push({ key, id: crmId });
  }

  /** Rows, deletions and merges collected since the last take. */
  get size(): number {
    const r = this.rows;
    return r.customers.length + r.contacts.length + r.transactions.length + r.interactions.length + r.feedback.length + r.deleted.length + r.merged.length;
  }

  /** The batch so far with its cursor; the collector starts a new page. */
  take(cursor: SyncCursor, total?: number): ChangeBatch {
    const { skipped, tagged, ...rest } = this.rows;
    const batch: ChangeBatch = {
      ...rest,
      cursor,
      progress: { read: this.read, skipped: this.skipped, ...(total !== undefined ? { total } : {}) },
      ...(skipped.length ? { skipped } : {}),
      ...(tagged.length ? { tagged } : {}),
    };
    this.rows = emptyRows();
    return batch;
  }
}

/** Row id of a synced record, typed by the RecordKey object type (see the file comment). */
export const rowId = (crm: CrmId, key: RecordKey): string => syncRowId(crm, key.objectType, key.id);

/** A required id: a non-empty string (numbers are refused: 19-digit ids lose precision as numbers). */
export function idOf(v: unknown, what: string): string {
  if (typeof v === 'string' && v.trim()) return v.trim();
  throw new MalformedRecord(`${what}: missing id`);
}

/** Optional text: strings as given (HTML, scripts and formulas stay text); anything else is absent. */
export const textOf = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A finite number from a number or a numeric string; otherwise undefined. */
export function numberOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export const isRealDay = (d: string): boolean => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, day));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
};

/**
 * The calendar day of a CRM date or date-time string as the CRM wrote it: `2026-03-01`,
 * `2026-03-01T09:30:00+08:00` (the CRM user's own day) or `…Z` (the UTC day). Throws MalformedRecord.
 */
export function dayOf(v: unknown, what: string): string {
  const s = typeof v === 'string' ? v.slice(0, 10) : '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDay(s) && (typeof v !== 'string' || v.length === 10 || v[10] === 'T' || v[10] === ' ')) return s;
  throw new MalformedRecord(`${what}: not a date`);
}

/** The UTC calendar date of an ISO date or date-time (`2026-11-20T23:30:00.000+0000` → `2026-11-20`); undefined when unreadable. */
export function utcDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isRealDay(value) ? value : undefined;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/** The calendar day of an epoch-ms timestamp at a fixed UTC offset (e.g. +480 for China Standard Time). */
export function dayOfEpochMs(v: unknown, offsetMinutes: number, what: string): string {
  const ms = numberOf(v);
  if (ms === undefined) throw new MalformedRecord(`${what}: not a timestamp`);
  const d = new Date(ms + offsetMinutes * 60_000);
  if (Number.isNaN(d.getTime())) throw new MalformedRecord(`${what}: not a timestamp`);
  return d.toISOString().slice(0, 10);
}

/** The registrable-looking host of a website value (`https://www.acme.com/x` → `acme.com`), or undefined. */
export function domainOf(v: unknown): string | undefined {
  const raw = textOf(v)?.trim();
  if (!raw) return undefined;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`).hostname.toLowerCase();
    return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) ? host.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

/** Text cut to `max` characters (summaries are summaries; a long email body must not make a row invalid). */
export const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Non-empty trimmed strings joined by a blank line. */
export const paragraphs = (...parts: unknown[]): string =>
  parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim())
    .join('\n\n');

/** A record's title and body as one summary, without repeating the title when the body already starts with it. */
export function titled(title: unknown, body: unknown): string {
  const t = typeof title === 'string' ? title.trim() : '';
  const b = typeof body === 'string' ? body.trim() : '';
  return t && b.startsWith(t.replace(/…$/, '')) ? b : paragraphs(t, b);
}

/** Items in runs of at most `size` (batch endpoints, ids in a query string). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The connect fields a connector needs, trimmed; a missing one is named in the error. */
export function requiredFields(input: Record<string, string>, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = (input[n] ?? '').trim();
    if (!v) throw new ConnectorError('rejected', `${n}: required`);
    out[n] = v;
  }
  return out;
}
