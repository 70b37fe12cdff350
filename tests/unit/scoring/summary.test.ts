import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayNumber, summarize, type Purchase } from '../../../lib/scoring/summary';
import { CDNOW_DIR } from '../../cdnow';

const CDNOW = CDNOW_DIR;
const readCsv = (file: string): string[][] =>
  fs
    .readFileSync(path.join(CDNOW, file), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));

const p = (customerId: string, date: string, amount: number): Purchase => ({ customerId, date, amount });

describe('dayNumber', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2024-02-29', 19782],
    ['2000-02-29', 11016],
  ])('%s → %i', (d, n) => expect(dayNumber(d)).toBe(n));
  it.each(['', '2024/01/01', '2024-13-01', 'abcd-ef-gh', '2024-02-30', '2023-02-29', '2024-04-31', '1900-02-29'])('rejects %j', (d) =>
    expect(dayNumber(d)).toBeNaN(),
  );
});

describe('summarize', () => {
  const opts = { calibrationEnd: '2024-03-31', unit: 'day' as const };

  it('counts one purchase per customer-day and measures t_x and T from the first purchase', () => {
    const [s] = summarize([p('a', '2024-01-01', 10), p('a', '2024-01-01', 5), p('a', '2024-01-11', 20), p('a', '2024-01-21', 40)], opts);
    expect(s).toEqual({
      customerId: 'a',
      x: 2,
      tx: 20,
      T: 90,
      meanRepeatSpend: 30,
      firstPurchase: '2024-01-01',
      lastPurchase: '2024-01-21',
      purchaseDays: 3,
      totalSpend: 75,
    });
  });

  it('treats refunds as lowering spend, not as purchases; a day netting ≤ 0 is no purchase', () => {
    const [s] = summarize(
      [p('a', '2024-01-01', 100), p('a', '2024-02-01', -30), p('a', '2024-02-10', 50), p('a', '2024-02-10', -50), p('a', '2024-03-01', 0)],
      opts,
    );
    expect(s!.x).toBe(0);
    expect(s!.tx).toBe(0);
    expect(s!.totalSpend).toBe(70);
    expect(s!.meanRepeatSpend).toBe(0);
    expect(s!.lastPurchase).toBe('2024-01-01');
  });

  it('a refund before the first purchase does not move the first purchase', () => {
    const [s] = summarize([p('a', '2024-01-01', -10), p('a', '2024-01-05', 10)], opts);
    expect(s!.firstPurchase).toBe('2024-01-05');
    expect(s!.T).toBe(86);
    expect(s!.totalSpend).toBe(0);
  });

  it('ignores purchases after the calibration end and leaves out customers who start after it or never purchased', () => {
    const out = summarize(
      [p('a', '2024-03-01', 10), p('a', '2024-04-02', 99), p('late', '2024-04-01', 10), p('refunds', '2024-01-01', -5), p('zero', '2024-01-01', 0)],
      opts,
    );
    expect(out.map((s) => s.customerId)).toEqual(['a']);
    expect(out[0]!.totalSpend).toBe(10);
    expect(out[0]!.T).toBe(30);
  });

  it('a purchase on the calibration end counts, with T = t_x', () => {
    const [s] = summarize([p('a', '2024-03-01', 10), p('a', '2024-03-31', 10)], opts);
    expect(s!.x).toBe(1);
    expect(s!.tx).toBe(30);
    expect(s!.T).toBe(30);
  });

  it('weeks are days / 7 and counts do not depend on the order of rows', () => {
    const rows = [p('b', '2024-02-01', 3), p('a', '2024-01-08', 1), p('a', '2024-01-01', 2)];
    const out = summarize(rows, { calibrationEnd: '2024-01-29', unit: 'week' });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ customerId: 'a', x: 1, tx: 1, T: 4, meanRepeatSpend: 1 });
  });

  it('empty input and an invalid calibration end', () => {
    expect(summarize([], opts)).toEqual([]);
    expect(() => summarize([], { calibrationEnd: 'soon', unit: 'day' })).toThrow(/calibrationEnd/);
  });
});

describe('summarize on the CDNOW sample vs the reference summaries', () => {
  const tx = readCsv('transactions-sample.csv').map(([c, d, a]) => p(c!, d!, Number(a)));
  const ours = new Map(summarize(tx, { calibrationEnd: '1997-09-30', unit: 'week' }).map((s) => [Number(s.customerId), s]));
  const reference = readCsv('cdnow_customers_summary_with_transactions.csv').map((r) => r.map(Number));
  const refIds = new Set(readCsv('cdnow_customers_summary.csv').map((r) => Number(r[0])));

  it('covers all 2,357 reference customers except the 8 whose only transaction is $0.00 (no purchase by our rules)', () => {
    expect(refIds.size).toBe(2357);
    const missing = [...refIds].filter((id) => !ours.has(id));
    expect(missing).toHaveLength(8);
    const zeroOnly = new Set(tx.filter((t) => t.amount === 0).map((t) => Number(t.customerId)));
    for (const id of missing) {
      expect(zeroOnly.has(id)).toBe(true);
      expect(tx.filter((t) => Number(t.customerId) === id).every((t) => t.amount === 0)).toBe(true);
    }
    expect(ours.size).toBe(2349);
  });

  it('matches x, t_x, T (to 0.01 week) and mean repeat spend (to 0.01) for every other customer', () => {
    let checked = 0;
    for (const [id, x, tx_, T, zbar] of reference) {
      const s = ours.get(id!);
      if (!s) continue;
      expect(s.x, `customer ${id} x`).toBe(x);
      expect(Math.abs(s.tx - tx_!), `customer ${id} t_x`).toBeLessThanOrEqual(0.0051);
      expect(Math.abs(s.T - T!), `customer ${id} T`).toBeLessThanOrEqual(0.0051);
      expect(Math.abs(s.meanRepeatSpend - zbar!), `customer ${id} zbar`).toBeLessThanOrEqual(0.0051);
      checked++;
    }
    expect(checked).toBe(2349);
  });
});
