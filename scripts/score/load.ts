/**
 * Files → one book, read with the import rules the extension uses: each file's kind is told by
 * its header; rejected rows are reported with file, line and reason; customers referenced by rows
 * of other kinds but not defined get a placeholder (named by their id, created on their first row).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ImportFileError, parseImportBytes, type DateOrder, type RowError } from '../../lib/import';
import type { Customer, Feedback, Interaction, Transaction } from '../../lib/schemas/domain';

export interface LoadedBook {
  customers: Customer[];
  transactions: Transaction[];
  interactions: Interaction[];
  feedback: Feedback[];
  rejected: RowError[];
  duplicates: number;
  /** The latest date of any row. */
  lastDate?: string;
  files: { name: string; kind: string; accepted: number }[];
}

/** A problem that stops the run (exit 2), already worded for the user. */
export class LoadError extends Error {}

function readBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(fs.readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new LoadError(`cannot read ${file}: ${why}`);
  }
}

export function loadBook(files: readonly string[], dateOrder?: DateOrder): LoadedBook {
  const book: LoadedBook = { customers: [], transactions: [], interactions: [], feedback: [], rejected: [], duplicates: 0, files: [] };
  const byId = new Map<string, Customer>();
  const firstRow = new Map<string, string>();
  for (const file of files) {
    const name = path.basename(file);
    let parsed: ReturnType<typeof parseImportBytes>;
    try {
      parsed = parseImportBytes(readBytes(file), name, { dateOrder });
    } catch (e) {
      if (e instanceof ImportFileError) throw new LoadError(e.message);
      throw e;
    }
    if (parsed.needsDateOrder) throw new LoadError(`${name}: dates like 03/04/2024 could be dd/MM or MM/dd; pass --date-order dmy or --date-order mdy`);
    book.rejected.push(...parsed.rejected);
    book.duplicates += parsed.duplicates;
    book.files.push({ name, kind: parsed.kind, accepted: parsed.records.length });
    if (parsed.kind === 'customers') for (const c of parsed.records as Customer[]) byId.set(c.id, c);
    else {
      const rows = parsed.records as (Transaction | Interaction | Feedback)[];
      for (const r of rows) {
        const seen = firstRow.get(r.customerId);
        if (seen === undefined || r.date < seen) firstRow.set(r.customerId, r.date);
        if (book.lastDate === undefined || r.date > book.lastDate) book.lastDate = r.date;
      }
      if (parsed.kind === 'transactions') book.transactions.push(...(rows as Transaction[]));
      else if (parsed.kind === 'interactions') book.interactions.push(...(rows as Interaction[]));
      else book.feedback.push(...(rows as Feedback[]));
    }
  }
  for (const [id, date] of firstRow) if (!byId.has(id)) byId.set(id, { id, name: id, emails: [], createdAt: date, crmRefs: [], placeholder: true });
  book.customers = [...byId.values()];
  return book;
}
