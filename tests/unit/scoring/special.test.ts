import { describe, expect, it } from 'vitest';
import { hyp2f1, hyp2f1Series } from '../../../lib/scoring/hyp2f1';
import { betaln, digamma, gammaSign, lgamma, logAddExp, logSumExp } from '../../../lib/scoring/special';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

describe('special functions', () => {
  it.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [-0.5, Math.log(2 * Math.sqrt(Math.PI))],
  ])('lgamma(%f)', (x, v) => expect(lgamma(x)).toBeCloseTo(v, 12));

  it('betaln and digamma', () => {
    expect(betaln(2, 3)).toBeCloseTo(Math.log(1 / 12), 12);
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 12);
    expect(digamma(11) - digamma(10)).toBeCloseTo(1 / 10, 12);
  });

  it.each([
    [3.2, 1],
    [-0.5, -1],
    [-1.5, 1],
    [-2.5, -1],
    [-3.5, 1],
  ])('gammaSign(%f) = %i', (x, s) => expect(gammaSign(x)).toBe(s));
  it('gammaSign is NaN at the poles', () => {
    expect(gammaSign(0)).toBeNaN();
    expect(gammaSign(-3)).toBeNaN();
  });

  it('log-sum-exp does not overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 10);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logAddExp(3, -Infinity)).toBe(3);
    expect(logSumExp([800, 800, 800])).toBeCloseTo(800 + Math.log(3), 10);
    expect(logSumExp([])).toBe(-Infinity);
    expect(logSumExp([0, Math.log(2)])).toBeCloseTo(Math.log(3), 12);
  });
});

describe('hyp2f1 against closed forms', () => {
  const zs = [-5, -0.9, -0.3, 0.1, 0.5, 0.85, 0.9, 0.91, 0.95, 0.99, 0.999, 0.99999];
  it.each(zs)('₂F₁(1, 1; 2; z) = −ln(1−z)/z at z = %f (c − a − b integer near 1)', (z) => {
    expect(rel(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z)).toBeLessThan(1e-8);
  });
  it.each(zs)('₂F₁(a, b; b; z) = (1−z)^−a at z = %f', (z) => {
    expect(rel(hyp2f1(0.7, 2.3, 2.3, z), Math.pow(1 - z, -0.7))).toBeLessThan(1e-10);
  });
  it.each(zs.filter((z) => z >= 0))('₂F₁(½, ½; 3/2; z²) = asin(z)/z at z = %f', (z) => {
    expect(rel(hyp2f1(0.5, 0.5, 1.5, z * z), z === 0 ? 1 : Math.asin(z) / z)).toBeLessThan(1e-9);
  });
  it.each(zs)('₂F₁(2, b; 2; z) = (1−z)^−b with c − a − b = −b non-integer, at z = %f', (z) => {
    expect(rel(hyp2f1(2, 1.37, 2, z), Math.pow(1 - z, -1.37))).toBeLessThan(1e-9);
  });
  it('terminating polynomials are exact at any z < 1', () => {
    // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
    const f = (z: number): number => 1 - (2 * 3.5 * z) / 1.5 + (3.5 * 4.5 * z * z) / (1.5 * 2.5);
    for (const z of [0.3, 0.95, -4]) expect(rel(hyp2f1(-2, 3.5, 1.5, z), f(z))).toBeLessThan(1e-12);
  });
  it('Gauss’s theorem at z = 1 and the series near it agree', () => {
    const a = 0.3;
    const b = 0.6;
    const c = 2.1;
    const gauss = Math.exp(lgamma(c) + lgamma(c - a - b) - lgamma(c - a) - lgamma(c - b));
    expect(hyp2f1(a, b, c, 1)).toBeCloseTo(gauss, 12);
    expect(rel(hyp2f1(a, b, c, 1 - 1e-9), gauss)).toBeLessThan(1e-6);
    expect(hyp2f1(1, 1, 1.5, 1)).toBe(Infinity);
  });
  it('the 1 − z transformation agrees with the plain series just above the switch-over', () => {
    for (const [a, b, c] of [
      [0.45, -0.2, 3.4],
      [2.2, 0.793 - 1, 28.2],
      [1.3, 0.7, 1.1],
    ] as const) {
      expect(rel(hyp2f1(a, b, c, 0.93), hyp2f1Series(a, b, c, 0.93))).toBeLessThan(1e-10);
    }
  });
  it('returns NaN outside its domain', () => {
    expect(hyp2f1(1, 1, 2, 1.5)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
    expect(hyp2f1(Number.NaN, 1, 2, 0.5)).toBeNaN();
  });
  it('is 1 at z = 0 or when a or b is 0', () => {
    expect(hyp2f1(3, 4, 5, 0)).toBe(1);
    expect(hyp2f1(0, 4, 5, 0.99)).toBe(1);
  });
});
