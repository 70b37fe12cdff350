import { describe, expect, it } from 'vitest';
import { expectedPurchases, type BgNbdParams } from '../../../lib/scoring/bgnbd';
import { discountedClv } from '../../../lib/scoring/clv';
import { expectedSpend } from '../../../lib/scoring/gamma-gamma';

const BG: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const WEEK = { horizonMonths: 12, annualDiscountRate: 0.1, unit: 'week' as const };
const MONTH_WEEKS = 365.25 / 12 / 7;

describe('discountedClv', () => {
  const customers = [
    { name: 'frequent, recent', x: 26, tx: 30.86, T: 31, meanRepeatSpend: 40 },
    { name: 'two repeats', x: 2, tx: 30.43, T: 38.86, meanRepeatSpend: 22.35 },
    { name: 'one-off', x: 0, tx: 0, T: 38.86, meanRepeatSpend: 0 },
  ];

  it.each(customers)('$name: Σ_m E[M] · (E[Y(m)] − E[Y(m−1)]) / 1.1^(m/12)', (c) => {
    let expected = 0;
    for (let m = 1; m <= 12; m++) {
      const inMonth = expectedPurchases(BG, m * MONTH_WEEKS, c.x, c.tx, c.T) - expectedPurchases(BG, (m - 1) * MONTH_WEEKS, c.x, c.tx, c.T);
      expected += (expectedSpend(GG, c.x, c.meanRepeatSpend) * inMonth) / Math.pow(1.1, m / 12);
    }
    expect(discountedClv(BG, GG, c, WEEK)).toBeCloseTo(expected, 9);
  });

  it.each(customers)('$name: without discounting it is E[M] × E[Y(12 months)]', (c) => {
    const clv = discountedClv(BG, GG, c, { ...WEEK, annualDiscountRate: 0 });
    expect(clv).toBeCloseTo(expectedSpend(GG, c.x, c.meanRepeatSpend) * expectedPurchases(BG, 12 * MONTH_WEEKS, c.x, c.tx, c.T), 9);
  });

  it('discounting lowers it, a longer horizon raises it, a zero horizon is 0', () => {
    const c = customers[0]!;
    const base = discountedClv(BG, GG, c, WEEK);
    expect(discountedClv(BG, GG, c, { ...WEEK, annualDiscountRate: 0.3 })).toBeLessThan(base);
    expect(discountedClv(BG, GG, c, { ...WEEK, horizonMonths: 24 })).toBeGreaterThan(base);
    expect(discountedClv(BG, GG, c, { ...WEEK, horizonMonths: 0 })).toBe(0);
    expect(base).toBeGreaterThan(0);
  });

  it('a lapsed customer is worth less than an equally frequent recent one', () => {
    const recent = discountedClv(BG, GG, { x: 5, tx: 35, T: 38, meanRepeatSpend: 30 }, WEEK);
    const lapsed = discountedClv(BG, GG, { x: 5, tx: 8, T: 38, meanRepeatSpend: 30 }, WEEK);
    expect(lapsed).toBeLessThan(recent);
  });

  it('does not depend on the time unit when α is rescaled with it (days = weeks × 7)', () => {
    const c = customers[1]!;
    const weeks = discountedClv(BG, GG, c, WEEK);
    const days = discountedClv({ ...BG, alpha: BG.alpha * 7 }, GG, { ...c, tx: c.tx * 7, T: c.T * 7 }, { ...WEEK, unit: 'day' });
    expect(days).toBeCloseTo(weeks, 8);
  });
});
