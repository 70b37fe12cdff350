/**
 * Builds one ChangeBatch from CRM records: every mapped row is validated with the canonical
 * zod schema; a record that fails (or whose mapping throws on an unexpected shape) is skipped
 * and named with the rule it broke, so one malformed record never stops a sync.
 */
import { ContactSchema, CustomerSchema, FeedbackSchema, InteractionSchema, TransactionSchema } from '../schemas/domain';
import type { ChangeBatch, RecordKey, SkippedRecord, SyncCursor } from './types';

const SCHEMAS = {
  customers: CustomerSchema,
  contacts: ContactSchema,
  transactions: TransactionSchema,
  interactions: InteractionSchema,
  feedback: FeedbackSchema,
} as const;

export type RowKind = keyof typeof SCHEMAS;

/** The first issue of a failed parse as `path: message` (zod messages name rules, not values). */
function reasonOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const where = first.path.map(String).join('.');
  return (where ? `${where}: ${first.message}` : first.message).slice(0, 200);
}

export class BatchBuilder {
  private readonly rows: { [K in RowKind]: ChangeBatch[K] } = { customers: [], contacts: [], transactions: [], interactions: [], feedback: [] };
  readonly deleted: RecordKey[] = [];
  readonly merged: ChangeBatch['merged'] = [];
  readonly skipped: SkippedRecord[] = [];
  /** CRM records looked at (mapped or skipped), for `progress.read`. */
  seen = 0;

  /** Map one CRM record with `map` and keep the row if it is valid, else record why it was skipped. */
  add(kind: RowKind, record: RecordKey, map: () => unknown): void {
    this.seen++;
    let candidate: unknown;
    try {
      candidate = map();
    } catch {
      this.skipped.push({ record, reason: 'unreadable record' });
      return;
    }
    const parsed = SCHEMAS[kind].safeParse(candidate);
    if (parsed.success) (this.rows[kind] as unknown[]).push(parsed.data);
    else this.skipped.push({ record, reason: reasonOf(parsed.error.issues) });
  }

  get size(): number {
    return Object.values(this.rows).reduce((n, r) => n + r.length, 0) + this.deleted.length + this.merged.length + this.skipped.length;
  }

  build(cursor: SyncCursor, progress: ChangeBatch['progress']): ChangeBatch {
    return {
      ...this.rows,
      deleted: this.deleted,
      merged: this.merged,
      cursor,
      progress,
      ...(this.skipped.length ? { skipped: this.skipped } : {}),
    };
  }
}

/** The UTC calendar date of an ISO date-time (`2026-11-20T23:30:00.000+0000` → `2026-11-20`); undefined when unreadable. */
export function utcDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/** Text cut to `max` characters (summaries are summaries; a long email body must not make a row invalid). */
export const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Non-empty trimmed strings joined by a blank line. */
export const paragraphs = (...parts: unknown[]): string =>
  parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim())
    .join('\n\n');

/** The bare host of a website field (`https://www.acme.com/x` → `acme.com`), or undefined. */
export function domainOf(website: unknown): string | undefined {
  if (typeof website !== 'string' || !website.trim()) return undefined;
  const raw = website.trim();
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`).hostname.toLowerCase();
    return host.includes('.') ? host.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

/** A string field's value, or undefined for null / empty / non-strings. */
export const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A record's title and body as one summary, without repeating the title when the body already starts with it. */
export function titled(title: unknown, body: unknown): string {
  const t = typeof title === 'string' ? title.trim() : '';
  const b = typeof body === 'string' ? body.trim() : '';
  return t && b.startsWith(t) ? b : paragraphs(t, b);
}

/** Items in runs of at most `size` (batch endpoints, ids in a query string). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
