/**
 * A quick look at a file's first bytes for the options page: encoding, delimiter, headers,
 * the detected kind and column mapping (or what's missing), and the first rows for the
 * column-mapping step's preview.
 */
import { decodeBytes } from './decode';
import { CsvTokenizer, detectDelimiter, type Delimiter, type RawRow } from './csv';
import { detectKind, mapHeaders, type ColumnMapping, type ImportKind } from './columns';

export interface FileInspection {
  encoding: string;
  delimiter: Delimiter;
  headers: string[];
  mapping: ColumnMapping;
  /** Up to `previewRows` data rows (cells as text). */
  preview: string[][];
}

export const INSPECT_BYTES = 64 * 1024;

export const isXlsxName = (name: string): boolean => /\.xlsx$/i.test(name);

export function inspectHead(
  head: Uint8Array,
  opts: { kind?: ImportKind; mapping?: Record<string, string>; previewRows?: number } = {},
): FileInspection | undefined {
  const decoded = decodeBytes(head);
  const guess = decoded.guess;
  const sep = /^sep=(.)?\r?\n/i.exec(decoded.text);
  const text = sep ? decoded.text.slice(sep[0].length) : decoded.text;
  const named = sep?.[1];
  const delimiter: Delimiter = named === ';' || named === '\t' || named === ',' ? named : detectDelimiter(text);
  const rows = new CsvTokenizer(delimiter).push(text);
  // The head may end mid-row: only complete rows are shown.
  return inspectRows(rows, guess.encoding, delimiter, opts);
}

/** The same look at rows that are already cells (XLSX). */
export function inspectRows(
  rows: readonly RawRow[],
  encoding: string,
  delimiter: Delimiter,
  opts: { kind?: ImportKind; mapping?: Record<string, string>; previewRows?: number } = {},
): FileInspection | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const headers = first.fields.map((h) => h.replace(/^\ufeff/, '').trim());
  const mapping = opts.kind ? mapHeaders(headers, opts.kind, opts.mapping) : detectKind(headers, opts.mapping);
  return { encoding, delimiter, headers, mapping, preview: rows.slice(1, 1 + (opts.previewRows ?? 5)).map((r) => r.fields) };
}
