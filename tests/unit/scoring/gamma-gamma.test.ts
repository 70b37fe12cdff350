import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedSpend, fitGammaGamma, gammaGammaGradient, gammaGammaLogLikelihood, type GammaGammaParams } from '../../../lib/scoring/gamma-gamma';
import { summarize } from '../../../lib/scoring/summary';
import { CDNOW_DIR } from '../../cdnow';

const CDNOW = CDNOW_DIR;
const readCsv = (file: string): string[][] =>
  fs
    .readFileSync(path.join(CDNOW, file), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
const reference = readCsv('cdnow_customers_summary_with_transactions.csv').map(([, x, , , zbar]) => ({ x: Number(x), mean: Number(zbar) }));
const within = (actual: number, expected: number, rel = 0.01): void => {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(rel);
};

describe('Gamma-Gamma on CDNOW (Fader & Hardie 2013 note 025)', () => {
  const fit = fitGammaGamma(reference);

  it.each([
    ['p', 6.25],
    ['q', 3.74],
    ['gamma', 15.44],
  ] as const)('%s = %f within 1 %%', (key, value) => {
    expect(fit.converged).toBe(true);
    within(fit[key], value);
  });

  it('uses only the 946 repeat buyers and stops at a stationary point', () => {
    expect(reference.filter((r) => r.x > 0 && r.mean > 0)).toHaveLength(946);
    const g = gammaGammaGradient(fit, reference);
    (['p', 'q', 'gamma'] as const).forEach((k, i) => expect(Math.abs(g[i]! * fit[k])).toBeLessThan(1e-3));
    const p = { p: 3, q: 2.5, gamma: 9 };
    const ga = gammaGammaGradient(p, reference);
    (['p', 'q', 'gamma'] as const).forEach((k, i) => {
      const h = 1e-6 * p[k];
      const num = (gammaGammaLogLikelihood({ ...p, [k]: p[k] + h }, reference) - gammaGammaLogLikelihood({ ...p, [k]: p[k] - h }, reference)) / (2 * h);
      expect(Math.abs(ga[i]! - num)).toBeLessThan(1e-4 * Math.max(1, Math.abs(num)));
    });
  });

  it.each([
    [0, 24.66],
    [1, 18.91],
    [2, 35.17],
    [3, 35.17],
    [4, 35.17],
    [5, 71.46],
  ])('E[M] of customer #%i = %f (lifetimes docs)', (i, expected) => {
    const r = reference[i]!;
    within(expectedSpend(fit, r.x, r.mean), expected);
  });

  it('the same fit from our own summary of the transactions', () => {
    const tx = readCsv('transactions-sample.csv').map(([customerId, date, amount]) => ({ customerId: customerId!, date: date!, amount: Number(amount) }));
    const ours = fitGammaGamma(summarize(tx, { calibrationEnd: '1997-09-30', unit: 'week' }).map((s) => ({ x: s.x, mean: s.meanRepeatSpend })));
    within(ours.p, 6.25);
    within(ours.q, 3.74);
    within(ours.gamma, 15.44);
  });

  it.each<[string, GammaGammaParams]>([
    ['(1, 1, 1)', { p: 1, q: 1, gamma: 1 }],
    ['the ridge p → ∞, γ → 0', { p: 400, q: 3.7, gamma: 0.25 }],
    ['q < 1', { p: 0.5, q: 0.5, gamma: 50 }],
  ])('the multi-start fit is at least as good as a fit started from %s', (_name, start) => {
    const single = fitGammaGamma(reference, { starts: [start], maxIterations: 60 });
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(single.logLikelihood - 1e-6);
  });

  it('a start on the ridge with a short budget stalls below the optimum; the default starts do not', () => {
    const stalled = fitGammaGamma(reference, { starts: [{ p: 400, q: 3.7, gamma: 0.25 }], maxIterations: 10 });
    expect(stalled.converged).toBe(false);
    expect(stalled.logLikelihood).toBeLessThan(fit.logLikelihood - 1);
  });
});

describe('expectedSpend', () => {
  const g = { p: 6, q: 4, gamma: 15 };
  it.each([
    [0, 0, (6 * 15) / 3],
    [0, 100, (6 * 15) / 3],
    [1, 30, (6 * (15 + 30)) / (6 + 3)],
    [10, 30, (6 * (15 + 300)) / (60 + 3)],
  ])('x = %i, mean = %f', (x, mean, expected) => expect(expectedSpend(g, x, mean)).toBeCloseTo(expected, 10));
  it('moves from the population mean towards the customer mean as x grows', () => {
    const pop = expectedSpend(g, 0, 0);
    const e1 = expectedSpend(g, 1, 100);
    const e50 = expectedSpend(g, 50, 100);
    expect(pop).toBeLessThan(e1);
    expect(e1).toBeLessThan(e50);
    expect(Math.abs(e50 - 100)).toBeLessThan(Math.abs(e1 - 100));
  });
});

describe('Gamma-Gamma on degenerate books (never throws)', () => {
  it.each<[string, { x: number; mean: number }[], number]>([
    ['empty', [], 0],
    [
      'no repeat buyers',
      [
        { x: 0, mean: 0 },
        { x: 0, mean: 0 },
      ],
      0,
    ],
    [
      'one repeat buyer',
      [
        { x: 2, mean: 40 },
        { x: 0, mean: 0 },
      ],
      40,
    ],
    [
      'zero / negative means only',
      [
        { x: 2, mean: 0 },
        { x: 1, mean: -5 },
      ],
      0,
    ],
  ])('%s → converged = false, E[M] of a new customer = mean observed spend (%f)', (_name, data, popMean) => {
    const fit = fitGammaGamma(data);
    expect(fit.converged).toBe(false);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    expect(expectedSpend(fit, 0, 0)).toBeCloseTo(popMean, 10);
  });

  it('identical repeat buyers (no spread) do not throw and give finite spend', () => {
    const fit = fitGammaGamma(Array.from({ length: 20 }, () => ({ x: 3, mean: 25 })));
    expect(Number.isFinite(expectedSpend(fit, 3, 25))).toBe(true);
  });
});
