/**
 * Canonical import columns per kind and the mapping of export headers onto them: canonical
 * names, common English names, and each CRM's preset (its export headers, Chinese ones
 * included), which lives with the CRM (lib/crm/<crm>/book.ts). Headers compare case-, space-
 * and punctuation-insensitively.
 */
import { BOOKS } from '../crm/books';
import type { CrmId } from '../schemas/values';

export const IMPORT_KINDS = ['customers', 'transactions', 'interactions', 'feedback'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const COLUMNS = {
  customers: ['customer_id', 'name', 'domain', 'email', 'segment', 'owner', 'crm', 'crm_record_id', 'created_at'],
  transactions: ['customer_id', 'date', 'amount', 'currency', 'product', 'order_id'],
  interactions: ['customer_id', 'date', 'channel', 'direction', 'summary', 'sentiment', 'contact', 'next_step', 'next_step_due'],
  feedback: ['customer_id', 'date', 'kind', 'score', 'comment'],
} as const satisfies Record<ImportKind, readonly string[]>;

export type CanonicalColumn = (typeof COLUMNS)[ImportKind][number];

export const REQUIRED: Record<ImportKind, readonly CanonicalColumn[]> = {
  customers: ['customer_id', 'name'],
  transactions: ['customer_id', 'date', 'amount'],
  interactions: ['customer_id', 'date', 'channel'],
  feedback: ['customer_id', 'date', 'kind'],
};

export type PresetId = 'canonical' | CrmId;

/** `Salesforce Account ID` → `salesforceaccountid`; `客户 编号` → `客户编号`. */
export const normaliseHeader = (h: string): string =>
  h
    .normalize('NFKC')
    .replace(/^\ufeff/, '')
    .toLowerCase()
    .replace(/[\s_\-.:()（）/\\·'"’]+/gu, '');

type Aliases = Partial<Record<CanonicalColumn, readonly string[]>>;

/** A CRM's export header aliases, per import kind (`all`: every kind). The canonical names always match. */
export type ImportPreset = Partial<Record<ImportKind | 'all', Aliases>>;

/** Common English names that belong to no CRM in particular. */
const GENERIC: ImportPreset = {
  all: { customer_id: ['Customer ID', 'Customer', 'Client ID', 'Account'] },
  customers: {
    name: ['Customer Name', 'Company', 'Company Name', 'Organization', 'Organisation'],
    domain: ['Website', 'Web Site', 'Domain Name'],
    email: ['E-mail', 'Email Address', 'Primary Email'],
    owner: ['Account Manager', 'Sales Rep'],
    created_at: ['Created', 'Created On', 'Since'],
    crm_record_id: ['CRM ID', 'Record ID'],
  },
  transactions: {
    date: ['Order Date', 'Purchase Date', 'Transaction Date', 'Invoice Date'],
    amount: ['Total', 'Value', 'Revenue', 'Price', 'Sales'],
    product: ['Item', 'SKU', 'Description'],
    order_id: ['Order', 'Order Number', 'Invoice', 'Invoice Number', 'Transaction ID'],
  },
  interactions: {
    channel: ['Type', 'Activity Type', 'Medium'],
    summary: ['Subject', 'Notes', 'Description', 'Note'],
    contact: ['Contact Name', 'Person'],
    next_step_due: ['Next Step Date', 'Follow-up Date', 'Follow Up Date'],
  },
  feedback: {
    date: ['Response Date', 'Submitted At', 'Submission Date'],
    kind: ['Type', 'Survey Type', 'Feedback Type'],
    score: ['Rating', 'NPS', 'CSAT'],
    comment: ['Comments', 'Feedback', 'Verbatim'],
  },
};

interface AliasHit {
  column: CanonicalColumn;
  preset: PresetId;
}

function buildTable(kind: ImportKind): Map<string, AliasHit[]> {
  const table = new Map<string, AliasHit[]>();
  const add = (alias: string, hit: AliasHit): void => {
    const key = normaliseHeader(alias);
    const list = table.get(key) ?? [];
    if (!list.some((h) => h.column === hit.column && h.preset === hit.preset)) list.push(hit);
    table.set(key, list);
  };
  for (const c of COLUMNS[kind]) add(c, { column: c, preset: 'canonical' });
  const addAliases = (aliases: Aliases | undefined, preset: PresetId): void => {
    for (const [column, names] of Object.entries(aliases ?? {}))
      for (const n of names as readonly string[])
        if ((COLUMNS[kind] as readonly string[]).includes(column)) add(n, { column: column as CanonicalColumn, preset });
  };
  for (const [preset, book] of Object.entries(BOOKS)) {
    addAliases(book.importPreset[kind], preset as PresetId);
    addAliases(book.importPreset.all, preset as PresetId);
  }
  addAliases(GENERIC[kind], 'canonical');
  addAliases(GENERIC.all, 'canonical');
  return table;
}

const TABLES = new Map<ImportKind, Map<string, AliasHit[]>>(IMPORT_KINDS.map((k) => [k, buildTable(k)]));

export interface ColumnMapping {
  kind: ImportKind;
  /** Per header position: the canonical column it feeds, or undefined (ignored). */
  columns: (CanonicalColumn | undefined)[];
  /** Required columns not found. */
  missing: CanonicalColumn[];
  /** Headers that feed nothing (reported). */
  unknown: string[];
  /** The CRM whose export headers matched best, or `canonical`. */
  preset: PresetId;
}

/**
 * Map headers onto one kind's canonical columns. `explicit` (source header → canonical
 * column, `''` = ignore) wins over aliases; each canonical column is fed by its first header.
 */
export function mapHeaders(headers: readonly string[], kind: ImportKind, explicit?: Record<string, string>): ColumnMapping {
  const table = TABLES.get(kind)!;
  const explicitNorm = new Map<string, string>();
  for (const [h, c] of Object.entries(explicit ?? {})) explicitNorm.set(normaliseHeader(h), c);
  const votes = new Map<PresetId, number>();
  const used = new Set<CanonicalColumn>();
  const columns: (CanonicalColumn | undefined)[] = [];
  const unknown: string[] = [];
  const valid = COLUMNS[kind] as readonly string[];
  // Pass 1: explicit mappings claim their columns first.
  const fromExplicit = headers.map((h) => {
    const e = explicitNorm.get(normaliseHeader(h));
    if (e === undefined) return undefined;
    if (e === '' || !valid.includes(e)) return null;
    return e as CanonicalColumn;
  });
  for (const c of fromExplicit) if (c) used.add(c);
  headers.forEach((h, i) => {
    const e = fromExplicit[i];
    if (e !== undefined) {
      columns.push(e ?? undefined);
      if (e === null) unknown.push(h);
      return;
    }
    const hits = table.get(normaliseHeader(h)) ?? [];
    const hit = hits.find((x) => !used.has(x.column));
    if (!hit) {
      columns.push(undefined);
      if (h.trim() !== '' || hits.length) unknown.push(h);
      return;
    }
    used.add(hit.column);
    columns.push(hit.column);
    // Only CRM-specific header names vote for a preset (canonical and generic names don't).
    const same = hits.filter((x) => x.column === hit.column);
    if (!same.some((x) => x.preset === 'canonical')) for (const x of same) votes.set(x.preset, (votes.get(x.preset) ?? 0) + 1);
  });
  let preset: PresetId = 'canonical';
  let best = 0;
  for (const [p, v] of votes)
    if (v > best) {
      preset = p;
      best = v;
    }
  return { kind, columns, missing: REQUIRED[kind].filter((c) => !used.has(c)), unknown, preset };
}

/** Which kind a header row describes: complete kinds first, then most columns mapped. */
export function detectKind(headers: readonly string[], explicit?: Record<string, string>): ColumnMapping {
  // Ties go to the most common export first.
  const order: ImportKind[] = ['transactions', 'customers', 'interactions', 'feedback'];
  const candidates = order.map((k) => mapHeaders(headers, k, explicit));
  const mapped = (m: ColumnMapping): number => m.columns.filter(Boolean).length;
  const score = (m: ColumnMapping): number => (m.missing.length === 0 ? 10_000 : 0) + (REQUIRED[m.kind].length - m.missing.length) * 100 + mapped(m);
  let best = candidates[0]!;
  for (const c of candidates.slice(1)) if (score(c) > score(best)) best = c;
  return best;
}
