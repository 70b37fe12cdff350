import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ImportFileError, ImportParser, parseImportBytes, type ParsedFile } from '../../../lib/import';
import type { Customer, Feedback, Interaction, Transaction } from '../../../lib/schemas/domain';
import { CustomerSchema, FeedbackSchema, InteractionSchema, TransactionSchema } from '../../../lib/schemas/domain';

const dir = path.resolve('tests/fixtures/import');
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(dir, name)));
const load = (name: string, opts?: Parameters<typeof parseImportBytes>[2]): ParsedFile => parseImportBytes(bytes(name), name, { asOf: '2025-06-01', ...opts });
const SCHEMA = { customers: CustomerSchema, transactions: TransactionSchema, interactions: InteractionSchema, feedback: FeedbackSchema };

function expectCanonical(p: ParsedFile): void {
  for (const r of p.records) expect(SCHEMA[p.kind].safeParse(r).success).toBe(true);
}

describe('encodings and delimiters', () => {
  it('UTF-8 with BOM, CRLF, customers', () => {
    const p = load('utf8-bom-customers.csv');
    expect([p.kind, p.encoding, p.delimiter]).toEqual(['customers', 'utf-8', ',']);
    const cs = p.records as Customer[];
    expect(cs.map((c) => c.id)).toEqual(['C1', 'C2']);
    expect(cs[0]).toMatchObject({
      name: 'Acme Corp',
      domain: 'acme.com',
      emails: ['ops@acme.com'],
      crmRefs: [{ crm: 'salesforce', objectType: 'account', id: '001ACME' }],
      createdAt: '2024-01-15',
    });
    expect(cs[1]).toMatchObject({ name: '北京星河科技有限公司', createdAt: '2024-02-01', crmRefs: [] });
    expectCanonical(p);
  });

  it('UTF-8 without BOM, currency symbols and refunds', () => {
    const p = load('utf8-nobom-transactions.csv');
    expect((p.records as Transaction[]).map((t) => [t.id, t.amount, t.currency, t.product])).toEqual([
      ['o:C1:SO-1', 1234.5, 'USD', 'Licence'],
      ['o:C2:SO-2', 8800, 'CNY', '维护服务'],
      ['o:C1:SO-3', -250, 'USD', 'Refund'],
    ]);
  });

  it('UTF-16 LE with BOM and tabs; UTF-16 BE with BOM', () => {
    const le = load('utf16le-tab-transactions.csv');
    expect([le.encoding, le.delimiter, le.rejected.length]).toEqual(['utf-16le', '\t', 0]);
    expect((le.records as Transaction[]).map((t) => [t.date, t.amount])).toEqual([
      ['2025-01-05', 10.5],
      ['2025-01-06', 99],
    ]);
    const be = load('utf16be-transactions.csv');
    expect(be.encoding).toBe('utf-16be');
    expect((be.records as Transaction[]).map((t) => t.date)).toEqual(['2025-01-05', '2025-01-07']);
  });

  it('GBK (Chinese Excel) with Fxiaoke headers', () => {
    const c = load('gbk-fxiaoke-customers.csv');
    expect([c.kind, c.encoding, c.preset]).toEqual(['customers', 'gb18030', 'fxiaoke']);
    expect(c.records[0]).toMatchObject({
      id: 'FX-001',
      name: '上海明远贸易有限公司',
      owner: '王芳',
      createdAt: '2024-03-01',
      segment: '重要客户',
      crmRefs: [{ crm: 'fxiaoke', id: 'FX-001' }],
    });
    const t = load('gbk-fxiaoke-transactions.csv');
    expect([t.kind, t.preset]).toEqual(['transactions', 'fxiaoke']);
    expect((t.records as Transaction[]).map((x) => [x.customerId, x.date, x.amount, x.product])).toEqual([
      ['FX-001', '2025-03-01', 12000, '年度服务'],
      ['FX-002', '2025-03-02', 5800, '实施费'],
    ]);
    expect(t.unknownColumns).toEqual(['客户名称']);
    const f = load('gbk-fxiaoke-followups.csv');
    expect(f.kind).toBe('interactions');
    expect(f.records).toMatchObject([
      {
        customerId: 'FX-001',
        date: '2025-03-05',
        channel: 'call',
        summary: '讨论续约，客户满意',
        contact: '王总',
        sentiment: 'positive',
        nextStepDue: '2025-04-05',
      },
      { customerId: 'FX-002', date: '2025-03-06', channel: 'visit', sentiment: 'neutral' },
    ]);
    expectCanonical(f);
  });

  it('semicolons with European numbers and dd.MM.yyyy', () => {
    const p = load('semicolon-eu-transactions.csv');
    expect(p.delimiter).toBe(';');
    expect((p.records as Transaction[]).map((t) => [t.date, t.amount, t.currency])).toEqual([
      ['2025-03-14', 1234.5, 'EUR'],
      ['2025-04-01', 99, 'EUR'],
    ]);
  });

  it('decides dd/MM per file from an unambiguous value, even one further down', () => {
    const p = load('dmy-dates-transactions.csv');
    expect(p.dateOrder).toBe('dmy');
    expect((p.records as Transaction[]).map((t) => t.date)).toEqual(['2025-04-03', '2025-06-05', '2025-12-25']);
    expect(p.needsDateOrder).toBe(false);
  });

  it('asks when every a/b/yyyy date is ambiguous, and converts the held rows once told', () => {
    const p = load('ambiguous-dates-transactions.csv');
    expect(p.needsDateOrder).toBe(true);
    expect(p.records).toHaveLength(1);
    const q = load('ambiguous-dates-transactions.csv', { dateOrder: 'mdy' });
    expect((q.records as Transaction[]).map((t) => t.date)).toEqual(['2025-03-04', '2025-05-06', '2025-07-01']);
    const s = new ImportParser('x.csv', { asOf: '2025-06-01' });
    s.push(bytes('ambiguous-dates-transactions.csv'));
    s.end();
    expect(s.needsDateOrder).toBe(true);
    expect((s.resolveDateOrder('dmy').records as Transaction[]).map((t) => t.date)).toEqual(['2025-04-03', '2025-06-05']);
  });
});

describe('interactions and feedback', () => {
  it('normalises enums and rejects values outside the lists', () => {
    const p = load('canonical-interactions.csv');
    expect((p.records as Interaction[]).map((i) => [i.channel, i.direction, i.sentiment])).toEqual([
      ['call', 'outbound', 'positive'],
      ['email', 'inbound', undefined],
    ]);
    expect(p.rejected).toMatchObject([{ line: 4, column: 'channel', code: 'enum' }]);
    expectCanonical(p);
  });

  it('requires a score for CSAT/NPS in range, optional for complaints', () => {
    const p = load('canonical-feedback.csv');
    expect((p.records as Feedback[]).map((f) => [f.kind, f.score])).toEqual([
      ['csat', 5],
      ['nps', 9],
      ['complaint', undefined],
    ]);
    expect(p.rejected.map((r) => [r.line, r.column, r.code])).toEqual([
      [5, 'score', 'score'],
      [6, 'score', 'required'],
    ]);
    expectCanonical(p);
  });
});

describe('CRM presets', () => {
  it.each([
    [
      'salesforce-accounts.csv',
      'salesforce',
      'customers',
      {
        id: '0015g00000ACME1',
        name: 'Acme Corp',
        owner: 'Dana Lee',
        createdAt: '2024-03-14',
        crmRefs: [{ crm: 'salesforce', objectType: 'account', id: '0015g00000ACME1' }],
      },
    ],
    [
      'salesforce-opportunities.csv',
      'salesforce',
      'transactions',
      { customerId: '0015g00000ACME1', amount: 12500, date: '2025-03-14', orderId: '0065g00000OPP1', product: 'Acme renewal' },
    ],
    ['hubspot-companies.csv', 'hubspot', 'customers', { id: '9001', name: 'Globex', domain: 'globex.com', owner: 'Sam Ray', createdAt: '2024-05-01' }],
    ['hubspot-deals.csv', 'hubspot', 'transactions', { customerId: '9001', amount: 4200, date: '2025-02-01', orderId: '7001' }],
    ['zoho-accounts.csv', 'zoho', 'customers', { id: 'zcrm_4876', name: 'Initech', createdAt: '2024-06-01', segment: 'Customer' }],
    [
      'dynamics-accounts.csv',
      'dynamics',
      'customers',
      { id: 'b1c2d3e4-0000-0000-0000-000000000001', name: 'Umbrella Ltd', domain: 'umbrella.co.uk', createdAt: '2024-02-27' },
    ],
    ['pipedrive-deals.csv', 'pipedrive', 'transactions', { customerId: '812', amount: 3000, currency: 'EUR', date: '2025-01-20', orderId: '55' }],
  ])('%s → %s %s', (file, preset, kind, expected) => {
    const p = load(file);
    expect([p.preset, p.kind, p.rejected]).toEqual([preset, kind, []]);
    expect(p.records[0]).toMatchObject(expected);
    expectCanonical(p);
  });
});

describe('broken files', () => {
  it('a truncated last row is rejected as a short row; the rest is kept', () => {
    const p = load('broken/truncated.csv');
    expect(p.records).toHaveLength(1);
    expect(p.rejected).toMatchObject([{ line: 3, code: 'date' }]);
  });

  it('a file ending in an open quote rejects that last row only', () => {
    const p = load('broken/open-quote.csv');
    expect(p.records.map((r) => r.id)).toEqual(['C1']);
    expect(p.rejected).toMatchObject([{ file: 'broken/open-quote.csv', line: 3, code: 'open-quote' }]);
  });

  it('mixed encodings: UTF-8 rows kept, the row in another encoding rejected', () => {
    const p = load('broken/mixed-encoding.csv');
    expect(p.records.map((r) => (r as Customer).name)).toEqual(['北京星河', '深圳蓝海', '广州白云']);
    expect(p.rejected).toMatchObject([{ line: 3, code: 'encoding' }]);
  });

  it.each([
    ['broken/wrong-columns.csv', /customer_id/],
    ['broken/missing-required.csv', /missing required column amount for a transactions file/],
    ['broken/empty.csv', /empty/],
  ])('%s is refused as a whole with a message naming the file and column', (file, message) => {
    let err: unknown;
    try {
      load(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(message);
  });

  it('huge fields beyond the schema limit are rejected with the column', () => {
    const p = load('broken/huge-field.csv');
    expect(p.rejected).toMatchObject([{ line: 2, column: 'name', code: 'too-long' }]);
    expect(p.records.map((r) => r.id)).toEqual(['C2']);
  });

  it('HTML, scripts, formulas and RTL marks are stored exactly as given', () => {
    const p = load('broken/hostile-text.csv');
    expect(p.rejected).toEqual([]);
    expect((p.records as Customer[]).map((c) => [c.name, c.segment])).toEqual([
      ['=HYPERLINK("http://evil.example","click")', '=1+1'],
      ['<script>alert(1)</script>', '<b>vip</b>'],
      ['\u202eevil\u202c Corp', '@SUM(A1)'],
      ['+1-555-0100', '-2'],
      ['\u200fشركة\u200f', 'TAB'],
    ]);
  });
});

describe('streaming', () => {
  it('gives the same result for any chunk size, with correct physical lines', () => {
    const text = [
      'customer_id,date,amount,product',
      ...Array.from({ length: 300 }, (_, i) =>
        i % 50 === 7 ? `C${i},2025-01-01,bad,x` : `C${i % 40},2025-01-${String((i % 28) + 1).padStart(2, '0')},${i},"multi\r\nline ""${i}"""`,
      ),
    ].join('\r\n');
    const all = new TextEncoder().encode(text);
    const whole = parseImportBytes(all, 's.csv');
    for (const size of [1, 7, 64, 1000]) {
      const p = new ImportParser('s.csv');
      const ids: string[] = [];
      const lines: number[] = [];
      for (let o = 0; o < all.length; o += size) {
        const c = p.push(all.subarray(o, o + size));
        ids.push(...c.records.map((r) => r.id));
        lines.push(...c.rejected.map((r) => r.line));
      }
      const e = p.end();
      ids.push(...e.records.map((r) => r.id));
      lines.push(...e.rejected.map((r) => r.line));
      expect(ids).toEqual(whole.records.map((r) => r.id));
      expect(lines).toEqual(whole.rejected.map((r) => r.line));
    }
    // Good rows span two physical lines, bad rows one: bad row j (data row 7 + 50j) starts on 2 + 2(7 + 50j) − j.
    expect(whole.rejected.map((r) => r.line)).toEqual([0, 1, 2, 3, 4, 5].map((j) => 2 + 2 * (7 + 50 * j) - j));
  });
});

describe('inspectHead (mapping step)', () => {
  it('shows headers, the detected mapping and a preview; an explicit mapping completes a file', async () => {
    const { inspectHead } = await import('../../../lib/import/inspect');
    const head = new TextEncoder().encode('Kunde,Datum,Betrag,Notiz\nK1,2025-01-01,5,x\nK2,2025-01-02,6,y\nK3,2025-01-0');
    const i = inspectHead(head)!;
    expect(i.headers).toEqual(['Kunde', 'Datum', 'Betrag', 'Notiz']);
    expect(i.mapping.missing.length).toBeGreaterThan(0);
    expect(i.preview).toEqual([
      ['K1', '2025-01-01', '5', 'x'],
      ['K2', '2025-01-02', '6', 'y'],
    ]);
    const mapping = { Kunde: 'customer_id', Datum: 'date', Betrag: 'amount', Notiz: '' };
    const j = inspectHead(head, { kind: 'transactions', mapping })!;
    expect(j.mapping.missing).toEqual([]);
    expect(j.mapping.unknown).toEqual(['Notiz']);
    const p = parseImportBytes(head, 'de.csv', { kind: 'transactions', mapping });
    expect(p.records).toHaveLength(2);
    expect(p.rejected).toMatchObject([{ line: 4, column: 'Datum' }]);
  });
});

describe('undecodable bytes after an ASCII start', () => {
  it('rejects the rows the decoder could not read instead of storing mojibake', () => {
    const ascii = new TextEncoder().encode('customer_id,name\n' + Array.from({ length: 5000 }, (_, i) => `A${i},Acme ${i}`).join('\n') + '\n');
    // A Latin-1 byte (0xE9, "é") is not valid UTF-8 on its own.
    const tail = new Uint8Array([...new TextEncoder().encode('B1,Caf'), 0xe9, 0x0a]);
    const all = new Uint8Array(ascii.length + tail.length);
    all.set(ascii);
    all.set(tail, ascii.length);
    const p = parseImportBytes(all, 'late.csv');
    expect(p.records).toHaveLength(5000);
    expect(p.rejected).toMatchObject([{ line: 5002, code: 'encoding' }]);
  });
});
