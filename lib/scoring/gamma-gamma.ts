/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005 "RFM and CLV"; Fader & Hardie 2013, note 025).
 * A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, so the
 * mean of x transactions z̄ has a closed-form marginal likelihood; E[M | x, z̄] shrinks z̄ towards
 * the population mean pγ/(q − 1).
 *
 * Fitting: maximum likelihood over ln(p, q, γ), analytic gradient, BFGS, several moment-consistent
 * starts (pγ/(q − 1) = observed mean spend); the best likelihood wins. From (1, 1, 1) the likelihood
 * can run up a ridge (p → ∞, γ → 0), which is why no single start is trusted.
 *
 * Degenerate books (what callers get): fewer than two usable rows (x > 0 and mean > 0) — or rows
 * without any spread — cannot identify the model. `fitGammaGamma` then returns `converged: false`
 * with p = 1, q = 2, γ = mean observed spend (0 when there is none), i.e. E[M] = that mean for a
 * customer without repeat purchases; `logLikelihood` is evaluated there (0 for no rows).
 */
import { minimizeBfgs } from './optimize';
import { digamma, lgamma } from './special';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}
export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  converged: boolean;
}
export interface GammaGammaRow {
  x: number;
  mean: number;
}
export interface GammaGammaFitOptions {
  /** Starting points instead of the built-in moment-consistent grid. */
  starts?: readonly GammaGammaParams[];
  maxIterations?: number;
}

const LOG_BOUND = 25;
const GRAD_TOL = 1e-8;
/** Converged also needs p, q in [1e-6, e^20] and γ in [e^-20, e^20]: not on the p → ∞, γ → 0 ridge. */
const interior = (theta: Float64Array): boolean =>
  theta[0]! >= Math.log(1e-6) && theta[0]! <= 20 && theta[1]! >= Math.log(1e-6) && theta[1]! <= 20 && theta[2]! >= -20 && theta[2]! <= 20;
/** Converged = stopped with max |∂(mean LL)/∂ ln θᵢ| ≤ this (the optimiser aims for GRAD_TOL). */
const ACCEPT_TOL = 1e-6;

interface Prepared {
  rows: number;
  totalWeight: number;
  weight: Float64Array;
  xIdx: Int32Array;
  xs: Float64Array;
  mean: Float64Array;
  lnMean: Float64Array;
  /** Mean of the usable rows' mean spend (for moment-consistent starts). */
  meanSpend: number;
}

function prepare(data: readonly GammaGammaRow[]): Prepared {
  const rowIndex = new Map<string, number>();
  const xIndex = new Map<number, number>();
  const weights: number[] = [];
  const xi: number[] = [];
  const means: number[] = [];
  let sum = 0;
  let count = 0;
  for (const d of data) {
    if (!(d.x > 0 && d.mean > 0 && Number.isFinite(d.x) && Number.isFinite(d.mean))) continue;
    sum += d.mean;
    count++;
    const key = `${d.x}|${d.mean}`;
    const at = rowIndex.get(key);
    if (at !== undefined) {
      weights[at]! += 1;
      continue;
    }
    rowIndex.set(key, weights.length);
    weights.push(1);
    means.push(d.mean);
    let k = xIndex.get(d.x);
    if (k === undefined) {
      k = xIndex.size;
      xIndex.set(d.x, k);
    }
    xi.push(k);
  }
  const xs = new Float64Array(xIndex.size);
  for (const [v, i] of xIndex) xs[i] = v;
  return {
    rows: weights.length,
    totalWeight: count,
    weight: Float64Array.from(weights),
    xIdx: Int32Array.from(xi),
    xs,
    mean: Float64Array.from(means),
    lnMean: Float64Array.from(means, Math.log),
    meanSpend: count > 0 ? sum / count : 0,
  };
}

interface Scratch {
  lgDiff: Float64Array;
  psiDiff: Float64Array;
  psiPxQ: Float64Array;
  lnX: Float64Array;
}

const scratchFor = (p: Prepared): Scratch => ({
  lgDiff: new Float64Array(p.xs.length),
  psiDiff: new Float64Array(p.xs.length),
  psiPxQ: new Float64Array(p.xs.length),
  lnX: Float64Array.from(p.xs, Math.log),
});

/**
 * Σ w · ln f(z̄ | x; p, q, γ), with f the density of the mean of x Gamma(p, ν) values mixed over
 * ν ~ Gamma(q, γ):  ln f = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q lnγ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
 */
function evaluate(d: Prepared, s: Scratch, p: number, q: number, g: number, grad: Float64Array | null): number {
  for (let k = 0; k < d.xs.length; k++) {
    const px = p * d.xs[k]!;
    s.lgDiff[k] = lgamma(px + q) - lgamma(px);
    if (grad) {
      const psiPxQ = digamma(px + q);
      s.psiPxQ[k] = psiPxQ;
      s.psiDiff[k] = psiPxQ - digamma(px);
    }
  }
  const lgQ = lgamma(q);
  const lnG = Math.log(g);
  const psiQ = grad ? digamma(q) : 0;
  let ll = 0;
  let gp = 0;
  let gq = 0;
  let gg = 0;
  for (let i = 0; i < d.rows; i++) {
    const w = d.weight[i]!;
    const k = d.xIdx[i]!;
    const x = d.xs[k]!;
    const m = d.mean[i]!;
    const lnM = d.lnMean[i]!;
    const px = p * x;
    const lnGxm = Math.log(g + x * m);
    ll += w * (s.lgDiff[k]! - lgQ + q * lnG + (px - 1) * lnM + px * s.lnX[k]! - (px + q) * lnGxm);
    if (grad) {
      gp += w * x * (s.psiDiff[k]! + lnM + s.lnX[k]! - lnGxm);
      gq += w * (s.psiPxQ[k]! - psiQ + lnG - lnGxm);
      gg += w * (q / g - (px + q) / (g + x * m));
    }
  }
  if (grad) {
    grad[0] = gp;
    grad[1] = gq;
    grad[2] = gg;
  }
  return ll;
}

const positive = (p: GammaGammaParams): boolean => p.p > 0 && p.q > 0 && p.gamma > 0 && Number.isFinite(p.p + p.q + p.gamma);

/** Total log-likelihood over rows with x > 0 and mean > 0 (−∞ for invalid parameters). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: readonly GammaGammaRow[]): number {
  if (!positive(params)) return Number.NEGATIVE_INFINITY;
  const d = prepare(data);
  return evaluate(d, scratchFor(d), params.p, params.q, params.gamma, null);
}

/** ∂LL/∂(p, q, γ) (analytic). */
export function gammaGammaGradient(params: GammaGammaParams, data: readonly GammaGammaRow[]): [number, number, number] {
  const d = prepare(data);
  const g = new Float64Array(3);
  evaluate(d, scratchFor(d), params.p, params.q, params.gamma, g);
  return [g[0]!, g[1]!, g[2]!];
}

function defaultStarts(meanSpend: number): GammaGammaParams[] {
  const starts: GammaGammaParams[] = [];
  for (const p of [1, 4, 12]) for (const q of [2, 5]) starts.push({ p, q, gamma: (meanSpend * (q - 1)) / p });
  return starts;
}

/** Maximum-likelihood Gamma-Gamma fit on rows with x > 0 and mean > 0; see the module comment. */
export function fitGammaGamma(data: readonly GammaGammaRow[], opts: GammaGammaFitOptions = {}): GammaGammaFit {
  const d = prepare(data);
  const s = scratchFor(d);
  const fallback: GammaGammaParams = { p: 1, q: 2, gamma: d.meanSpend };
  const fallbackFit = (): GammaGammaFit => ({
    ...fallback,
    logLikelihood: d.rows === 0 || !positive(fallback) ? 0 : evaluate(d, s, fallback.p, fallback.q, fallback.gamma, null),
    converged: false,
  });
  if (d.rows < 2) return fallbackFit();
  const n = d.totalWeight;
  const g = new Float64Array(3);
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    for (let i = 0; i < 3; i++) if (!(Math.abs(theta[i]!) <= LOG_BOUND)) return Number.POSITIVE_INFINITY;
    const p = Math.exp(theta[0]!);
    const q = Math.exp(theta[1]!);
    const gamma = Math.exp(theta[2]!);
    const ll = evaluate(d, s, p, q, gamma, g);
    grad[0] = (-g[0]! * p) / n;
    grad[1] = (-g[1]! * q) / n;
    grad[2] = (-g[2]! * gamma) / n;
    return -ll / n;
  };
  let best: GammaGammaFit | null = null;
  for (const s0 of opts.starts ?? defaultStarts(d.meanSpend)) {
    if (!positive(s0)) continue;
    const res = minimizeBfgs(objective, [Math.log(s0.p), Math.log(s0.q), Math.log(s0.gamma)], {
      gradTol: GRAD_TOL,
      maxIterations: opts.maxIterations ?? 500,
    });
    if (!Number.isFinite(res.f)) continue;
    const ll = -res.f * n;
    if (best === null || ll > best.logLikelihood) {
      best = {
        p: Math.exp(res.x[0]!),
        q: Math.exp(res.x[1]!),
        gamma: Math.exp(res.x[2]!),
        logLikelihood: ll,
        converged: res.gradNorm <= ACCEPT_TOL && interior(res.x),
      };
    }
  }
  return best ?? fallbackFit();
}

/**
 * E[M | x, z̄] = p(γ + x z̄) / (px + q − 1): the expected value of a customer's future transactions
 * given x repeat purchases with mean value z̄ (x = 0 gives the population mean pγ/(q − 1)).
 */
export function expectedSpend(params: GammaGammaParams, x: number, mean: number): number {
  const xx = x > 0 ? x : 0;
  const m = xx > 0 ? mean : 0;
  return (params.p * (params.gamma + xx * m)) / (params.p * xx + params.q - 1);
}
