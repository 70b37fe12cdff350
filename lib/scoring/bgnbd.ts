/**
 * BG/NBD ("beta-geometric / negative binomial distribution"; Fader, Hardie & Lee 2005,
 * "Counting your customers the easy way"). While alive a customer buys as a Poisson process with
 * rate λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 * Data per customer: x repeat purchases, t_x time of the last purchase, T age — all from the
 * first purchase, in one time unit.
 *
 * Fitting: maximum likelihood in log-parameter space with analytic gradients and BFGS
 * (optimize.ts), several starts, identical (x, t_x, T) rows aggregated with weights.
 *
 * Degenerate books (what callers get): no rows, no repeat purchase at all, or a single distinct
 * (x, t_x, T) row cannot identify the four parameters. `fitBgNbd` then does not optimise; it
 * returns `converged: false`, `iterations: 0` and the moment-based starting point (r = 1,
 * α = 1 / observed repeat rate, a = 1, b = 3; α = 1 when no rate is observable), with
 * `logLikelihood` evaluated there (0 for no rows). A fit that runs to the edge of the parameter
 * box (r, a or b at 1e4, any parameter at e^±25), towards 0 (a → 0: nobody ever drops out), or
 * does not bring the gradient to ~0 is also `converged: false`. Thin books (tens of customers) usually end there: their likelihood keeps
 * rising towards a homogeneous dropout (a, b → ∞ with a/(a+b) fixed). Those parameters are finite
 * and every function here stays finite with them, but they are not a proper maximum: callers
 * should prefer a heuristic (recency / frequency) or use the numbers as indicative only.
 */
import { hyp2f1 } from './hyp2f1';
import { minimizeBfgs } from './optimize';
import { betaln, digamma, lgamma } from './special';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}
/**
 * `logLikelihood`: total LL of the data at the returned parameters; `iterations`: BFGS iterations
 * summed over all starts (0 = not optimised, see degenerate books); `converged`: the best start
 * reached a stationary point inside the parameter box.
 */
export interface BgNbdFit extends BgNbdParams {
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}
export interface BgNbdRow {
  x: number;
  tx: number;
  T: number;
}

export interface BgNbdFitOptions {
  /** Starting points to use instead of the built-in moment-based start + grid. */
  starts?: readonly BgNbdParams[];
  maxIterations?: number;
}

/**
 * Box for ln(r, α, a, b). r, a and b stop at 1e4: beyond that the mixing distributions are
 * practically point masses (homogeneous purchase rate / dropout probability — the ridge a thin
 * book's likelihood climbs along) and the ₂F₁ series would need ~10⁵ terms per customer.
 */
const LOG_MIN = -25;
const LOG_MAX: readonly number[] = [Math.log(1e4), 25, Math.log(1e4), Math.log(1e4)];
/**
 * In log space the gradient also vanishes as a parameter runs to 0 (e.g. a → 0: nobody drops
 * out) — a limit, not a maximum. A fit only counts as converged with r, a, b in [1e-6, 5e3] and
 * α in [e^-20, e^20].
 */
const INTERIOR_MIN: readonly number[] = [Math.log(1e-6), -20, Math.log(1e-6), Math.log(1e-6)];
const INTERIOR_MAX: readonly number[] = [Math.log(5e3), 20, Math.log(5e3), Math.log(5e3)];
const interior = (theta: Float64Array): boolean => {
  for (let i = 0; i < 4; i++) if (!(theta[i]! >= INTERIOR_MIN[i]! && theta[i]! <= INTERIOR_MAX[i]!)) return false;
  return true;
};

/** The optimiser aims for max |∂(mean LL)/∂ ln θᵢ| ≤ GRAD_TOL … */
const GRAD_TOL = 1e-8;
/** … and the fit counts as converged when it stopped (e.g. in rounding noise) at ≤ ACCEPT_TOL. */
const ACCEPT_TOL = 1e-6;

/** Distinct (x, t_x, T) rows with weights; x, t_x and T values indexed into tables of distinct values. */
interface Prepared {
  rows: number;
  totalWeight: number;
  weight: Float64Array;
  xIdx: Int32Array;
  tIdx: Int32Array;
  txIdx: Int32Array;
  xs: Float64Array;
  Ts: Float64Array;
  txs: Float64Array;
  /** Σ weight·x, Σ weight·T (for the moment start). */
  sumX: number;
  sumT: number;
}

const validRow = (d: BgNbdRow): boolean => Number.isFinite(d.x) && Number.isFinite(d.tx) && Number.isFinite(d.T) && d.x >= 0 && d.tx >= 0 && d.T >= d.tx;

function prepare(data: readonly BgNbdRow[]): Prepared {
  const rowIndex = new Map<string, number>();
  const xIndex = new Map<number, number>();
  const tIndex = new Map<number, number>();
  const txIndex = new Map<number, number>();
  const weights: number[] = [];
  const xi: number[] = [];
  const ti: number[] = [];
  const txi: number[] = [];
  const idx = (m: Map<number, number>, v: number): number => {
    let i = m.get(v);
    if (i === undefined) {
      i = m.size;
      m.set(v, i);
    }
    return i;
  };
  let sumX = 0;
  let sumT = 0;
  for (const d of data) {
    if (!validRow(d)) continue;
    sumX += d.x;
    sumT += d.T;
    const key = `${d.x}|${d.tx}|${d.T}`;
    const at = rowIndex.get(key);
    if (at !== undefined) {
      weights[at]! += 1;
      continue;
    }
    rowIndex.set(key, weights.length);
    weights.push(1);
    xi.push(idx(xIndex, d.x));
    ti.push(idx(tIndex, d.T));
    txi.push(idx(txIndex, d.tx));
  }
  const table = (m: Map<number, number>): Float64Array => {
    const t = new Float64Array(m.size);
    for (const [v, i] of m) t[i] = v;
    return t;
  };
  let totalWeight = 0;
  for (const w of weights) totalWeight += w;
  return {
    rows: weights.length,
    totalWeight,
    weight: Float64Array.from(weights),
    xIdx: Int32Array.from(xi),
    tIdx: Int32Array.from(ti),
    txIdx: Int32Array.from(txi),
    xs: table(xIndex),
    Ts: table(tIndex),
    txs: table(txIndex),
    sumX,
    sumT,
  };
}

/** Scratch buffers for one prepared data set (per distinct x, T, t_x). */
interface Scratch {
  a1: Float64Array; // lnΓ(r+x) − lnΓ(r) + lnB-part A2, per x
  dr1: Float64Array; // ψ(r+x) − ψ(r)
  da2: Float64Array; // ∂A2/∂a
  db2: Float64Array; // ∂A2/∂b
  lnA4: Float64Array; // ln a − ln(b+x−1)  (x > 0)
  invB: Float64Array; // 1/(b+x−1)
  lnT: Float64Array; // ln(α+T)
  invT: Float64Array;
  lnTx: Float64Array;
  invTx: Float64Array;
}

const scratchFor = (p: Prepared): Scratch => ({
  a1: new Float64Array(p.xs.length),
  dr1: new Float64Array(p.xs.length),
  da2: new Float64Array(p.xs.length),
  db2: new Float64Array(p.xs.length),
  lnA4: new Float64Array(p.xs.length),
  invB: new Float64Array(p.xs.length),
  lnT: new Float64Array(p.Ts.length),
  invT: new Float64Array(p.Ts.length),
  lnTx: new Float64Array(p.txs.length),
  invTx: new Float64Array(p.txs.length),
});

/**
 * Total log-likelihood at (r, α, a, b); when `grad` is given, fills it with ∂LL/∂(r, α, a, b).
 */
function evaluate(p: Prepared, s: Scratch, r: number, alpha: number, a: number, b: number, grad: Float64Array | null): number {
  const lgR = lgamma(r);
  const psiR = digamma(r);
  const lgAB = lgamma(a + b);
  const psiAB = digamma(a + b);
  const lgB = lgamma(b);
  const psiB = digamma(b);
  const lnA = Math.log(a);
  for (let k = 0; k < p.xs.length; k++) {
    const x = p.xs[k]!;
    if (x === 0) {
      s.a1[k] = 0;
      s.dr1[k] = 0;
      s.da2[k] = 0;
      s.db2[k] = 0;
      continue;
    }
    s.a1[k] = lgamma(r + x) - lgR + lgAB + lgamma(b + x) - lgB - lgamma(a + b + x);
    const psiABX = digamma(a + b + x);
    s.dr1[k] = digamma(r + x) - psiR;
    s.da2[k] = psiAB - psiABX;
    s.db2[k] = psiAB + digamma(b + x) - psiB - psiABX;
    s.lnA4[k] = lnA - Math.log(b + x - 1);
    s.invB[k] = 1 / (b + x - 1);
  }
  for (let k = 0; k < p.Ts.length; k++) {
    s.lnT[k] = Math.log(alpha + p.Ts[k]!);
    s.invT[k] = 1 / (alpha + p.Ts[k]!);
  }
  for (let k = 0; k < p.txs.length; k++) {
    s.lnTx[k] = Math.log(alpha + p.txs[k]!);
    s.invTx[k] = 1 / (alpha + p.txs[k]!);
  }
  const lnAlpha = Math.log(alpha);
  let ll = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  const withGrad = grad !== null;
  for (let i = 0; i < p.rows; i++) {
    const w = p.weight[i]!;
    const k = p.xIdx[i]!;
    const x = p.xs[k]!;
    const ti = p.tIdx[i]!;
    const rx = r + x;
    const a3 = -rx * s.lnT[ti]!;
    if (x === 0) {
      ll += w * (r * lnAlpha + a3);
      if (withGrad) {
        gr += w * (lnAlpha - s.lnT[ti]!);
        gAlpha += w * (r / alpha - r * s.invT[ti]!);
      }
      continue;
    }
    const txi = p.txIdx[i]!;
    const a4 = s.lnA4[k]! - rx * s.lnTx[txi]!;
    // log-sum-exp of A3, A4; w3, w4 their shares.
    let lse: number;
    let w3: number;
    if (a3 >= a4) {
      const e = Math.exp(a4 - a3);
      lse = a3 + Math.log1p(e);
      w3 = 1 / (1 + e);
    } else {
      const e = Math.exp(a3 - a4);
      lse = a4 + Math.log1p(e);
      w3 = e / (1 + e);
    }
    const w4 = 1 - w3;
    ll += w * (s.a1[k]! + r * lnAlpha + lse);
    if (withGrad) {
      gr += w * (s.dr1[k]! + lnAlpha - w3 * s.lnT[ti]! - w4 * s.lnTx[txi]!);
      gAlpha += w * (r / alpha - rx * (w3 * s.invT[ti]! + w4 * s.invTx[txi]!));
      ga += w * (s.da2[k]! + w4 / a);
      gb += w * (s.db2[k]! - w4 * s.invB[k]!);
    }
  }
  if (grad) {
    grad[0] = gr;
    grad[1] = gAlpha;
    grad[2] = ga;
    grad[3] = gb;
  }
  return ll;
}

const positiveParams = (p: BgNbdParams): boolean => p.r > 0 && p.alpha > 0 && p.a > 0 && p.b > 0 && Number.isFinite(p.r + p.alpha + p.a + p.b);

/** Total log-likelihood of the data at the given parameters (−∞ for invalid parameters). */
export function bgnbdLogLikelihood(p: BgNbdParams, data: readonly BgNbdRow[]): number {
  if (!positiveParams(p)) return Number.NEGATIVE_INFINITY;
  const prep = prepare(data);
  return evaluate(prep, scratchFor(prep), p.r, p.alpha, p.a, p.b, null);
}

/** ∂LL/∂(r, α, a, b) at the given parameters (analytic). */
export function bgnbdGradient(p: BgNbdParams, data: readonly BgNbdRow[]): [number, number, number, number] {
  const prep = prepare(data);
  const g = new Float64Array(4);
  evaluate(prep, scratchFor(prep), p.r, p.alpha, p.a, p.b, g);
  return [g[0]!, g[1]!, g[2]!, g[3]!];
}

function defaultStarts(prep: Prepared): BgNbdParams[] {
  // Moment start: while alive, purchases arrive at rate r/α; the observed repeat rate is a
  // (dropout-biased) estimate of it.
  const rate = prep.sumT > 0 && prep.sumX > 0 ? prep.sumX / prep.sumT : 0;
  const scale = rate > 0 ? 1 / rate : 1;
  return [
    { r: 1, alpha: scale, a: 1, b: 3 },
    { r: 0.25, alpha: 0.25 * scale, a: 0.5, b: 1 },
    { r: 0.5, alpha: 0.5 * scale, a: 1, b: 5 },
    { r: 2, alpha: 2 * scale, a: 2, b: 10 },
    { r: 1, alpha: 4 * scale, a: 0.3, b: 0.3 },
  ];
}

/**
 * Maximum-likelihood BG/NBD fit. See the module comment for degenerate books.
 * `converged` = the best start stopped inside the parameter box with the gradient (w.r.t.
 * log-parameters, of the mean LL) at most 1e-6 (the optimiser aims for 1e-8), and no parameter
 * ran off towards 0 or the box edge (see INTERIOR_MIN / INTERIOR_MAX).
 */
export function fitBgNbd(data: readonly BgNbdRow[], opts: BgNbdFitOptions = {}): BgNbdFit {
  const prep = prepare(data);
  const starts = opts.starts ?? defaultStarts(prep);
  const scratch = scratchFor(prep);
  const fallback = starts[0] ?? defaultStarts(prep)[0]!;
  if (prep.rows < 2 || prep.sumX === 0) {
    const ll = prep.rows === 0 ? 0 : evaluate(prep, scratch, fallback.r, fallback.alpha, fallback.a, fallback.b, null);
    return { ...fallback, logLikelihood: ll, iterations: 0, converged: false };
  }
  const n = prep.totalWeight;
  const g = new Float64Array(4);
  // Minimise −mean LL over θ = ln(r, α, a, b).
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    for (let i = 0; i < 4; i++) if (!(theta[i]! >= LOG_MIN && theta[i]! <= LOG_MAX[i]!)) return Number.POSITIVE_INFINITY;
    const r = Math.exp(theta[0]!);
    const alpha = Math.exp(theta[1]!);
    const a = Math.exp(theta[2]!);
    const b = Math.exp(theta[3]!);
    const ll = evaluate(prep, scratch, r, alpha, a, b, g);
    grad[0] = (-g[0]! * r) / n;
    grad[1] = (-g[1]! * alpha) / n;
    grad[2] = (-g[2]! * a) / n;
    grad[3] = (-g[3]! * b) / n;
    return -ll / n;
  };
  let best: BgNbdFit | null = null;
  let iterations = 0;
  for (const s0 of starts) {
    if (!positiveParams(s0)) continue;
    const res = minimizeBfgs(objective, [Math.log(s0.r), Math.log(s0.alpha), Math.log(s0.a), Math.log(s0.b)], {
      gradTol: GRAD_TOL,
      maxIterations: opts.maxIterations ?? 500,
    });
    iterations += res.iterations;
    if (!Number.isFinite(res.f)) continue;
    const ll = -res.f * n;
    if (best === null || ll > best.logLikelihood) {
      best = {
        r: Math.exp(res.x[0]!),
        alpha: Math.exp(res.x[1]!),
        a: Math.exp(res.x[2]!),
        b: Math.exp(res.x[3]!),
        logLikelihood: ll,
        iterations: res.iterations,
        converged: res.gradNorm <= ACCEPT_TOL && interior(res.x),
      };
    }
  }
  if (best === null) {
    return { ...fallback, logLikelihood: evaluate(prep, scratch, fallback.r, fallback.alpha, fallback.a, fallback.b, null), iterations, converged: false };
  }
  return { ...best, iterations };
}

/** P(customer still alive | x, t_x, T). 1 for a customer without repeat purchases. */
export function pAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x <= 0) return 1;
  const ln = Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
  return 1 / (1 + Math.exp(ln));
}

/** Unconditional part: (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x; a+b+x−1; z)]. */
function conditionalNumerator(r: number, alpha: number, a: number, b: number, t: number, x: number, T: number): number {
  const z = t / (alpha + T + t);
  const lnOneMinusZ = Math.log((alpha + T) / (alpha + T + t));
  // ₂F₁(r+x, b+x; c; z) with c = a+b+x−1 grows like (1−z)^{a−1−r−x} as z → 1 when r + x > a − 1
  // (always for repeat buyers unless a is large); Euler's transformation turns the product into
  // (1−z)^{a−1} ₂F₁(a+b−1−r, a−1; c; z), which stays bounded. When a − 1 ≥ r + x the plain form
  // is the bounded one (and the Euler form's first parameter ≈ a + b would make the series long).
  const g =
    r + x > a - 1
      ? Math.exp((a - 1) * lnOneMinusZ) * hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z)
      : Math.exp((r + x) * lnOneMinusZ) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  return ((a + b + x - 1) / (a - 1)) * (1 - g);
}

/** a = 1 is a removable singularity of the numerator: average across it. */
function numerator(p: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = p;
  if (Math.abs(a - 1) < 1e-6) {
    return 0.5 * (conditionalNumerator(r, alpha, 1 - 1e-5, b, t, x, T) + conditionalNumerator(r, alpha, 1 + 1e-5, b, t, x, T));
  }
  return conditionalNumerator(r, alpha, a, b, t, x, T);
}

/**
 * The two factors of E[Y(t) | x, t_x, T] = numerator(t) / denominator, for callers that evaluate
 * several horizons for one customer (CLV): the denominator 1 + δ(x>0)·a/(b+x−1)·((α+T)/(α+t_x))^{r+x}
 * (= 1 / P(alive)) does not depend on t.
 */
export function expectedPurchasesNumerator(p: BgNbdParams, t: number, x: number, T: number): number {
  return t > 0 ? numerator(p, t, x, T) : 0;
}
export function expectedPurchasesDenominator(p: BgNbdParams, x: number, tx: number, T: number): number {
  return x > 0 ? 1 + Math.exp(Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx))) : 1;
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t units (FHL 2005 eq. 10). */
export function expectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (!(t > 0)) return 0;
  return numerator(p, t, x, T) / expectedPurchasesDenominator(p, x, tx, T);
}

/** E[X(t)]: expected purchases of a new customer in their first t units (FHL 2005 eq. 9). */
export function expectedPurchasesNew(p: BgNbdParams, t: number): number {
  if (!(t > 0)) return 0;
  return numerator(p, t, 0, 0);
}

/** P(X(t) = n) for a new customer (FHL 2005 eq. 8). */
export function probPurchases(p: BgNbdParams, n: number, t: number): number {
  if (!Number.isInteger(n) || n < 0) return 0;
  if (!(t > 0)) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = p;
  const lnQ = Math.log(alpha / (alpha + t));
  const lnP = Math.log(t / (alpha + t));
  const lbAB = betaln(a, b);
  const first = Math.exp(betaln(a, b + n) - lbAB + lgamma(r + n) - lgamma(r) - lgamma(n + 1) + r * lnQ + n * lnP);
  if (n === 0) return first;
  // 1 − P(NBD ≤ n−1), the NBD pmf summed iteratively.
  const q = t / (alpha + t);
  let term = Math.exp(r * lnQ);
  let cdf = term;
  for (let j = 0; j < n - 1; j++) {
    term *= ((r + j) / (j + 1)) * q;
    cdf += term;
  }
  return first + Math.exp(betaln(a + 1, b + n - 1) - lbAB) * Math.max(0, 1 - cdf);
}
