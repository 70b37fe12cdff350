/**
 * Special functions used by the customer-base models, in log space where it matters.
 * Thin, typed wrappers over @stdlib (gammaln, betaln, digamma) plus the few helpers the
 * likelihoods need (sign of Γ for the hypergeometric transformations, log-sum-exp).
 */
import stdlibGammaln from '@stdlib/math-base-special-gammaln';
import stdlibBetaln from '@stdlib/math-base-special-betaln';
import stdlibDigamma from '@stdlib/math-base-special-digamma';

/** ln|Γ(x)|. */
export const lgamma: (x: number) => number = stdlibGammaln;
/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export const betaln: (a: number, b: number) => number = stdlibBetaln;
/** ψ(x) = d/dx ln Γ(x). */
export const digamma: (x: number) => number = stdlibDigamma;

/** Sign of Γ(x): +1 for x > 0; alternates on the negative axis; NaN at the poles (0, −1, −2, …). */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  if (Number.isInteger(x)) return Number.NaN;
  // Γ is negative on (−1, 0), positive on (−2, −1), …
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** ln(e^a + e^b) without overflow; either may be −∞. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln Σ e^{v_i}; −∞ for an empty list. */
export function logSumExp(values: readonly number[]): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > m) m = v;
  if (m === Number.NEGATIVE_INFINITY || !Number.isFinite(m)) return m;
  let s = 0;
  for (const v of values) s += Math.exp(v - m);
  return m + Math.log(s);
}
