/**
 * One CSV row → one canonical record, or a row error (docs/import.md). Ids are the
 * idempotent keys: a transaction keys on (customer, order_id), else (customer, date, amount, product);
 * interactions and feedback key on all their fields; customers on their customer_id.
 */
import type { Customer, Feedback, Interaction, Transaction } from '../schemas/domain';
import type { CrmId } from '../schemas/enums';
import type { CanonicalColumn, ColumnMapping, ImportKind, PresetId } from './columns';
import { ENUM_LISTS, parseEnum } from './enums';
import { stableHash } from './hash';
import { parseAmount, parseDate, parseScore, type DateOrder } from './values';

export type RowErrorCode = 'required' | 'date' | 'amount' | 'enum' | 'score' | 'too-long' | 'open-quote' | 'encoding' | 'never-log';

export interface RowError {
  file: string;
  line: number;
  column?: string;
  reason: string;
  /** Stable code the UI translates (the English `reason` is for the CLI). */
  code?: RowErrorCode;
  /** What the translated reason names: the offending `value`. */
  params?: Record<string, string | number>;
}

/**
 * A transaction's key when it has an order id: per customer, since two customers' CRMs may number
 * orders alike. The customer id is URI-encoded, so its colons cannot make two pairs one key
 * (customer `A:B` + order `C` vs customer `A` + order `B:C`). Migration 006 rewrote the older
 * `o:<order_id>` keys into this form.
 */
export const orderKey = (customerId: string, orderId: string): string => `o:${encodeURIComponent(customerId)}:${orderId}`;

export type ImportRecord = Customer | Transaction | Interaction | Feedback;

export type RowOutcome =
  | { ok: true; record: ImportRecord }
  | { ok: false; error: Omit<RowError, 'file' | 'line'> }
  /** A date cell reads both dd/MM and MM/dd and the file's order is not known yet. */
  | { ok: 'ambiguous' };

/** Max lengths, as in lib/schemas/domain.ts. */
const MAX: Partial<Record<CanonicalColumn, number>> = {
  customer_id: 200,
  name: 500,
  domain: 253,
  email: 320 * 20,
  segment: 200,
  owner: 200,
  crm_record_id: 200,
  currency: 10,
  product: 500,
  order_id: 200,
  summary: 10_000,
  contact: 500,
  next_step: 2_000,
  comment: 10_000,
};

const DATE_COLUMNS: readonly CanonicalColumn[] = ['date', 'created_at', 'next_step_due'];

export interface RowContext {
  mapping: ColumnMapping;
  headers: readonly string[];
  dateOrder?: DateOrder;
  /** Creation date for customers without `created_at` (the import day). */
  asOf: string;
}

const normDomain = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '');

/** Per-kind positions of each canonical column in the row (first header that feeds it). */
export function columnIndex(mapping: ColumnMapping): Map<CanonicalColumn, number> {
  const m = new Map<CanonicalColumn, number>();
  mapping.columns.forEach((c, i) => {
    if (c && !m.has(c)) m.set(c, i);
  });
  return m;
}

/** The date cells of a row (for file-wide dd/MM vs MM/dd evidence). */
export function dateCells(fields: readonly string[], index: Map<CanonicalColumn, number>): string[] {
  const out: string[] = [];
  for (const c of DATE_COLUMNS) {
    const i = index.get(c);
    if (i !== undefined && fields[i]) out.push(fields[i]!);
  }
  return out;
}

class Reject {
  constructor(readonly error: Omit<RowError, 'file' | 'line'>) {}
}
class Ambiguous {}

export function buildRecord(fields: readonly string[], ctx: RowContext, index: Map<CanonicalColumn, number>): RowOutcome {
  const { mapping, headers } = ctx;
  const header = (c: CanonicalColumn): string => {
    const i = index.get(c);
    return i === undefined ? c : (headers[i] ?? c);
  };
  const cell = (c: CanonicalColumn): string | undefined => {
    const i = index.get(c);
    if (i === undefined) return undefined;
    const v = fields[i];
    if (v === undefined) return undefined;
    const max = MAX[c];
    if (max !== undefined && v.length > max)
      throw new Reject({ column: header(c), code: 'too-long', reason: `${header(c)} is too long (${v.length} characters, max ${max})` });
    return v;
  };
  const opt = (c: CanonicalColumn): string | undefined => {
    const v = cell(c)?.trim();
    return v ? v : undefined;
  };
  const req = (c: CanonicalColumn): string => {
    const i = index.get(c);
    const v = cell(c)?.trim();
    if (!v) {
      const short = i !== undefined && i >= fields.length;
      throw new Reject({
        column: header(c),
        code: 'required',
        reason: short
          ? `required field ${header(c)} is missing (short row: ${fields.length} of ${headers.length} columns)`
          : `required field ${header(c)} is empty`,
      });
    }
    return v;
  };
  const date = (c: CanonicalColumn, required: boolean): string | undefined => {
    const v = required ? req(c) : opt(c);
    if (v === undefined) return undefined;
    const r = parseDate(v, ctx.dateOrder);
    if (r.ok === 'ambiguous') throw new Ambiguous();
    if (!r.ok) throw new Reject({ column: header(c), code: 'date', reason: r.reason, params: { value: v } });
    return r.iso;
  };
  const enumOf = <K extends 'channel' | 'direction' | 'sentiment' | 'kind' | 'crm'>(c: K, required: boolean): string | undefined => {
    const v = required ? req(c) : opt(c);
    if (v === undefined) return undefined;
    const e = parseEnum(c, v);
    if (!e) throw new Reject({ column: header(c), code: 'enum', reason: `"${v}" is not one of ${ENUM_LISTS[c].join(', ')}`, params: { value: v } });
    return e;
  };

  try {
    switch (mapping.kind) {
      case 'customers':
        return { ok: true, record: buildCustomer(req, opt, date, enumOf, ctx, mapping.preset) };
      case 'transactions': {
        const customerId = req('customer_id');
        const d = date('date', true)!;
        const rawAmount = req('amount');
        const a = parseAmount(rawAmount);
        if (!a.ok) throw new Reject({ column: header('amount'), code: 'amount', reason: a.reason, params: { value: rawAmount } });
        const currency = opt('currency')?.toUpperCase() ?? a.currency;
        const product = opt('product');
        const orderId = opt('order_id');
        const id = orderId !== undefined ? orderKey(customerId, orderId) : `t:${stableHash([customerId, d, a.value, product])}`;
        const t: Transaction = { id, customerId, date: d, amount: a.value };
        if (currency) t.currency = currency;
        if (product !== undefined) t.product = product;
        if (orderId !== undefined) t.orderId = orderId;
        return { ok: true, record: t };
      }
      case 'interactions': {
        const customerId = req('customer_id');
        const d = date('date', true)!;
        const channel = enumOf('channel', true) as Interaction['channel'];
        const direction = enumOf('direction', false) as Interaction['direction'];
        const summary = cell('summary') ?? '';
        const sentiment = enumOf('sentiment', false) as Interaction['sentiment'];
        const contact = opt('contact');
        const nextStep = opt('next_step');
        const nextStepDue = date('next_step_due', false);
        const i: Interaction = { id: '', customerId, date: d, channel, summary };
        if (direction) i.direction = direction;
        if (sentiment) i.sentiment = sentiment;
        if (contact !== undefined) i.contact = contact;
        if (nextStep !== undefined) i.nextStep = nextStep;
        if (nextStepDue !== undefined) i.nextStepDue = nextStepDue;
        i.id = `i:${stableHash([customerId, d, channel, direction, summary, sentiment, contact, nextStep, nextStepDue])}`;
        return { ok: true, record: i };
      }
      case 'feedback': {
        const customerId = req('customer_id');
        const d = date('date', true)!;
        const kind = enumOf('kind', true) as Feedback['kind'];
        const rawScore = opt('score');
        let score: number | undefined;
        if (rawScore !== undefined) {
          const s = parseScore(rawScore);
          if (!s.ok) throw new Reject({ column: header('score'), code: 'score', reason: s.reason, params: { value: rawScore } });
          score = s.value;
        }
        const range = kind === 'csat' ? [1, 5] : kind === 'nps' ? [0, 10] : undefined;
        if (range && score === undefined)
          throw new Reject({
            column: header('score'),
            code: 'required',
            reason: `${kind === 'nps' ? 'an' : 'a'} ${kind.toUpperCase()} response needs a score (${range[0]}–${range[1]})`,
          });
        if (range && score !== undefined && (score < range[0]! || score > range[1]!))
          throw new Reject({
            column: header('score'),
            code: 'score',
            reason: `${kind.toUpperCase()} score ${score} is out of range ${range[0]}–${range[1]}`,
            params: { value: score },
          });
        const comment = opt('comment');
        const f: Feedback = { id: `f:${stableHash([customerId, d, kind, score, comment])}`, customerId, date: d, kind };
        if (score !== undefined) f.score = score;
        if (comment !== undefined) f.comment = comment;
        return { ok: true, record: f };
      }
    }
  } catch (e) {
    if (e instanceof Reject) return { ok: false, error: e.error };
    if (e instanceof Ambiguous) return { ok: 'ambiguous' };
    throw e;
  }
}

function buildCustomer(
  req: (c: CanonicalColumn) => string,
  opt: (c: CanonicalColumn) => string | undefined,
  date: (c: CanonicalColumn, required: boolean) => string | undefined,
  enumOf: (c: 'crm', required: boolean) => string | undefined,
  ctx: RowContext,
  preset: PresetId,
): Customer {
  const id = req('customer_id');
  const name = req('name');
  const domainRaw = opt('domain');
  const emails = (opt('email') ?? '')
    .split(/[;,\s]+/)
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  const crm = (enumOf('crm', false) ?? (preset !== 'canonical' ? preset : undefined)) as CrmId | undefined;
  const crmRecordId = opt('crm_record_id') ?? (crm && preset !== 'canonical' ? id : undefined);
  const c: Customer = {
    id,
    name,
    emails,
    createdAt: date('created_at', false) ?? ctx.asOf,
    crmRefs: crm && crmRecordId ? [{ crm, objectType: 'account', id: crmRecordId }] : [],
  };
  const domain = domainRaw ? normDomain(domainRaw) : undefined;
  if (domain) c.domain = domain;
  const segment = opt('segment');
  if (segment !== undefined) c.segment = segment;
  const owner = opt('owner');
  if (owner !== undefined) c.owner = owner;
  return c;
}

/** Customers rows referenced by other kinds: `customerId` of any non-customer record. */
export const customerIdOf = (kind: ImportKind, r: ImportRecord): string | undefined => (kind === 'customers' ? undefined : (r as Transaction).customerId);
