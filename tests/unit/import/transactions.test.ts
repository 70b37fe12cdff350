import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ImportFileError, parseImportBytes, type ParsedFile } from '../../../lib/import';
import type { Transaction } from '../../../lib/schemas/domain';
import { cdnowFile } from '../../cdnow';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const parse = (s: string, opts?: Parameters<typeof parseImportBytes>[2]): ParsedFile => parseImportBytes(enc(s), 't.csv', { asOf: '2025-06-01', ...opts });
const tx = (p: ParsedFile): Transaction[] => p.records as Transaction[];

describe('parseImportBytes — transactions', () => {
  it('detects the kind and builds canonical records', () => {
    const p = parse('customer_id,date,amount,currency,product\nC1,2025-01-02,"$1,234.50",,Widget\nC2,2025-01-03,-250.00,EUR,\n');
    expect(p.kind).toBe('transactions');
    expect(p.rowsSeen).toBe(2);
    expect(p.rejected).toEqual([]);
    expect(tx(p).map((t) => [t.customerId, t.date, t.amount, t.currency, t.product])).toEqual([
      ['C1', '2025-01-02', 1234.5, 'USD', 'Widget'],
      ['C2', '2025-01-03', -250, 'EUR', undefined],
    ]);
    expect(p.placeholders.sort()).toEqual(['C1', 'C2']);
  });

  it('rejects bad rows with file, physical line, column and reason and keeps the rest', () => {
    const p = parse(
      [
        'customer_id,date,amount',
        'C1,2025-02-30,10', // line 2: not a real day
        'C1,2025-03-01,N/A', // 3
        '"C2',
        'x",2025-03-01,5', // 4-5: quoted newline, valid
        'C3,2025-03-01,12.5.3', // 6
        ',2025-03-01,1', // 7
        'C4,2023-02-29,1O0', // 8
        'C5,2024-02-29', // 9 short row
        'C6,2024-02-29,7', // 10 ok (leap day)
      ].join('\r\n'),
    );
    expect(p.rejected.map((r) => [r.line, r.column, r.code])).toEqual([
      [2, 'date', 'date'],
      [3, 'amount', 'amount'],
      [6, 'amount', 'amount'],
      [7, 'customer_id', 'required'],
      [8, 'date', 'date'],
      [9, 'amount', 'required'],
    ]);
    expect(p.rejected.every((r) => r.file === 't.csv' && r.reason.length > 0)).toBe(true);
    expect(tx(p).map((t) => t.customerId)).toEqual(['C2\r\nx', 'C6']); // text inside quotes is kept as given
    expect(p.rowsSeen).toBe(8);
  });

  it('keeps identical rows as separate purchases (numbered), yet re-importing the file changes nothing; order_id is the key when present', () => {
    const file = 'customer_id,date,amount,order_id\nC1,2025-01-01,5,\nC1,2025-01-01,5,\nC1,2025-01-01,5,A1\nC1,2025-01-02,9,A1\n';
    const p = parse(file);
    expect(p.records).toHaveLength(3);
    expect(p.duplicates).toBe(1);
    const ids = tx(p).map((t) => t.id);
    expect(ids[1]).toBe(`${ids[0]}#1`);
    expect(ids[2]).toBe('o:C1:A1');
    expect(parse(file).records.map((r) => r.id)).toEqual(ids);
    const again = parse('customer_id,date,amount,order_id\nC1,2025-01-01,5,\n');
    expect(again.records[0]!.id).toBe(p.records[0]!.id);
  });

  it('keys an order id per customer: two customers with order 1001 are two purchases; a customer id with a colon cannot forge a key', () => {
    const file = 'customer_id,date,amount,order_id\nA,2025-01-01,5,1001\nB,2025-01-02,7,1001\nA:B,2025-01-03,9,C\nA,2025-01-04,11,B:C\nA,2025-01-05,5,1001\n';
    const p = parse(file);
    expect(tx(p).map((t) => [t.id, t.customerId, t.amount])).toEqual([
      ['o:A:1001', 'A', 5],
      ['o:B:1001', 'B', 7],
      ['o:A%3AB:C', 'A:B', 9],
      ['o:A:B:C', 'A', 11],
    ]);
    expect(p.duplicates).toBe(1);
    expect(parse(file).records.map((r) => r.id)).toEqual(tx(p).map((t) => t.id));
  });

  it('refuses a file missing a required column, naming it', () => {
    expect(() => parse('customer_id,amount\nC1,5\n', { kind: 'transactions' })).toThrow(ImportFileError);
    expect(() => parse('customer_id,amount\nC1,5\n', { kind: 'transactions' })).toThrow(/t\.csv.*date/);
  });

  it('parses the CDNOW sample (6,919 rows; its 21 exact repeats are real repeat purchases)', () => {
    const bytes = readFileSync(cdnowFile('transactions-sample.csv'));
    const p = parseImportBytes(new Uint8Array(bytes), 'transactions-sample.csv');
    expect(p.rowsSeen).toBe(6919);
    expect(p.rejected).toEqual([]);
    expect(p.duplicates).toBe(0);
    expect(p.records).toHaveLength(6919);
    expect(new Set(p.records.map((r) => r.id)).size).toBe(6919);
    expect(p.records.filter((r) => r.id.includes('#'))).toHaveLength(21);
    expect(p.placeholders).toHaveLength(2357);
  });
});

describe('Excel "sep=" line', () => {
  it('takes the delimiter from it and keeps physical line numbers', async () => {
    const p = parse('sep=;\r\ncustomer_id;date;amount\r\nC1;2025-01-01;1,50\r\nC2;2025-01-02;x\r\n');
    expect(p.delimiter).toBe(';');
    expect((p.records as Transaction[]).map((t) => t.amount)).toEqual([1.5]);
    expect(p.rejected).toMatchObject([{ line: 4, column: 'amount' }]);
    const { inspectHead } = await import('../../../lib/import/inspect');
    expect(inspectHead(enc('sep=;\ncustomer_id;date;amount\nC1;2025-01-01;1\n'))!.headers).toEqual(['customer_id', 'date', 'amount']);
  });
});
