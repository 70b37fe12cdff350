/**
 * Parameter recovery: simulate BG/NBD books with a seeded PRNG at known parameters and check
 * that the maximum-likelihood fit finds them again (and Gamma-Gamma likewise).
 */
import { describe, expect, it } from 'vitest';
import { expectedPurchases, fitBgNbd, pAlive, type BgNbdParams } from '../../../lib/scoring/bgnbd';
import { fitGammaGamma, type GammaGammaParams } from '../../../lib/scoring/gamma-gamma';

/** mulberry32: small, seedable, good enough for simulation. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, 1) by Marsaglia & Tsang (shape < 1 boosted by U^{1/shape}). */
function gamma(u: () => number, shape: number): number {
  if (shape < 1) return gamma(u, shape + 1) * Math.pow(u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (Math.log(1 - w) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** `fixedDropout` replaces the Beta(a, b) draw by one dropout probability for everyone. */
function simulateBgNbd(p: BgNbdParams, n: number, seed: number, fixedDropout?: number): { x: number; tx: number; T: number }[] {
  const u = prng(seed);
  const out: { x: number; tx: number; T: number }[] = [];
  for (let i = 0; i < n; i++) {
    const T = 26 + 52 * u(); // ages from half a year to 1.5 years (weeks)
    const lambda = gamma(u, p.r) / p.alpha;
    const g1 = gamma(u, p.a);
    const drop = fixedDropout ?? g1 / (g1 + gamma(u, p.b));
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - u()) / lambda;
      if (t > T) break;
      x++;
      tx = t;
      if (u() < drop) break; // dropout right after a purchase
    }
    out.push({ x, tx, T });
  }
  return out;
}

interface Tolerance {
  r: number;
  alpha: number;
  a: number;
  b: number;
  rate: number;
  dropout: number;
}

describe('BG/NBD parameter recovery on simulated books', () => {
  // Tolerances are ~1.5× the worst error seen over 15 other seeds (100–114) at the same size:
  // r/α (the purchase rate while alive) and a/(a+b) (the mean dropout) are identified sharply;
  // a and b separately much less, and hardly at all when few customers buy twice (B2B-like).
  it.each<[string, BgNbdParams, number, Tolerance]>([
    ['CDNOW-like', { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 1, { r: 0.1, alpha: 0.15, a: 0.5, b: 0.55, rate: 0.15, dropout: 0.03 }],
    ['frequent buyers, slow dropout', { r: 2, alpha: 5, a: 1.5, b: 8 }, 2, { r: 0.1, alpha: 0.1, a: 0.2, b: 0.25, rate: 0.05, dropout: 0.015 }],
    ['B2B-like: rare purchases, low dropout', { r: 0.8, alpha: 20, a: 0.4, b: 4 }, 3, { r: 0.12, alpha: 0.15, a: 2, b: 2, rate: 0.1, dropout: 0.03 }],
  ])('%s, 5,000 customers', (_name, truth, seed, tol) => {
    const data = simulateBgNbd(truth, 5000, seed);
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(true);
    const relErr = (k: keyof BgNbdParams): number => Math.abs(fit[k] - truth[k]) / truth[k];
    expect(relErr('r')).toBeLessThan(tol.r);
    expect(relErr('alpha')).toBeLessThan(tol.alpha);
    expect(relErr('a')).toBeLessThan(tol.a);
    expect(relErr('b')).toBeLessThan(tol.b);
    expect(Math.abs(fit.r / fit.alpha - truth.r / truth.alpha) / (truth.r / truth.alpha)).toBeLessThan(tol.rate);
    expect(Math.abs(fit.a / (fit.a + fit.b) - truth.a / (truth.a + truth.b))).toBeLessThan(tol.dropout);
  });
});

describe('BG/NBD when the dropout is the same for everyone (a, b → ∞ ridge)', () => {
  it('stops at the edge of the parameter box, says so, and still gives usable numbers', () => {
    const data = simulateBgNbd({ r: 1, alpha: 10, a: 1, b: 1 }, 3000, 21, 0.2);
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(false);
    expect(Math.max(fit.a, fit.b)).toBeGreaterThan(1000);
    expect(Math.abs(fit.a / (fit.a + fit.b) - 0.2)).toBeLessThan(0.03);
    expect(Math.abs(fit.r / fit.alpha - 0.1) / 0.1).toBeLessThan(0.15);
    const e = expectedPurchases(fit, 52, 3, 20, 40);
    expect(Number.isFinite(e)).toBe(true);
    expect(e).toBeGreaterThan(0);
    const alive = pAlive(fit, 3, 20, 40);
    expect(alive).toBeGreaterThan(0);
    expect(alive).toBeLessThan(1);
  });
});

describe('BG/NBD when nobody drops out (a → 0 or b → ∞)', () => {
  it('reports converged = false although the log-space gradient vanishes in that limit', () => {
    const data = simulateBgNbd({ r: 1, alpha: 10, a: 1, b: 1 }, 3000, 22, 0);
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(false);
    expect(fit.a / (fit.a + fit.b)).toBeLessThan(0.01);
    expect(Math.abs(fit.r / fit.alpha - 0.1) / 0.1).toBeLessThan(0.1);
    expect(pAlive(fit, 3, 5, 40)).toBeGreaterThan(0.9);
  });
});

describe('Gamma-Gamma parameter recovery', () => {
  it.each<[string, GammaGammaParams, number]>([
    ['CDNOW-like', { p: 6, q: 4, gamma: 15 }, 11],
    ['B2B-like: large, variable orders', { p: 2, q: 6, gamma: 5000 }, 12],
  ])('%s, 3,000 repeat buyers', (_name, truth, seed) => {
    const u = prng(seed);
    const data: { x: number; mean: number }[] = [];
    for (let i = 0; i < 3000; i++) {
      const x = 1 + Math.floor(-Math.log(1 - u()) * 3);
      const nu = gamma(u, truth.q) / truth.gamma;
      let sum = 0;
      for (let k = 0; k < x; k++) sum += gamma(u, truth.p) / nu;
      data.push({ x, mean: sum / x });
    }
    const fit = fitGammaGamma(data);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.p - truth.p) / truth.p).toBeLessThan(0.15);
    expect(Math.abs(fit.q - truth.q) / truth.q).toBeLessThan(0.25);
    // population mean spend pγ/(q−1)
    const mean = (g: GammaGammaParams): number => (g.p * g.gamma) / (g.q - 1);
    expect(Math.abs(mean(fit) - mean(truth)) / mean(truth)).toBeLessThan(0.1);
  });
});
