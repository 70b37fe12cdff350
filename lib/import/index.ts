/**
 * CSV import: pure parsing and validation, shared by the options page (in a Worker), the CLI
 * and the tests, so all of them give the same counts (docs/import.md).
 *
 * `parseImportBytes` parses a whole file; `ImportParser` is the streaming form (push byte
 * chunks, get records and row errors per chunk).
 */
import type { Customer, Feedback, Interaction, Transaction } from '../schemas/domain';
import type { ImportKind, PresetId } from './columns';
import { ImportParser, type ImportOptions } from './parser';
import type { RowError } from './rows';
import type { DateOrder } from './values';

export type { ImportKind, PresetId, CanonicalColumn, ColumnMapping } from './columns';
export { COLUMNS, REQUIRED, IMPORT_KINDS, detectKind, mapHeaders, normaliseHeader } from './columns';
export type { RowError, RowErrorCode, ImportRecord } from './rows';
export { ImportParser, ImportFileError, merge, type ImportOptions, type ParsedChunk, type FileHeader } from './parser';
export { parseDate, parseAmount, dateOrderEvidence, type DateOrder } from './values';
export { detectEncoding, decodeBytes, type EncodingGuess } from './decode';
export { tokenize, detectDelimiter, CsvTokenizer, type RawRow, type Delimiter } from './csv';

export interface ParsedFile {
  kind: ImportKind;
  /** Canonical records (lib/schemas/domain.ts); ids are the idempotent keys; each key once. */
  records: Customer[] | Transaction[] | Interaction[] | Feedback[];
  /** Customer ids referenced by this file's rows but not defined in it (placeholders unless stored). */
  placeholders: string[];
  rejected: RowError[];
  /** Rows repeating a record already in this file (they count as accepted too). */
  duplicates: number;
  /** Data rows read (header excluded). */
  rowsSeen: number;
  unknownColumns: string[];
  /** The CRM export whose headers matched, or `canonical`. */
  preset: PresetId;
  /**
   * The file's `a/b/yyyy` dates read both as dd/MM and MM/dd: the rows holding them are not in
   * `records` (nor rejected). Parse again with `opts.dateOrder`.
   */
  needsDateOrder: boolean;
  /** The dd/MM vs MM/dd order used (given or proved by the file), if any slash dates were seen. */
  dateOrder?: DateOrder;
  encoding: string;
  delimiter: string;
}

/** Parse a whole CSV file. Throws ImportFileError when the file is refused as a whole. */
export function parseImportBytes(bytes: Uint8Array, fileName: string, opts?: ImportOptions): ParsedFile {
  const p = new ImportParser(fileName, opts);
  const a = p.push(bytes);
  const b = p.end();
  const h = p.fileHeader!;
  const kind = h.mapping.kind;
  let records = [...a.records, ...b.records];
  if (kind === 'customers') {
    // A customer id repeated with changed fields: the last row wins (as it would in the database).
    const byId = new Map<string, (typeof records)[number]>();
    for (const r of records) byId.set(r.id, r);
    records = [...byId.values()];
  }
  return {
    kind,
    records: records as ParsedFile['records'],
    placeholders: kind === 'customers' ? [] : p.referencedCustomers,
    rejected: [...a.rejected, ...b.rejected].sort((x, y) => x.line - y.line),
    duplicates: a.duplicates + b.duplicates,
    rowsSeen: a.rowsSeen + b.rowsSeen,
    unknownColumns: h.mapping.unknown,
    preset: h.mapping.preset,
    needsDateOrder: p.needsDateOrder,
    dateOrder: p.resolvedDateOrder,
    encoding: h.encoding.encoding,
    delimiter: h.delimiter,
  };
}
