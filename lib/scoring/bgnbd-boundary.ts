/**
 * BG/NBD's boundary model, for books whose likelihood climbs to a → ∞, b → ∞ with a / (a + b)
 * fixed: every customer drops out after a purchase with the same probability p (no spread), the
 * purchase rate still Gamma(r, α) across customers. The full model cannot converge there (its
 * maximum is at infinity); this 3-parameter model is that limit, fitted properly.
 *
 *   L = Γ(r+x) αʳ / Γ(r) · [ (1−p)ˣ (α+T)^−(r+x) + [x>0] p (1−p)^(x−1) (α+tₓ)^−(r+x) ]
 *
 * The fit is returned as BG/NBD parameters with a + b = CONCENTRATION (a point mass at p for every
 * practical purpose), which the CLV and P(alive) code evaluates in closed form (see value.ts).
 * p → 0 is the NBD (nobody drops out). See docs/scoring.md.
 */
import type { BgNbdFit, BgNbdRow } from './bgnbd';
import { minimizeBfgs } from './optimize';
import { digamma, lgamma } from './special';

/** a + b of the returned parameters: Beta(a, b) with a + b = 1e7 is a point mass to ~1e-4 relative. */
export const CONCENTRATION = 1e7;
const LOG_BOUND = 25;

interface Rows {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  w: Float64Array;
  total: number;
}

function aggregate(data: readonly BgNbdRow[]): Rows {
  const at = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const w: number[] = [];
  for (const d of data) {
    if (!(d.x >= 0 && d.tx >= 0 && d.T >= d.tx)) continue;
    const key = `${d.x}|${d.tx}|${d.T}`;
    const i = at.get(key);
    if (i !== undefined) w[i]!++;
    else {
      at.set(key, w.length);
      x.push(d.x);
      tx.push(d.tx);
      T.push(d.T);
      w.push(1);
    }
  }
  return { x: Float64Array.from(x), tx: Float64Array.from(tx), T: Float64Array.from(T), w: Float64Array.from(w), total: w.reduce((s, v) => s + v, 0) };
}

/** Total log-likelihood at (r, α, p); fills ∂LL/∂(ln r, ln α, logit p) when `grad` is given. */
function evaluate(rows: Rows, r: number, alpha: number, p: number, grad: Float64Array | null): number {
  const lgR = lgamma(r);
  const psiR = digamma(r);
  const lnAlpha = Math.log(alpha);
  const lnP = Math.log(p);
  const ln1P = Math.log1p(-p);
  let ll = 0;
  let gr = 0;
  let ga = 0;
  let gp = 0;
  for (let i = 0; i < rows.w.length; i++) {
    const x = rows.x[i]!;
    const w = rows.w[i]!;
    const rx = r + x;
    const lnT = Math.log(alpha + rows.T[i]!);
    const l1 = x * ln1P - rx * lnT;
    let lse = l1;
    let w1 = 1;
    let lnTx = 0;
    if (x > 0) {
      lnTx = Math.log(alpha + rows.tx[i]!);
      const l2 = lnP + (x - 1) * ln1P - rx * lnTx;
      const m = Math.max(l1, l2);
      lse = m + Math.log(Math.exp(l1 - m) + Math.exp(l2 - m));
      w1 = Math.exp(l1 - lse);
    }
    const w2 = 1 - w1;
    ll += w * (lgamma(rx) - lgR + r * lnAlpha + lse);
    if (grad) {
      gr += w * (digamma(rx) - psiR + lnAlpha - (w1 * lnT + w2 * lnTx));
      ga += w * (r / alpha - rx * (w1 / (alpha + rows.T[i]!) + (x > 0 ? w2 / (alpha + rows.tx[i]!) : 0)));
      gp += w * (w1 * (-x / (1 - p)) + (x > 0 ? w2 * (1 / p - (x - 1) / (1 - p)) : 0));
    }
  }
  if (grad) {
    grad[0] = gr * r;
    grad[1] = ga * alpha;
    grad[2] = gp * p * (1 - p);
  }
  return ll;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** ∂LL/∂(ln r, ln α, logit p) of the data at θ = (ln r, ln α, logit p) (for the fit's covariance). */
export function fixedDropoutGradient(theta: readonly number[], data: readonly BgNbdRow[]): number[] {
  const g = new Float64Array(3);
  evaluate(aggregate(data), Math.exp(theta[0]!), Math.exp(theta[1]!), sigmoid(theta[2]!), g);
  return Array.from(g);
}

/**
 * Maximum-likelihood fit of the fixed-dropout model. `converged` only when the gradient vanished
 * inside the box (p strictly between 0 and 1, r and α finite).
 */
export function fitBgFixedDropout(data: readonly BgNbdRow[], start?: { r: number; alpha: number; p: number }): BgNbdFit {
  const rows = aggregate(data);
  const n = Math.max(1, rows.total);
  const g = new Float64Array(3);
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    for (let i = 0; i < 3; i++) if (!(Math.abs(theta[i]!) <= LOG_BOUND)) return Number.POSITIVE_INFINITY;
    const ll = evaluate(rows, Math.exp(theta[0]!), Math.exp(theta[1]!), sigmoid(theta[2]!), g);
    for (let i = 0; i < 3; i++) grad[i] = -g[i]! / n;
    return -ll / n;
  };
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < rows.w.length; i++) {
    sumX += rows.w[i]! * rows.x[i]!;
    sumT += rows.w[i]! * rows.T[i]!;
  }
  const rate = sumT > 0 && sumX > 0 ? sumX / sumT : 0.01;
  const starts = start ? [start] : [0.5, 2].flatMap((r) => [0.05, 0.3].map((p) => ({ r, alpha: r / rate, p })));
  let best: { theta: Float64Array; f: number; converged: boolean; iterations: number } | undefined;
  let iterations = 0;
  for (const s of starts) {
    const res = minimizeBfgs(objective, [Math.log(s.r), Math.log(s.alpha), Math.log(s.p / (1 - s.p))], { gradTol: 1e-8, maxIterations: 300 });
    iterations += res.iterations;
    if (!Number.isFinite(res.f)) continue;
    if (!best || res.f < best.f) best = { theta: res.x, f: res.f, converged: res.converged || res.gradNorm <= 1e-6, iterations: res.iterations };
  }
  const theta = best?.theta ?? Float64Array.from([0, 0, 0]);
  const r = Math.exp(theta[0]!);
  const alpha = Math.exp(theta[1]!);
  const p = sigmoid(theta[2]!);
  // p may sit at 0 (nobody drops out: the NBD, which value.ts evaluates exactly), not at 1
  const inside = Math.abs(theta[0]!) < 20 && Math.abs(theta[1]!) < 20 && theta[2]! < 15;
  return {
    r,
    alpha,
    a: p * CONCENTRATION,
    b: (1 - p) * CONCENTRATION,
    logLikelihood: best ? -best.f * n : 0,
    iterations,
    converged: Boolean(best?.converged) && inside,
  };
}
