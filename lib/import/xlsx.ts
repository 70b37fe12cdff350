/**
 * XLSX → rows for the import pipeline (first worksheet). Uses read-excel-file (SAX-based,
 * runs in a Worker) and turns cells into the text the CSV path would have seen: dates as
 * yyyy-MM-dd, numbers as plain numbers, booleans as true/false, empty cells as ''.
 * `line` is the row's position in the sheet (header = 1).
 */
import { readSheet } from 'read-excel-file/universal';
import type { RawRow } from './csv';

export { isXlsxName } from './inspect';

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

export async function readXlsxRows(input: Blob | ArrayBuffer): Promise<RawRow[]> {
  const data = await readSheet(input);
  return data.map((row, i) => ({ line: i + 1, fields: row.map(cellText) }));
}
