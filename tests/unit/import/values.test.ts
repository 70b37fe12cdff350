import { describe, expect, it } from 'vitest';
import { parseAmount, parseDate } from '../../../lib/import';

describe('parseDate', () => {
  it.each([
    ['2025-03-14', '2025-03-14'],
    ['2025-3-4', '2025-03-04'],
    ['2025-03-14T23:30:00Z', '2025-03-14'],
    ['2025-03-14 08:15:00', '2025-03-14'],
    ['2025-03-14T08:15:00.123+08:00', '2025-03-14'],
    ['2025/03/14', '2025-03-14'],
    ['2025/3/14 9:05', '2025-03-14'],
    ['20250314', '2025-03-14'],
    ['2025年3月14日', '2025-03-14'],
    ['2025年03月04日 10:30', '2025-03-04'],
    ['14.03.2025', '2025-03-14'],
    ['14/03/2025', '2025-03-14'],
    ['03/14/2025', '2025-03-14'],
    ['3/14/2025 4:05 PM', '2025-03-14'],
    ['14-Mar-2025', '2025-03-14'],
    ['Mar 14, 2025', '2025-03-14'],
    ['45730', '2025-03-14'],
    ['45730.75', '2025-03-14'],
    ['2024-02-29', '2024-02-29'],
    ['05/05/2025', '2025-05-05'],
  ])('%s → %s', (raw, iso) => {
    expect(parseDate(raw)).toEqual({ ok: true, iso });
  });

  it.each(['2025-02-30', '2023-02-29', '2025-13-01', '31.04.2025', 'yesterday', '2025-03', '', '14/13/2025', '60'])('rejects %j', (raw) => {
    expect(parseDate(raw).ok).toBe(false);
  });

  it('leaves a/b/yyyy with both parts ≤ 12 ambiguous until an order is given', () => {
    expect(parseDate('03/04/2025')).toEqual({ ok: 'ambiguous' });
    expect(parseDate('03/04/2025', 'dmy')).toEqual({ ok: true, iso: '2025-04-03' });
    expect(parseDate('03/04/2025', 'mdy')).toEqual({ ok: true, iso: '2025-03-04' });
    expect(parseDate('14/03/2025', 'mdy').ok).toBe(false);
  });
});

describe('parseAmount', () => {
  it.each([
    ['1234.50', 1234.5, undefined],
    ['$1,234.50', 1234.5, 'USD'],
    ['€99.00', 99, 'EUR'],
    ['-250.00', -250, undefined],
    ['1.234,50 €', 1234.5, 'EUR'],
    ['1 234,50', 1234.5, undefined],
    ['¥12,000', 12000, 'CNY'],
    ['￥8800', 8800, 'CNY'],
    ['8800元', 8800, 'CNY'],
    ['USD 10', 10, 'USD'],
    ['10 GBP', 10, 'GBP'],
    ['(45.10)', -45.1, undefined],
    ['-$5', -5, 'USD'],
    ['99,5', 99.5, undefined],
    ['1.234.567', 1234567, undefined],
    ['0', 0, undefined],
  ])('%s → %d %s', (raw, value, currency) => {
    const r = parseAmount(raw);
    expect(r).toEqual({ ok: true, value, currency });
  });

  it.each(['N/A', '12.5.3', '1O0', '', '-', '$', 'abc', '1,2,3', '--5', '1e5'])('rejects %j', (raw) => {
    expect(parseAmount(raw).ok).toBe(false);
  });
});
