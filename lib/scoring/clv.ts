/**
 * Discounted customer lifetime value over a horizon, as lifetimes' `customer_lifetime_value`:
 * for each month m = 1…H, the expected purchases in that month (BG/NBD, conditional on the
 * customer's history) × the expected spend per purchase (Gamma-Gamma), discounted by
 * (1 + monthly rate)^m, where the monthly rate is the annual rate's 12th root.
 * A month is 365.25 / 12 days (in weeks: that / 7).
 */
import { expectedPurchasesDenominator, expectedPurchasesNumerator, type BgNbdParams } from './bgnbd';
import { expectedSpend, type GammaGammaParams } from './gamma-gamma';
import { UNIT_DAYS, type TimeUnit } from './summary';

const DAYS_PER_MONTH = 365.25 / 12;

export interface ClvOptions {
  horizonMonths: number;
  annualDiscountRate: number;
  unit: TimeUnit;
}

export function discountedClv(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  c: { x: number; tx: number; T: number; meanRepeatSpend: number },
  opts: ClvOptions,
): number {
  const months = Math.max(0, Math.floor(opts.horizonMonths));
  if (months === 0) return 0;
  const spend = expectedSpend(gg, c.x, c.meanRepeatSpend);
  const monthLength = DAYS_PER_MONTH / UNIT_DAYS[opts.unit];
  const monthlyFactor = Math.pow(1 + opts.annualDiscountRate, 1 / 12);
  let previous = 0;
  let discount = 1;
  let clv = 0;
  for (let m = 1; m <= months; m++) {
    // cumulative E[Y(m months)] up to the common 1/P(alive)-type denominator, applied once below
    const cumulative = expectedPurchasesNumerator(bg, m * monthLength, c.x, c.T);
    discount /= monthlyFactor;
    clv += (cumulative - previous) * discount;
    previous = cumulative;
  }
  return (spend * clv) / expectedPurchasesDenominator(bg, c.x, c.tx, c.T);
}
