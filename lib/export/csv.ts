/**
 * CSV writing for exports. Cells starting with `=`, `+`, `-`, `@`, tab or CR are prefixed with
 * `'` so spreadsheets show them as text instead of running them as formulas (OWASP "CSV
 * injection"); the stored data keeps the value as given.
 */

const DANGEROUS = /^[=+\-@\t\r]/;

export type Cell = string | number | boolean | null | undefined;

export function neutralise(value: string): string {
  return DANGEROUS.test(value) ? `'${value}` : value;
}

/** One cell: numbers as plain numbers; text neutralised, quoted when it holds `,` `"` or a line break. */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = neutralise(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV (CRLF, UTF-8 BOM so Excel opens Chinese text correctly). */
export function toCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
