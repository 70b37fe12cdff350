import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../lib/scoring/bgnbd';
import { fitBgFixedDropout } from '../../../lib/scoring/bgnbd-boundary';
import { fitModels } from '../../../lib/scoring/fit';
import { fitLogistic, sigmoid } from '../../../lib/scoring/logistic';
import { customerStats, type CustomerStats } from '../../../lib/scoring/stats';
import { parameterSpread } from '../../../lib/scoring/uncertainty';
import { customerValue, type ValueModel } from '../../../lib/scoring/value';
import { DEFAULT_SCORING } from '../../../lib/schemas/settings';
import { dayOf } from '../../../lib/clock';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const normal = (r: () => number): number => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

describe('regularised logistic regression', () => {
  it('recovers known coefficients from simulated outcomes', () => {
    const r = rng(1);
    const n = 20_000;
    const p = 3;
    const x = new Float64Array(n * p);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) x[i * p + j] = normal(r);
      const z = -0.5 + 1.2 * x[i * p]! - 0.8 * x[i * p + 1]! + 0 * x[i * p + 2]!;
      y[i] = r() < sigmoid(z) ? 1 : 0;
    }
    const fit = fitLogistic({ x, n, p, y }, { lambda: 1 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(-0.5, 1);
    expect(fit.coef[0]).toBeCloseTo(1.2, 1);
    expect(fit.coef[1]).toBeCloseTo(-0.8, 1);
    expect(Math.abs(fit.coef[2]!)).toBeLessThan(0.05);
    // standard errors of the right size (~1/√n scale)
    expect(Math.sqrt(fit.covariance[1 * 4 + 1]!)).toBeLessThan(0.05);
  });

  it('returns the base rate when the features carry nothing, and stays finite on separable data', () => {
    const n = 1000;
    const x = Float64Array.from({ length: n }, (_, i) => (i % 2 ? 1 : -1));
    const noise = fitLogistic({ x, n, p: 1, y: Uint8Array.from({ length: n }, (_, i) => (i % 4 < 2 ? 1 : 0)) });
    expect(sigmoid(noise.intercept)).toBeCloseTo(0.5, 1);
    const separable = fitLogistic({ x, n, p: 1, y: Uint8Array.from({ length: n }, (_, i) => (i % 2 ? 1 : 0)) }, { lambda: 1 });
    expect(Number.isFinite(separable.coef[0]!)).toBe(true);
    expect(separable.coef[0]!).toBeGreaterThan(2);
  });
});

describe('fits that do not converge are not used', () => {
  it('fits BG/NBD’s fixed-dropout limit when the book has no spread in dropout', () => {
    // everyone buys at a Gamma-mixed rate and drops out after each purchase with the same 10 %
    const r = rng(2);
    const rows = Array.from({ length: 4000 }, () => {
      const lambda = (-Math.log(1 - r()) * 0.8) / 30; // Gamma(1, 30/0.8)-ish rate per day
      let t = 0;
      let x = 0;
      let tx = 0;
      const T = 400;
      for (;;) {
        t += -Math.log(1 - r()) / lambda;
        if (t > T) break;
        x++;
        tx = t;
        if (r() < 0.1) break;
      }
      return { x, tx, T };
    });
    const boundary = fitBgFixedDropout(rows);
    expect(boundary.converged).toBe(true);
    expect(boundary.a / (boundary.a + boundary.b)).toBeCloseTo(0.1, 1);
    const full = fitBgNbd(rows);
    // the full model climbs the ridge: its likelihood is no better than the limit's
    expect(boundary.logLikelihood).toBeGreaterThanOrEqual(full.logLikelihood - 1e-3 * Math.abs(full.logLikelihood));
  });

  it('drops a Gamma-Gamma fit that one huge spender pulls onto the p → ∞ ridge', () => {
    const stats = (x: number, mean: number): CustomerStats => ({
      x,
      tx: x * 30,
      T: x * 30 + 10,
      meanRepeatSpend: mean,
      firstAmount: mean,
      purchaseDays: x + 1,
      netSpend: mean * (x + 1),
      grossSpend: mean * (x + 1),
      yearSpend: mean,
      recencyDays: 10,
      recentPurchaseDays: 1,
      previousPurchaseDays: 1,
      recentSpend: mean,
      previousSpend: mean,
    });
    const book = [...Array.from({ length: 60 }, (_, i) => stats(1 + (i % 3), 50)), stats(2, 5_000_000)];
    // the fit runs up the ridge: p → ∞ with γ → 0
    const fits = fitModels(book);
    expect(fits.report.gammaGamma).not.toBe('converged');
    expect(fits.gammaGamma).toBeNull();
  });
});

describe('uncertainty', () => {
  /** A BG/NBD world: Gamma-mixed purchase rates, Beta-mixed dropout after each purchase, customer-level spend. */
  const book = (n: number, seed: number): CustomerStats[] => {
    const r = rng(seed);
    const asOf = dayOf('2026-06-30');
    const exp = (): number => -Math.log(1 - r());
    return Array.from({ length: n }, (_, i) => {
      const lambda = (exp() + exp()) / 60; // Gamma(2), a purchase every ~30 days
      const dropout = 1 - Math.pow(r(), 1 / 4); // Beta(1, 4)
      const spend = 40 + 300 * exp() * 0.3;
      const start = asOf - 200 - Math.floor(r() * 500);
      const transactions = [{ id: `${i}-0`, customerId: `${i}`, date: new Date(start * 86_400_000).toISOString().slice(0, 10), amount: spend }];
      for (let t = start, k = 1; ; k++) {
        t += Math.ceil(exp() / lambda);
        if (t > asOf) break;
        transactions.push({ id: `${i}-${k}`, customerId: `${i}`, date: new Date(t * 86_400_000).toISOString().slice(0, 10), amount: spend * (0.5 + r()) });
        if (r() < dropout) break;
      }
      return customerStats(transactions, asOf);
    });
  };
  const modelOf = (stats: CustomerStats[]): ValueModel => {
    const fits = fitModels(stats);
    return { bgnbd: fits.bgnbd, gammaGamma: fits.gammaGamma, typicalGapDays: 90, meanSpend: 100, paramSpread: 0 };
  };

  it('the fit’s parameter uncertainty shrinks as the book grows', () => {
    const small = book(300, 3);
    const large = book(6000, 3);
    const s = parameterSpread(small, modelOf(small), DEFAULT_SCORING, 90);
    const l = parameterSpread(large, modelOf(large), DEFAULT_SCORING, 90);
    expect(s).toBeGreaterThan(0);
    expect(l).toBeLessThan(s);
  });

  it('a one-purchase customer gets a wider CLV range than a long-standing one, and refunds lower CLV', () => {
    const stats = book(3000, 4);
    const model = modelOf(stats);
    const one = stats.find((s) => s.x === 0)!;
    const many = stats.reduce((a, b) => (b.x > a.x ? b : a));
    const v1 = customerValue(one, model, DEFAULT_SCORING, 90);
    const vm = customerValue(many, model, DEFAULT_SCORING, 90);
    expect(Math.log(v1.clvHigh / v1.clvLow)).toBeGreaterThan(Math.log(vm.clvHigh / vm.clvLow));
    const refunded = customerValue({ ...many, netSpend: many.grossSpend / 2 }, model, DEFAULT_SCORING, 90);
    expect(refunded.clv).toBeCloseTo(vm.clv / 2, 6);
    expect(customerValue({ ...many, netSpend: -10 }, model, DEFAULT_SCORING, 90).clv).toBe(0);
  });
});
