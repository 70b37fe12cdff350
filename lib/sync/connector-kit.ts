/**
 * What every API connector needs between a CRM record and a ChangeBatch: a collector that
 * validates each mapped row with the domain schemas (a malformed record is counted and left out,
 * never thrown), tolerant readers for the CRMs' loosely typed values, calendar dates from CRM
 * timestamps, and the tag that carries an ActivityDraft's key into the CRM so a retry finds it.
 *
 * Row ids: `syncRowId(crm, objectType, id)` with the RecordKey object type of the record
 * (`account`, `contact`, `transaction`, `activity`, `feedback`), so a reported deletion names the
 * row it removes. An activity that carries our key tag is reported with the key as its id: it is
 * the interaction the rep logged here.
 */
import { ContactSchema, CustomerSchema, FeedbackSchema, InteractionSchema, TransactionSchema } from '../schemas/domain';
import type { CrmId } from '../schemas/values';
import { ConnectorError, syncRowId, type ActivityDraft, type ChangeBatch, type RecordKey, type SyncCursor } from './types';

export type RowKind = 'customers' | 'contacts' | 'transactions' | 'interactions' | 'feedback';
type RowOf<K extends RowKind> = ChangeBatch[K][number];

const SCHEMAS = {
  customers: CustomerSchema,
  contacts: ContactSchema,
  transactions: TransactionSchema,
  interactions: InteractionSchema,
  feedback: FeedbackSchema,
} as const;

/** A CRM record that cannot be mapped (missing id, unreadable date…): counted as skipped. */
export class MalformedRecord extends Error {
  override name = 'MalformedRecord';
}

/** Collects one page of rows at a time; `read` and `skipped` run over the whole pass. */
export class BatchCollector {
  read: number;
  skipped: number;
  private rows = this.empty();

  constructor(start: { read?: number; skipped?: number } = {}) {
    this.read = start.read ?? 0;
    this.skipped = start.skipped ?? 0;
  }

  private empty() {
    return {
      customers: [] as ChangeBatch['customers'],
      contacts: [] as ChangeBatch['contacts'],
      transactions: [] as ChangeBatch['transactions'],
      interactions: [] as ChangeBatch['interactions'],
      feedback: [] as ChangeBatch['feedback'],
      deleted: [] as RecordKey[],
      merged: [] as ChangeBatch['merged'],
    };
  }

  /** Count records as read (one per CRM record on the page, whatever becomes of it). */
  seen(n = 1): void {
    this.read += n;
  }

  /** Map one record: `undefined` = not a row to sync (e.g. an open task); a throw or a failed schema = skipped. */
  add<K extends RowKind>(kind: K, map: () => RowOf<K> | undefined): void {
    let row: RowOf<K> | undefined;
    try {
      row = map();
    } catch {
      this.skipped++;
      return;
    }
    if (row === undefined) return;
    const parsed = SCHEMAS[kind].safeParse(row);
    if (!parsed.success) {
      this.skipped++;
      return;
    }
    (this.rows[kind] as RowOf<K>[]).push(parsed.data as RowOf<K>);
  }

  /** Count a record that could not be read at all as skipped. */
  skip(): void {
    this.skipped++;
  }

  deleted(key: RecordKey): void {
    this.rows.deleted.push(key);
  }

  merged(m: ChangeBatch['merged'][number]): void {
    this.rows.merged.push(m);
  }

  /** The batch so far with its cursor; the collector starts a new page. */
  take(cursor: SyncCursor, total?: number): ChangeBatch {
    const batch: ChangeBatch = {
      ...this.rows,
      cursor,
      progress: { read: this.read, skipped: this.skipped, ...(total !== undefined ? { total } : {}) },
    };
    this.rows = this.empty();
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
export function textOf(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A finite number from a number or a numeric string; otherwise undefined. */
export function numberOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

const isRealDay = (d: string): boolean => {
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

/** The calendar day of an epoch-ms timestamp at a fixed UTC offset (e.g. +480 for China Standard Time). */
export function dayOfEpochMs(v: unknown, offsetMinutes: number, what: string): string {
  const ms = numberOf(v);
  if (ms === undefined) throw new MalformedRecord(`${what}: not a timestamp`);
  const d = new Date(ms + offsetMinutes * 60_000);
  if (Number.isNaN(d.getTime())) throw new MalformedRecord(`${what}: not a timestamp`);
  return d.toISOString().slice(0, 10);
}

/** The registrable-looking host of a website value (`https://www.acme.com/x` → `acme.com`). */
export function domainOfWebsite(v: unknown): string | undefined {
  const raw = textOf(v)?.trim();
  if (!raw) return undefined;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`).hostname.toLowerCase();
    return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) ? host.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const TAG = /\[rapport:([A-Za-z0-9][A-Za-z0-9._:-]{0,99})\]/;

/** `[rapport:<key>]`, the tag written into an activity so `findActivity` can find it again. */
export function keyTag(key: string): string {
  if (!KEY.test(key)) throw new ConnectorError('rejected', 'draft.key: expected 1–100 letters, digits or . _ : -');
  return `[rapport:${key}]`;
}

/** The key of a tag found in a CRM text field, if any. */
export const keyInText = (v: unknown): string | undefined => (typeof v === 'string' ? TAG.exec(v)?.[1] : undefined);

/** The activity's subject: the summary's first line (or the date when empty), at most `max` characters. */
export function subjectOf(draft: ActivityDraft, max: number): string {
  const first = draft.summary.split(/\r?\n/, 1)[0]!.trim() || draft.date;
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}

/** The activity's body: the summary, then the next step (with its due date) on its own line. */
export function bodyOf(draft: ActivityDraft): string {
  const next = draft.nextStep ? `\n\n→ ${draft.nextStep}${draft.nextStepDue ? ` (${draft.nextStepDue})` : ''}` : '';
  return `${draft.summary}${next}`;
}

/**
 * When the logged activity happened, as epoch ms: noon UTC of the draft's day, but never in the
 * future (a future start would make it a scheduled activity, not a completed one).
 */
export function activityTime(draft: ActivityDraft, now: number): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date) || !isRealDay(draft.date)) throw new ConnectorError('rejected', 'draft.date: expected a yyyy-MM-dd date');
  return Math.min(Date.parse(`${draft.date}T12:00:00Z`), now - 60_000);
}

/** Looks up the account a record belongs to; undefined when it has none (or it is gone). */
export type ParentFetch = (id: string) => Promise<string | undefined>;

/**
 * The account a related record (contact, deal…) belongs to, for activities and cases that point
 * at one: parents read earlier in the pass are remembered, others fetched once each.
 */
export class ParentIndex {
  private known = new Map<string, string | null>();

  /** `accountTable`: the name refs to an account itself carry; `fetchers`: per other table. */
  constructor(
    private readonly accountTable: string,
    private readonly fetchers: Readonly<Record<string, ParentFetch>>,
  ) {}

  note(table: string, id: string, account: string | undefined): void {
    this.known.set(`${table}:${id}`, account ?? null);
  }

  /** Fetch the parents of the refs not known yet (a deleted or hidden parent resolves to none). */
  async prefetch(refs: readonly ({ table: string; id: string } | undefined)[]): Promise<void> {
    for (const ref of refs) {
      const fetch = ref && this.fetchers[ref.table];
      if (!ref || !fetch || this.known.has(`${ref.table}:${ref.id}`)) continue;
      try {
        this.known.set(`${ref.table}:${ref.id}`, (await fetch(ref.id)) ?? null);
      } catch (e) {
        if (!(e instanceof ConnectorError) || (e.code !== 'not-found' && e.code !== 'forbidden')) throw e;
        this.known.set(`${ref.table}:${ref.id}`, null);
      }
    }
  }

  accountOf(ref: { table: string; id: string } | undefined): string | undefined {
    if (!ref) return undefined;
    if (ref.table === this.accountTable) return ref.id;
    return this.known.get(`${ref.table}:${ref.id}`) ?? undefined;
  }
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
