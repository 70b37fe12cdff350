/**
 * A small streaming CSV tokenizer (RFC 4180 plus what spreadsheets really write).
 *
 * Hand-written rather than Papaparse because the import report needs the *physical* line on
 * which each row starts (a quoted field may span lines), and a file that ends inside an open
 * quote must reject only its last row — Papaparse reports neither per row in streaming mode.
 */

export interface RawRow {
  /** 1-based physical line of the row's first character (header = line 1). */
  line: number;
  fields: string[];
  /** The file ended inside an open quote while reading this row. */
  unterminated?: boolean;
}

export type Delimiter = ',' | ';' | '\t';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Pick the delimiter from the header line: the most frequent of `,` `;` tab outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && (c === '\n' || c === '\r')) break;
    else if (!inQuote && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

export class CsvTokenizer {
  private buf = '';
  /** Physical line of `buf[0]`. */
  private line = 1;
  private readonly delim: number;

  constructor(delimiter: Delimiter) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Feed text; returns the rows completed so far. */
  push(text: string): RawRow[] {
    this.buf = this.buf.length ? this.buf + text : text;
    return this.run(false);
  }

  /** End of input: returns the last row (flagged `unterminated` when inside an open quote). */
  end(): RawRow[] {
    const rows = this.run(true);
    this.buf = '';
    return rows;
  }

  private run(final: boolean): RawRow[] {
    const s = this.buf;
    const n = s.length;
    const d = this.delim;
    const out: RawRow[] = [];
    let pos = 0;
    let line = this.line;
    rows: while (pos < n) {
      const rowStart = pos;
      const rowLine = line;
      const fields: string[] = [];
      for (;;) {
        // One field starting at pos.
        if (pos < n && s.charCodeAt(pos) === QUOTE) {
          let value = '';
          let i = pos + 1;
          let closed = false;
          for (;;) {
            const q = s.indexOf('"', i);
            if (q < 0) {
              value += s.slice(i);
              line += countBreaks(s, i, n);
              i = n;
              break;
            }
            line += countBreaks(s, i, q);
            if (s.charCodeAt(q + 1) === QUOTE) {
              value += s.slice(i, q + 1);
              i = q + 2;
              continue;
            }
            if (q + 1 >= n && !final) {
              // Can't yet tell a closing quote from the first half of an escaped one.
              i = n;
              break;
            }
            value += s.slice(i, q);
            i = q + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (!final) {
              line = rowLine;
              pos = rowStart;
              break rows;
            }
            fields.push(value);
            out.push({ line: rowLine, fields, unterminated: true });
            pos = n;
            break rows;
          }
          // Text after the closing quote up to the delimiter is kept (spreadsheets are lenient).
          let j = i;
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === d || c === LF || c === CR) break;
            j++;
          }
          if (j > i) value += s.slice(i, j);
          fields.push(value);
          pos = j;
        } else {
          let j = pos;
          while (j < n) {
            const c = s.charCodeAt(j);
            if (c === d || c === LF || c === CR) break;
            j++;
          }
          fields.push(s.slice(pos, j));
          pos = j;
        }
        if (pos >= n) {
          if (!final) {
            line = rowLine;
            pos = rowStart;
            break rows;
          }
          pushRow(out, rowLine, fields);
          break rows;
        }
        const c = s.charCodeAt(pos);
        if (c === d) {
          pos++;
          if (pos >= n && final) {
            fields.push('');
            pushRow(out, rowLine, fields);
            break rows;
          }
          continue;
        }
        // Line break ends the row.
        if (c === CR) {
          if (pos + 1 >= n && !final) {
            line = rowLine;
            pos = rowStart;
            break rows;
          }
          pos += s.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else pos++;
        line++;
        pushRow(out, rowLine, fields);
        break;
      }
    }
    this.buf = pos >= n ? '' : s.slice(pos);
    this.line = line;
    return out;
  }
}

function pushRow(out: RawRow[], line: number, fields: string[]): void {
  // Blank lines are not rows.
  if (fields.length === 1 && fields[0] === '') return;
  out.push({ line, fields });
}

/** Physical line breaks in s[from, to): LF, CRLF and lone CR each count once. */
function countBreaks(s: string, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) k++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) k++;
  }
  return k;
}

/** Tokenize a whole text. */
export function tokenize(text: string, delimiter: Delimiter = detectDelimiter(text)): RawRow[] {
  const t = new CsvTokenizer(delimiter);
  return [...t.push(text), ...t.end()];
}
