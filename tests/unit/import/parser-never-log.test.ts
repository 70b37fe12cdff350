import { describe, expect, it } from 'vitest';
import { parseImportBytes } from '../../../lib/import';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('the "never log" list in imports', () => {
  const csv =
    'customer_id,date,channel,summary,contact\nC-1,2026-01-02,call,Renewal,Dana <dana@private.example>\nC-2,2026-01-03,call,Hello,Bo\nC-3,2026-01-04,email,Hi,Al\n';

  it('refuses interactions of a listed customer or contact, with the line and the entry', () => {
    const p = parseImportBytes(bytes(csv), 'log.csv', { neverLog: ['private.example', 'c-3'] });
    expect(p.records.map((r) => (r as { customerId: string }).customerId)).toEqual(['C-2']);
    expect(p.rejected).toEqual([
      expect.objectContaining({ file: 'log.csv', line: 2, code: 'never-log', params: { value: 'private.example' } }),
      expect.objectContaining({ file: 'log.csv', line: 4, code: 'never-log', params: { value: 'c-3' } }),
    ]);
  });

  it('imports everything when the list is empty, and never filters purchases', () => {
    expect(parseImportBytes(bytes(csv), 'log.csv', { neverLog: [] }).records).toHaveLength(3);
    const tx = parseImportBytes(bytes('customer_id,date,amount\nC-3,2026-01-04,5\n'), 'tx.csv', { neverLog: ['C-3'] });
    expect(tx.records).toHaveLength(1);
  });
});
