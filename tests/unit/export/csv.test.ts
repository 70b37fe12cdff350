import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../lib/export/csv';
import { parseImportBytes } from '../../../lib/import';
import { readFileSync } from 'node:fs';
import path from 'node:path';

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1-555', "'+1-555"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ])('neutralises %j', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });

  it('keeps numbers numeric (a negative amount is not text)', () => {
    expect(csvCell(-250)).toBe('-250');
    expect(csvCell(undefined)).toBe('');
  });

  it('hostile names imported as given come out neutralised', () => {
    const p = parseImportBytes(new Uint8Array(readFileSync(path.resolve('tests/fixtures/import/broken/hostile-text.csv'))), 'h.csv');
    const csv = toCsv(
      ['name'],
      p.records.map((c) => [(c as { name: string }).name]),
    );
    const lines = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(lines[4]).toBe("'+1-555-0100");
    // Round trip: the report reads back through the importer as the neutralised text.
    expect(csv.startsWith('\ufeffname\r\n')).toBe(true);
  });
});
