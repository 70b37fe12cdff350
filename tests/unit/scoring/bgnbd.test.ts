import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bgnbdGradient,
  bgnbdLogLikelihood,
  expectedPurchases,
  expectedPurchasesNew,
  fitBgNbd,
  pAlive,
  probPurchases,
  type BgNbdParams,
} from '../../../lib/scoring/bgnbd';
import { summarize, type Purchase } from '../../../lib/scoring/summary';
import { CDNOW_DIR } from '../../cdnow';

const CDNOW = CDNOW_DIR;
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function readCsv(file: string): string[][] {
  return fs
    .readFileSync(path.join(CDNOW, file), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
}
const transactions = (file: string): Purchase[] =>
  readCsv(file).map(([customerId, date, amount]) => ({ customerId: customerId!, date: date!, amount: Number(amount) }));
/** The reference calibration summary (2,357 customers, weeks). */
const referenceSummary = readCsv('cdnow_customers_summary.csv').map(([, x, tx, T]) => ({ x: Number(x), tx: Number(tx), T: Number(T) }));

const within = (actual: number, expected: number, rel = 0.01): void => {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(rel);
};

describe('BG/NBD on the CDNOW sample (published values)', () => {
  const sample = summarize(transactions('transactions-sample.csv'), { calibrationEnd: '1997-09-30', unit: 'week' });
  const fit = fitBgNbd(sample);
  const refFit = fitBgNbd(referenceSummary);

  it.each([
    ['r', 0.243],
    ['alpha', 4.414],
    ['a', 0.793],
    ['b', 2.426],
  ] as const)('fit from the transactions reproduces %s = %f within 1 %%', (key, value) => {
    expect(fit.converged).toBe(true);
    within(fit[key], value);
  });

  it.each([
    ['r', 0.243],
    ['alpha', 4.414],
    ['a', 0.793],
    ['b', 2.426],
  ] as const)('fit from the reference summary reproduces %s = %f to the published 3 decimals', (key, value) => {
    expect(Math.abs(refFit[key] - value)).toBeLessThan(0.001);
  });

  it('reaches the published log-likelihood −9582.4 on the reference summary and within 1 % from the transactions', () => {
    expect(refFit.logLikelihood).toBeCloseTo(-9582.4, 0);
    // The 8 customers whose only transaction is $0.00 have no purchase under our rules (see summary.test.ts).
    within(fit.logLikelihood, -9582.4);
    expect(bgnbdLogLikelihood(PUBLISHED, referenceSummary)).toBeCloseTo(-9582.4, 0);
  });

  it('stops at a stationary point: analytic gradient ≈ 0 and agrees with central differences', () => {
    const g = bgnbdGradient(refFit, referenceSummary);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    keys.forEach((k, i) => {
      // d LL / d ln θ, total over 2,357 customers
      expect(Math.abs(g[i]! * refFit[k])).toBeLessThan(1e-3);
    });
    // gradient check away from the optimum
    const p = { r: 0.4, alpha: 6, a: 1.3, b: 3.1 };
    const ga = bgnbdGradient(p, referenceSummary);
    keys.forEach((k, i) => {
      const h = 1e-6 * p[k];
      const num = (bgnbdLogLikelihood({ ...p, [k]: p[k] + h }, referenceSummary) - bgnbdLogLikelihood({ ...p, [k]: p[k] - h }, referenceSummary)) / (2 * h);
      expect(Math.abs(ga[i]! - num)).toBeLessThan(1e-4 * Math.max(1, Math.abs(num)));
    });
  });

  it('forecasts the holdout (weeks 40–78) as the README says: 1,653 repeat purchase days vs 1,882 actual', () => {
    let forecast = 0;
    for (const c of sample) forecast += expectedPurchases(fit, 39, c.x, c.tx, c.T);
    within(forecast, 1653);
    const actual = new Set(
      transactions('transactions-sample.csv')
        .filter((t) => t.date > '1997-09-30' && t.amount > 0)
        .map((t) => `${t.customerId}|${t.date}`),
    );
    expect(actual.size).toBe(1882);
  });

  it.each<[string, (p: BgNbdParams) => number, number]>([
    ['E[X(52)] new customer', (p) => expectedPurchasesNew(p, 52), 1.444],
    ['E[Y(52)] x=26 tx=30.86 T=31', (p) => expectedPurchases(p, 52, 26, 30.86, 31), 25.76],
    ['P(alive) x=26 tx=30.86 T=31', (p) => pAlive(p, 26, 30.86, 31), 0.9689],
    ['E[Y(39)] x=2 tx=30.43 T=38.86', (p) => expectedPurchases(p, 39, 2, 30.43, 38.86), 1.226],
    ['P(X(39)=0) new customer', (p) => probPurchases(p, 0, 39), 0.5738],
  ])('%s = %f at the published and at the fitted parameters', (_name, f, expected) => {
    within(f(PUBLISHED), expected, 0.002);
    within(f(refFit), expected);
    within(f(fit), expected);
  });
});

describe('BG/NBD conditional and unconditional quantities', () => {
  const p = PUBLISHED;
  it('P(alive) is 1 without repeat purchases and falls with the time since the last purchase', () => {
    expect(pAlive(p, 0, 0, 30)).toBe(1);
    const recent = pAlive(p, 3, 29, 30);
    const old = pAlive(p, 3, 5, 30);
    expect(recent).toBeGreaterThan(old);
    expect(old).toBeGreaterThan(0);
    expect(recent).toBeLessThanOrEqual(1);
  });

  it('P(X(t) = n) sums to 1 and its mean is E[X(t)]', () => {
    let sum = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const pr = probPurchases(p, n, 39);
      sum += pr;
      mean += n * pr;
    }
    expect(sum).toBeCloseTo(1, 9);
    expect(mean).toBeCloseTo(expectedPurchasesNew(p, 39), 6);
  });

  it('E[Y(t)] is 0 at t = 0, increases with t, and is the new-customer value for x = 0, T = 0', () => {
    expect(expectedPurchases(p, 0, 2, 10, 20)).toBe(0);
    let prev = 0;
    for (const t of [1, 5, 20, 52, 200, 1000]) {
      const v = expectedPurchases(p, t, 2, 10, 20);
      expect(v).toBeGreaterThan(prev);
      prev = v;
    }
    expect(expectedPurchases(p, 52, 0, 0, 0)).toBeCloseTo(expectedPurchasesNew(p, 52), 12);
  });

  it('is continuous across a = 1 (removable singularity) and stays finite when z = t/(α+T+t) is close to 1', () => {
    const near = (a: number): number => expectedPurchases({ ...p, a }, 52, 3, 20, 30);
    expect(near(1)).toBeCloseTo(near(1 + 1e-4), 3);
    expect(near(1)).toBeCloseTo(near(1 - 1e-4), 3);
    // α + T tiny against t: z = 3650 / 3650.6
    const v = expectedPurchases({ r: 0.5, alpha: 0.1, a: 0.7, b: 2.5 }, 3650, 0, 0, 0.5);
    const w = expectedPurchases({ r: 0.5, alpha: 0.1, a: 0.7, b: 2.5 }, 3600, 0, 0, 0.5);
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThan(w);
  });

  it('E[Y(t)] matches a Monte-Carlo-free identity: E[X(t)] = Σ n P(X(t)=n) at other parameters', () => {
    const q = { r: 1.7, alpha: 12, a: 2.2, b: 6.5 };
    let mean = 0;
    for (let n = 0; n < 400; n++) mean += n * probPurchases(q, n, 80);
    expect(expectedPurchasesNew(q, 80)).toBeCloseTo(mean, 6);
  });
});

describe('E[Y(t) | x, t_x, T] against an independent 40-digit evaluation (mpmath hyp2f1 of the untransformed FHL eq. 10)', () => {
  // r, α, a, b, t, x, t_x, T, value — including z = t/(α+T+t) far above the 0.9 switch-over, x in the
  // thousands, and a > 1 / a < 1.
  it.each([
    [0.243, 4.414, 0.793, 2.426, 52, 26, 30.86, 31, 25.758195936483514],
    [0.243, 4.414, 0.793, 2.426, 39, 2, 30.43, 38.86, 1.2260281747671445],
    [0.243, 4.414, 0.793, 2.426, 52, 0, 0, 0, 1.4460505953964038],
    [0.5, 0.1, 0.7, 2.5, 3650, 0, 0, 1, 38.287340666463342],
    [0.5, 0.1, 0.7, 2.5, 365, 200, 350, 365, 9.3046219249373692],
    [0.5, 0.1, 0.7, 2.5, 3650, 3000, 364, 365, 5619.4867238120976],
    [3, 0.01, 5, 0.2, 365, 200, 350, 365, 0.37753954006598944],
    [0.05, 300, 0.05, 50, 3650, 3, 100, 400, 15.683408028942778],
    [1.3, 2.0, 1.7, 3.0, 10000, 5, 8, 10, 6.9560770236768419],
    [0.8, 20, 0.4, 4, 200, 1, 30, 60, 3.0532979815950563],
    [2, 5, 1.5, 8, 129.6, 3, 9, 10, 10.042133800273462],
    // a − 1 ≥ r + x (the untransformed form) and a, b at the 1e4 edge of the fit's box
    [3, 0.01, 5, 0.2, 52, 0, 0, 0, 1.0499999999895007],
    [0.5, 20, 5000, 20000, 365, 3, 100, 300, 0.29339163497433008],
    [0.36, 24.5, 1014.2, 9999.99, 365, 2, 100, 300, 1.1425133668679388],
    [0.2, 6.5, 1514, 9999.99, 3650, 0, 0, 700, 0.749016486529311425],
  ])('r=%f α=%f a=%f b=%f t=%f x=%i t_x=%f T=%f → %f', (r, alpha, a, b, t, x, tx, T, value) => {
    const v = expectedPurchases({ r, alpha, a, b }, t, x, tx, T);
    expect(Math.abs(v - value) / value).toBeLessThan(1e-8);
  });

  it('is continuous where the ₂F₁ switches from the series to the 1 − z transformation (z = 0.9)', () => {
    const p = { r: 2, alpha: 5, a: 1.5, b: 8 };
    const t09 = 9 * (p.alpha + 10); // z = 0.9 for T = 10
    const below = expectedPurchases(p, t09 * (1 - 1e-9), 3, 9, 10);
    const above = expectedPurchases(p, t09 * (1 + 1e-9), 3, 9, 10);
    expect(Math.abs(above - below) / below).toBeLessThan(1e-8);
  });
});

describe('BG/NBD on the full CDNOW master (23,570 customers)', () => {
  const master = summarize(transactions('transactions-master.csv'), { calibrationEnd: '1997-09-30', unit: 'week' });
  const fit = fitBgNbd(master);

  it('converges to a stationary point', () => {
    expect(master.length).toBeGreaterThan(23_400);
    expect(fit.converged).toBe(true);
    const g = bgnbdGradient(fit, master);
    (['r', 'alpha', 'a', 'b'] as const).forEach((k, i) => expect(Math.abs(g[i]! * fit[k])).toBeLessThan(1e-2));
  });

  it('is a maximum: every ±5 % perturbation of the parameters (16 corners, 8 axis points) has a lower LL', () => {
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    const points: BgNbdParams[] = [];
    for (let mask = 0; mask < 16; mask++) {
      const q = { ...fit } as BgNbdParams;
      keys.forEach((k, i) => (q[k] = fit[k] * (mask & (1 << i) ? 1.05 : 0.95)));
      points.push(q);
    }
    for (const k of keys) for (const f of [0.95, 1.05]) points.push({ ...fit, [k]: fit[k] * f });
    for (const q of points) expect(bgnbdLogLikelihood(q, master)).toBeLessThan(fit.logLikelihood);
  });

  it.each<[string, BgNbdParams]>([
    ['far small', { r: 0.05, alpha: 0.5, a: 0.1, b: 0.2 }],
    ['far large', { r: 5, alpha: 80, a: 8, b: 40 }],
    ['a ≫ b', { r: 1, alpha: 2, a: 10, b: 0.5 }],
    ['published ×2', { r: 0.486, alpha: 8.8, a: 1.6, b: 4.8 }],
    ['published ÷3', { r: 0.081, alpha: 1.47, a: 0.26, b: 0.81 }],
  ])('no start does better: from %s', (_name, start) => {
    const other = fitBgNbd(master, { starts: [start] });
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(other.logLikelihood - 1e-6);
    expect(fit.logLikelihood).toBeGreaterThan(bgnbdLogLikelihood(start, master));
  });
});

describe('BG/NBD on degenerate books (never throws; converged = false, usable parameters)', () => {
  it.each<[string, { x: number; tx: number; T: number }[]]>([
    ['empty', []],
    [
      'all x = 0',
      [
        { x: 0, tx: 0, T: 10 },
        { x: 0, tx: 0, T: 20 },
        { x: 0, tx: 0, T: 5 },
      ],
    ],
    ['a single customer', [{ x: 3, tx: 8, T: 12 }]],
    ['one distinct row repeated', Array.from({ length: 5 }, () => ({ x: 2, tx: 4, T: 9 }))],
    [
      'only invalid rows',
      [
        { x: Number.NaN, tx: 0, T: 1 },
        { x: 1, tx: 5, T: 2 },
      ],
    ],
  ])('%s', (_name, data) => {
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(0);
    for (const v of [fit.r, fit.alpha, fit.a, fit.b]) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThan(0);
    }
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    const e = expectedPurchases(fit, 52, 1, 3, 10);
    expect(Number.isFinite(e)).toBe(true);
    expect(e).toBeGreaterThanOrEqual(0);
    const pa = pAlive(fit, 1, 3, 10);
    expect(pa).toBeGreaterThan(0);
    expect(pa).toBeLessThanOrEqual(1);
  });

  it('a two-customer book fits without throwing and returns finite parameters', () => {
    const fit = fitBgNbd([
      { x: 1, tx: 2, T: 10 },
      { x: 0, tx: 0, T: 8 },
    ]);
    for (const v of [fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood]) expect(Number.isFinite(v)).toBe(true);
  });
});
