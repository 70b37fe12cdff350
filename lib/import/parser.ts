/**
 * The streaming import parser: bytes in (any chunk size), canonical records and row errors
 * out, chunk by chunk, so a Worker can parse a million rows with bounded latency. The whole-file
 * `parseImportBytes` (lib/import/index.ts) is this with one chunk.
 *
 * dd/MM vs MM/dd: rows whose dates read both ways are held back until a row in the same file
 * proves the order (a day > 12); if none does, `end()` reports `needsDateOrder` and the held
 * rows wait for `resolveDateOrder()` (the options page asks the user; the CLI takes a flag).
 */
import { ChunkDecoder, detectEncoding, type EncodingGuess } from './decode';
import { CsvTokenizer, detectDelimiter, type Delimiter, type RawRow } from './csv';
import { detectKind, mapHeaders, type ColumnMapping, type ImportKind } from './columns';
import { buildRecord, columnIndex, dateCells, type ImportRecord, type RowError, type RowContext } from './rows';
import { dateOrderEvidence, type DateOrder } from './values';
import type { CanonicalColumn } from './columns';
import { neverLogHit } from '../privacy/never-log';

export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    message: string,
    readonly file: string,
    readonly missing: string[] = [],
  ) {
    super(message);
  }
}

export interface ImportOptions {
  kind?: ImportKind;
  dateOrder?: DateOrder;
  /** Source header → canonical column (`''` = ignore). */
  mapping?: Record<string, string>;
  /** Creation date of customers without `created_at` (defaults to the import day). */
  asOf?: string;
  /** The privacy "never log" list (settings): interactions and feedback of customers or contacts on it are refused. */
  neverLog?: readonly string[];
}

/** What one `push`/`end` produced. */
export interface ParsedChunk {
  records: ImportRecord[];
  rejected: RowError[];
  /** Rows repeating a customer row unchanged, or an order id, already seen in this file (also counted as accepted). */
  duplicates: number;
  /** Data rows consumed (accepted + rejected + held). */
  rowsSeen: number;
}

export interface FileHeader {
  headers: string[];
  mapping: ColumnMapping;
  delimiter: Delimiter;
  encoding: EncodingGuess;
}

const SNIFF_BYTES = 64 * 1024;

export class ImportParser {
  private decoder?: ChunkDecoder;
  private sniff: Uint8Array[] = [];
  private sniffLen = 0;
  private tokenizer?: CsvTokenizer;
  private pendingText = '';
  private header?: FileHeader;
  private ctx?: RowContext;
  private index?: Map<CanonicalColumn, number>;
  private held: RawRow[] = [];
  /** Keys seen in this file, with how many times (identical rows are numbered, see convert). */
  private seen = new Map<string, number>();
  /** Customers: id → content hash, so a repeated identical row is a duplicate and a changed one an update. */
  private customerContent = new Map<string, string>();
  private referenced = new Set<string>();
  private dateOrder?: DateOrder;
  /** Physical line of the header row (2 after a `sep=` line). */
  private headerLine = 1;
  /** Rows come from XLSX cells (no byte decoding involved). */
  private cellsAreText = false;
  private ended = false;

  constructor(
    readonly fileName: string,
    private readonly opts: ImportOptions = {},
  ) {
    this.dateOrder = opts.dateOrder;
  }

  get fileHeader(): FileHeader | undefined {
    return this.header;
  }

  /** Customer ids referenced by non-customer rows (placeholders unless stored). */
  get referencedCustomers(): string[] {
    return [...this.referenced];
  }

  get needsDateOrder(): boolean {
    return this.ended && this.held.length > 0;
  }

  get heldRows(): number {
    return this.held.length;
  }

  get resolvedDateOrder(): DateOrder | undefined {
    return this.dateOrder;
  }

  /** Feed bytes. Throws ImportFileError when the header refuses the file. */
  push(bytes: Uint8Array): ParsedChunk {
    if (!this.decoder) {
      this.sniff.push(bytes);
      this.sniffLen += bytes.length;
      if (this.sniffLen < SNIFF_BYTES) return empty();
      return this.startDecoding();
    }
    return this.pushText(this.decoder.push(bytes));
  }

  end(): ParsedChunk {
    const out = this.decoder ? empty() : this.startDecoding();
    merge(out, this.pushText(this.decoder!.end()));
    if (!this.tokenizer) this.readHeader(true);
    if (this.tokenizer) merge(out, this.rows(this.tokenizer.end()));
    this.ended = true;
    if (this.held.length && this.dateOrder) merge(out, this.release());
    return out;
  }

  /** After `needsDateOrder`: convert the held rows with the user's choice. */
  resolveDateOrder(order: DateOrder): ParsedChunk {
    this.dateOrder = order;
    this.ctx!.dateOrder = order;
    return this.release();
  }

  private startDecoding(): ParsedChunk {
    const all = concat(this.sniff, this.sniffLen);
    this.sniff = [];
    this.decoder = new ChunkDecoder(detectEncoding(all));
    return this.pushText(this.decoder.push(all));
  }

  private pushText(text: string): ParsedChunk {
    if (!this.tokenizer) {
      this.pendingText += text;
      if (!this.readHeader(false)) return empty();
      const t = this.pendingText;
      this.pendingText = '';
      return this.rows(this.tokenizer!.push(t));
    }
    return this.rows(this.tokenizer.push(text));
  }

  /** Reads the header once its line is complete (or at the end). */
  private readHeader(final: boolean): boolean {
    const all = this.pendingText;
    // Excel's "sep=;" first line names the delimiter; the header is then on line 2.
    if (/^sep=/i.test(all) && !/[\r\n]/.test(all) && !final) return false;
    const sep = /^sep=(.)?\r?\n?/i.exec(all);
    const text = sep ? all.slice(sep[0].length) : all;
    this.headerLine = sep ? 2 : 1;
    // The header line is complete once a line break appears outside quotes.
    let inQuote = false;
    let complete = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '"') inQuote = !inQuote;
      else if (!inQuote && (c === '\n' || c === '\r')) {
        complete = true;
        break;
      }
    }
    if (!complete && !final) return false;
    const named = sep?.[1];
    const delimiter: Delimiter = named === ';' || named === '\t' || named === ',' ? named : detectDelimiter(text);
    const tok = new CsvTokenizer(delimiter);
    const first = [...tok.push(text), ...(complete ? [] : tok.end())][0];
    this.setHeader(first?.fields, delimiter, this.decoder!.guess);
    // A fresh tokenizer re-reads the text from line 1; rows() skips the header row.
    this.tokenizer = new CsvTokenizer(delimiter);
    return true;
  }

  /**
   * Rows that are already cells (XLSX): the first is the header. Same validation, keys and
   * counts as CSV rows.
   */
  pushRows(rows: RawRow[]): ParsedChunk {
    this.cellsAreText = true;
    if (!this.header) {
      this.setHeader(rows[0]?.fields, ',', { encoding: 'utf-8', bomLength: 0, mixed: false });
      rows = rows.slice(1);
    }
    return this.rows(rows.filter((r) => r.line !== 1 && r.fields.some((f) => f !== '')));
  }

  /** End of an XLSX file: rows held for the dd/MM question are released if the order is known. */
  endRows(): ParsedChunk {
    if (!this.header) this.setHeader(undefined, ',', { encoding: 'utf-8', bomLength: 0, mixed: false });
    this.ended = true;
    return this.held.length && this.dateOrder ? this.release() : empty();
  }

  private setHeader(fields: string[] | undefined, delimiter: Delimiter, encoding: EncodingGuess): void {
    if (!fields || fields.every((f) => f.trim() === '')) throw new ImportFileError(`${this.fileName}: the file is empty (no header row).`, this.fileName);
    const headers = fields.map((h) => h.replace(/^\ufeff/, '').trim());
    const mapping = this.opts.kind ? mapHeaders(headers, this.opts.kind, this.opts.mapping) : detectKind(headers, this.opts.mapping);
    if (mapping.missing.length)
      throw new ImportFileError(
        `${this.fileName}: missing required column${mapping.missing.length > 1 ? 's' : ''} ${mapping.missing.join(', ')} for a ${mapping.kind} file.`,
        this.fileName,
        mapping.missing,
      );
    this.header = { headers, mapping, delimiter, encoding };
    this.index = columnIndex(mapping);
    this.ctx = { mapping, headers, dateOrder: this.dateOrder, asOf: this.opts.asOf ?? new Date().toISOString().slice(0, 10) };
  }

  private rows(raw: RawRow[]): ParsedChunk {
    const out = empty();
    const mixed = this.header!.encoding.mixed;
    for (const row of raw) {
      if (row.line <= this.headerLine) continue; // the header (and a sep= line)
      out.rowsSeen++;
      if (row.unterminated) {
        out.rejected.push({ file: this.fileName, line: row.line, code: 'open-quote', reason: 'the file ends inside an open quote (truncated row)' });
        continue;
      }
      // U+FFFD = bytes the decoder could not read (a row in another encoding than the rest):
      // rejected rather than stored as mojibake. XLSX cells are text already.
      if (!this.cellsAreText && row.fields.some((f) => f.includes('\ufffd'))) {
        out.rejected.push({
          file: this.fileName,
          line: row.line,
          code: 'encoding',
          reason: mixed
            ? 'the row is not valid UTF-8 (the file mixes encodings)'
            : `the row holds bytes that are not valid ${this.header!.encoding.encoding.toUpperCase()} (save the file as UTF-8)`,
        });
        continue;
      }
      if (!this.dateOrder) {
        for (const d of dateCells(row.fields, this.index!)) {
          const ev = dateOrderEvidence(d);
          if (ev) {
            this.dateOrder = ev;
            this.ctx!.dateOrder = ev;
            merge(out, this.release());
            break;
          }
        }
      }
      this.convert(row, out);
    }
    return out;
  }

  private convert(row: RawRow, out: ParsedChunk): void {
    const r = buildRecord(row.fields, this.ctx!, this.index!);
    if (r.ok === 'ambiguous') {
      this.held.push(row);
      return;
    }
    if (!r.ok) {
      out.rejected.push({ file: this.fileName, line: row.line, ...r.error });
      return;
    }
    const rec = r.record;
    const refused = this.neverLogged(rec);
    if (refused) {
      out.rejected.push({ file: this.fileName, line: row.line, code: 'never-log', reason: `on the "never log" list (${refused})`, params: { value: refused } });
      return;
    }
    if (this.header!.mapping.kind === 'customers') {
      const content = JSON.stringify(rec);
      const before = this.customerContent.get(rec.id);
      this.customerContent.set(rec.id, content);
      if (before === content) {
        out.duplicates++;
        return;
      }
      out.records.push(rec);
      return;
    }
    // A row identical to an earlier one of this file is another real purchase (or interaction…):
    // its key carries its occurrence number, so re-importing the same file still changes nothing.
    // An order id names one order: a second row with it is a duplicate, not another purchase.
    const before = this.seen.get(rec.id) ?? 0;
    if (before > 0 && rec.id.startsWith('o:')) {
      out.duplicates++;
      return;
    }
    this.seen.set(rec.id, before + 1);
    if (before > 0) rec.id = `${rec.id}#${before}`;
    this.referenced.add((rec as { customerId: string }).customerId);
    out.records.push(rec);
  }

  /** The never-log entry an interaction or feedback row hits (its customer id or contact), or null. */
  private neverLogged(rec: ImportRecord): string | null {
    const list = this.opts.neverLog;
    const kind = this.header!.mapping.kind;
    if (!list?.length || (kind !== 'interactions' && kind !== 'feedback')) return null;
    const r = rec as { customerId: string; contact?: string };
    return neverLogHit(list, { customerId: r.customerId, ...(r.contact ? { contact: r.contact } : {}) });
  }

  private release(): ParsedChunk {
    const out = empty();
    const rows = this.held;
    this.held = [];
    for (const row of rows) this.convert(row, out);
    return out;
  }
}

function empty(): ParsedChunk {
  return { records: [], rejected: [], duplicates: 0, rowsSeen: 0 };
}

export function merge(into: ParsedChunk, from: ParsedChunk): ParsedChunk {
  for (const r of from.records) into.records.push(r);
  for (const r of from.rejected) into.rejected.push(r);
  into.duplicates += from.duplicates;
  into.rowsSeen += from.rowsSeen;
  return into;
}

function concat(parts: Uint8Array[], len: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
