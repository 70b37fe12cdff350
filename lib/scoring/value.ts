/**
 * A customer's modelled value as of a day: P(alive), expected purchases, the probability of no
 * purchase within the risk horizon, discounted CLV with an 80 % interval, and the pyramid's value.
 *
 * - Purchases: BG/NBD when the book's fit is usable (three exact forms: the NBD limit when nobody
 *   drops out, a closed form when dropout has no spread, the ₂F₁ series otherwise); else a
 *   recency-vs-gap heuristic.
 * - Spend per purchase: Gamma-Gamma when usable; else the customer's own mean purchase shrunk to
 *   the book's mean (two purchases' worth of prior weight).
 * - The interval combines the customer's posterior spread of purchase rate (Gamma(r + x, α + T))
 *   and of spend (Gamma-Gamma's ν posterior) with the fit's own parameter uncertainty
 *   (`paramSpread`, from the fit's covariance): thin histories get wide ranges.
 * - CLV is net of refunds: the spend per purchase is scaled by the customer's net / gross spend.
 * - Pyramid value: half the CLV plus half the last 12 months' net spend (a big account that went
 *   quiet is not demoted at once; one large B2B order counts); the spend proxy when the models
 *   are not usable; at or below leadMaxValue (refunds ≥ purchases, never bought) it is Lead.
 * See docs/scoring.md.
 */
import gammaincinv from '@stdlib/math-base-special-gammaincinv';
import type { ScoringSettings } from '../schemas/settings';
import { expectedPurchasesDenominator, expectedPurchasesNumerator, pAlive as bgPAlive, type BgNbdFit, type BgNbdParams } from './bgnbd';
import { discountedClv } from './clv';
import { expectedSpend, type GammaGammaFit } from './gamma-gamma';
import { YEAR_DAYS, type CustomerStats } from './stats';

const DAYS_PER_MONTH = 365.25 / 12;
/** The interval's two-sided coverage: 10th to 90th percentile. */
const LOWER = 0.1;
const UPPER = 0.9;
/** Prior weight (in purchases) of the book's mean spend when there is no spend model. */
const SPEND_PRIOR_WEIGHT = 2;

export type ValueSettings = Pick<ScoringSettings, 'clvHorizonMonths' | 'annualDiscountRate' | 'tierThresholds'>;

/** What valuing one customer needs from the book (stored in the book model). */
export interface ValueModel {
  bgnbd: BgNbdFit | null;
  gammaGamma: GammaGammaFit | null;
  /** Median days between purchase days of repeat buyers. */
  typicalGapDays: number;
  /** Mean value of a purchase day across the book (spend prior without a spend model). */
  meanSpend: number;
  /** Log-scale spread of CLV from the fits' parameter uncertainty (0 when unknown). */
  paramSpread: number;
}

export interface CustomerValue {
  clv: number;
  clvLow: number;
  clvHigh: number;
  /** Pyramid value. */
  value: number;
  /** null when the customer never bought. */
  pAlive: number | null;
  /** Expected purchase days within the CLV horizon. */
  expectedPurchases: number;
  /** Expected purchase days within the risk horizon. */
  expectedInHorizon: number;
  /** Probability of no purchase within the risk horizon, from the purchase model alone. */
  pNoPurchase: number;
}

/** Mean dropout probability per purchase below this: treat the fit as the NBD (no dropout). */
const NEGLIGIBLE_DROPOUT = 1e-6;
export const negligibleDropout = (bg: BgNbdParams): boolean => bg.a / (bg.a + bg.b) < NEGLIGIBLE_DROPOUT;

/** a + b at or above which Beta(a, b) is treated as its mean (dropout without spread). */
export const CONCENTRATED_AB = 100;
export const concentratedDropout = (bg: BgNbdParams): boolean => bg.a + bg.b >= CONCENTRATED_AB;

/**
 * E[Y(t) | alive, x, T] when each purchase ends the relationship with a fixed probability p
 * (= the posterior mean a / (a + b + x)) and the purchase rate is Gamma(r + x, α + T):
 * Y = min(N(t), G) with G geometric, so E[Y] = (1 − ((α+T) / (α+T+pt))^{r+x}) / p;
 * → (r + x) t / (α + T) as p → 0.
 */
export function expectedIfAlive(bg: BgNbdParams, x: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  const p = bg.a / (bg.a + bg.b + x);
  const base = bg.alpha + T;
  if (p < 1e-12) return ((bg.r + x) * t) / base;
  return -Math.expm1(-(bg.r + x) * Math.log1p((p * t) / base)) / p;
}

type HorizonSettings = Pick<ScoringSettings, 'clvHorizonMonths' | 'annualDiscountRate'>;

/** Σ over the horizon's months of discount × E[purchases in that month | alive], closed form above. */
function discountedIfAlive(bg: BgNbdParams, x: number, T: number, settings: HorizonSettings): number {
  const f = Math.pow(1 + settings.annualDiscountRate, 1 / 12);
  let sum = 0;
  let previous = 0;
  for (let m = 1, d = 1 / f; m <= settings.clvHorizonMonths; m++, d /= f) {
    const cumulative = expectedIfAlive(bg, x, T, m * DAYS_PER_MONTH);
    sum += (cumulative - previous) * d;
    previous = cumulative;
  }
  return sum;
}

/** Σ over the horizon's months of month length × discount factor (days): a constant rate's discounted exposure. */
function discountedDays(settings: HorizonSettings): number {
  const f = Math.pow(1 + settings.annualDiscountRate, 1 / 12);
  let sum = 0;
  for (let m = 1, d = 1 / f; m <= settings.clvHorizonMonths; m++, d /= f) sum += DAYS_PER_MONTH * d;
  return sum;
}

/** Per-book memo of the (x, T)-only parts of the ₂F₁ forms: [discounted, CLV horizon, risk horizon]. */
export type ClvCache = Map<number, [number, number, number]>;

const spreadMemo = new Map<number, [number, number]>();
/** Relative 10 % / 90 % quantiles of a Gamma(shape) variable over its mean, as log offsets (memoised: shapes repeat by x). */
function gammaLogSpread(shape: number): [number, number] {
  if (!(shape > 0) || !Number.isFinite(shape) || shape > 1e4) return [0, 0];
  let hit = spreadMemo.get(shape);
  if (!hit) {
    hit = [Math.log(Math.max(1e-12, gammaincinv(LOWER, shape)) / shape), Math.log(gammaincinv(UPPER, shape) / shape)];
    if (spreadMemo.size < 100_000) spreadMemo.set(shape, hit);
  }
  return hit;
}

/** Expected spend per purchase day, and the shape of its posterior (for the interval). */
function spendOf(s: CustomerStats, model: ValueModel): { spend: number; shape: number } {
  const gg = model.gammaGamma;
  if (gg) {
    // One-time buyers: their first order is the only evidence of their spend (shrunk to the book's).
    const x = s.x > 0 ? s.x : 1;
    const mean = s.x > 0 ? s.meanRepeatSpend : s.firstAmount;
    return { spend: expectedSpend(gg, x, mean), shape: gg.p * x + gg.q };
  }
  const own = s.purchaseDays > 0 ? (s.meanRepeatSpend * s.x + s.firstAmount) / s.purchaseDays : 0;
  const n = s.purchaseDays;
  return { spend: (n * own + SPEND_PRIOR_WEIGHT * model.meanSpend) / (n + SPEND_PRIOR_WEIGHT), shape: n + SPEND_PRIOR_WEIGHT };
}

export function customerValue(s: CustomerStats, model: ValueModel, settings: ValueSettings, horizonDays: number, cache?: ClvCache): CustomerValue {
  if (s.purchaseDays === 0) {
    const value = Math.min(s.netSpend, 0);
    return { clv: 0, clvLow: 0, clvHigh: 0, value, pAlive: null, expectedPurchases: 0, expectedInHorizon: 0, pNoPurchase: 1 };
  }
  const clvDays = settings.clvHorizonMonths * DAYS_PER_MONTH;
  const { spend, shape: spendShape } = spendOf(s, model);
  let purchases: number;
  let pAlive: number;
  let expected: number;
  let inHorizon: number;
  let pNoPurchase: number;
  let rateShape: number;
  const bg = model.bgnbd;
  if (bg) {
    rateShape = bg.r + s.x;
    // P(no purchase in H | alive) integrates e^{−λH} over λ's posterior Gamma(r + x, α + T)
    const quietIfAlive = Math.exp(-(bg.r + s.x) * Math.log1p(horizonDays / (bg.alpha + s.T)));
    if (negligibleDropout(bg)) {
      // The NBD limit: always alive, rate (r + x) / (α + T); exact, where ₂F₁ would need ~b terms.
      const rate = (bg.r + s.x) / (bg.alpha + s.T);
      purchases = rate * discountedDays(settings);
      pAlive = 1;
      expected = rate * clvDays;
      inHorizon = rate * horizonDays;
    } else if (concentratedDropout(bg)) {
      pAlive = bgPAlive(bg, s.x, s.tx, s.T);
      purchases = pAlive * discountedIfAlive(bg, s.x, s.T, settings);
      expected = pAlive * expectedIfAlive(bg, s.x, s.T, clvDays);
      inHorizon = pAlive * expectedIfAlive(bg, s.x, s.T, horizonDays);
    } else {
      const key = s.x * 1e7 + s.T;
      let parts = cache?.get(key);
      if (parts === undefined) {
        // discountedClv with t_x = T divides by that row's denominator: multiply it back
        const unit = { p: 1, q: 2, gamma: 1 };
        const opts = { horizonMonths: settings.clvHorizonMonths, annualDiscountRate: settings.annualDiscountRate, unit: 'day' as const };
        parts = [
          discountedClv(bg, unit, { x: s.x, tx: s.T, T: s.T, meanRepeatSpend: 1 }, opts) * expectedPurchasesDenominator(bg, s.x, s.T, s.T),
          expectedPurchasesNumerator(bg, clvDays, s.x, s.T),
          expectedPurchasesNumerator(bg, horizonDays, s.x, s.T),
        ];
        cache?.set(key, parts);
      }
      const denominator = expectedPurchasesDenominator(bg, s.x, s.tx, s.T);
      purchases = Math.max(0, parts[0] / denominator);
      expected = parts[1] / denominator;
      inHorizon = parts[2] / denominator;
      pAlive = bgPAlive(bg, s.x, s.tx, s.T);
    }
    pNoPurchase = 1 - pAlive + pAlive * quietIfAlive;
  } else {
    const gap = s.x > 0 ? Math.max(1, s.tx / s.x) : 2 * model.typicalGapDays;
    rateShape = s.purchaseDays;
    pAlive = Math.exp(-Math.max(0, s.recencyDays - gap) / gap);
    const perDay = s.purchaseDays / Math.max(YEAR_DAYS, s.T + 1);
    expected = perDay * pAlive * clvDays;
    inHorizon = perDay * pAlive * horizonDays;
    purchases = perDay * pAlive * discountedDays(settings);
    pNoPurchase = 1 - pAlive + pAlive * Math.exp(-horizonDays / gap);
  }
  // net of refunds: a customer who returns a fifth of what they buy is worth a fifth less
  const netShare = s.grossSpend > 0 ? Math.min(1, Math.max(0, s.netSpend / s.grossSpend)) : 0;
  const clv = Math.max(0, purchases * spend * netShare);
  const [rLo, rHi] = gammaLogSpread(rateShape);
  const [sLo, sHi] = gammaLogSpread(spendShape);
  const lo = Math.sqrt(rLo * rLo + sHi * sHi + model.paramSpread ** 2);
  const hi = Math.sqrt(rHi * rHi + sLo * sLo + model.paramSpread ** 2);
  let value: number;
  const t = settings.tierThresholds;
  if (s.netSpend <= t.leadMaxValue) value = Math.min(s.netSpend, t.leadMaxValue);
  else if (model.bgnbd && model.gammaGamma) value = 0.5 * clv + 0.5 * Math.max(0, s.yearSpend);
  else value = Math.max(s.yearSpend, (s.netSpend * YEAR_DAYS) / Math.max(YEAR_DAYS, s.T + 1));
  return {
    clv,
    // spend is the posterior mean of 1/ν: its low end comes with ν's high quantile
    clvLow: clv * Math.exp(-lo),
    clvHigh: clv * Math.exp(hi),
    value,
    pAlive: Math.min(1, Math.max(0, pAlive)),
    expectedPurchases: expected,
    expectedInHorizon: inHorizon,
    pNoPurchase: Math.min(1, Math.max(0, pNoPurchase)),
  };
}
