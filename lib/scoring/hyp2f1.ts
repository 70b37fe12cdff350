/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z < 1
 * (BG/NBD needs z = t / (α + T + t) ∈ [0, 1)).
 *
 * - 0 ≤ z ≤ 0.9: the defining power series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, which converges for |z| < 1
 *   (Abramowitz & Stegun 15.1.1); summed until the terms are decreasing and below 1e-16 of the sum.
 * - 0.9 < z < 1: the series converges slowly (terms ~ zⁿ n^{a+b−c−1}), so use the linear
 *   transformation z → 1 − z (A&S 15.3.6), whose two series in 1 − z ≤ 0.1 converge fast.
 *   15.3.6 is singular when c − a − b is an integer; there we evaluate at c shifted 1e-5 either
 *   side of the singular value and interpolate linearly (relative error ~1e-10).
 * - z < 0: Pfaff transformation (A&S 15.3.4) to z/(z − 1) ∈ (0, 1).
 * - z = 1: Gauss's theorem when c − a − b > 0, +∞ otherwise.
 * Returns NaN outside the domain (z > 1, c a non-positive integer) or if a series fails to converge.
 */
import { gammaSign, lgamma } from './special';

const EPS = 1e-16;
const MAX_TERMS = 200_000;
const DIRECT_MAX_Z = 0.9;
const NEAR_INTEGER = 1e-5;

const isNonPositiveInteger = (v: number): boolean => v <= 0 && Number.isInteger(v);

/** The power series; assumes |z| < 1. */
export function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  if (z === 0 || a === 0 || b === 0) return 1;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    term *= ratio;
    sum += term;
    if (term === 0) return sum; // a or b a non-positive integer: the polynomial ended
    // Stop once terms shrink geometrically from here on (|ratio| < 1 and n past the peak).
    if (Math.abs(term) <= EPS * Math.abs(sum) && Math.abs(ratio) < 1 && n + 1 > Math.abs(a) + Math.abs(b)) return sum;
    if (!Number.isFinite(sum)) return Number.NaN;
  }
  return Number.NaN;
}

/**
 * Γ(n₁)Γ(n₂)/(Γ(d₁)Γ(d₂)) · e^{logScale} with signs, formed in log space so that large Gamma
 * values and a tiny scale do not overflow separately; 0 when a denominator argument is a pole.
 */
function gammaRatio(n1: number, n2: number, d1: number, d2: number, logScale = 0): number {
  if (isNonPositiveInteger(d1) || isNonPositiveInteger(d2)) return 0;
  const sign = gammaSign(n1) * gammaSign(n2) * gammaSign(d1) * gammaSign(d2);
  return sign * Math.exp(lgamma(n1) + lgamma(n2) - lgamma(d1) - lgamma(d2) + logScale);
}

/** A&S 15.3.6; requires c − a − b not an integer. */
function oneMinusZ(a: number, b: number, c: number, z: number): number {
  const s = c - a - b;
  const w = 1 - z;
  const first = gammaRatio(c, s, c - a, c - b);
  const second = gammaRatio(c, -s, a, b, s * Math.log(w)); // includes (1 − z)^s
  let v = 0;
  if (first !== 0) v += first * hyp2f1Series(a, b, 1 - s, w);
  if (second !== 0) v += second * hyp2f1Series(c - a, c - b, 1 + s, w);
  return v;
}

export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(z))) return Number.NaN;
  if (z === 0 || a === 0 || b === 0) return 1;
  if (isNonPositiveInteger(c)) return Number.NaN;
  if (z > 1) return Number.NaN;
  if (z < 0) {
    // Pfaff: ₂F₁(a,b;c;z) = (1 − z)^{−a} ₂F₁(a, c − b; c; z/(z − 1)).
    return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  }
  if (z === 1) {
    const s = c - a - b;
    return s > 0 ? gammaRatio(c, s, c - a, c - b) : Number.POSITIVE_INFINITY;
  }
  // A terminating series (a or b a non-positive integer) is exact at any z.
  if (z <= DIRECT_MAX_Z || isNonPositiveInteger(a) || isNonPositiveInteger(b)) return hyp2f1Series(a, b, c, z);
  const s = c - a - b;
  const k = Math.round(s);
  if (Math.abs(s - k) >= NEAR_INTEGER) return oneMinusZ(a, b, c, z);
  const c1 = a + b + k - NEAR_INTEGER;
  const c2 = a + b + k + NEAR_INTEGER;
  const f1 = oneMinusZ(a, b, c1, z);
  const f2 = oneMinusZ(a, b, c2, z);
  return f1 + ((f2 - f1) * (c - c1)) / (c2 - c1);
}
