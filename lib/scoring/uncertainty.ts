/**
 * How much the fitted models themselves are uncertain: a parametric bootstrap from each fit's
 * covariance (the inverse of the log-likelihood's curvature at the optimum, by central differences
 * of the analytic gradient in log-parameter space). Parameters are drawn from that Gaussian, a
 * sample of the book's buyers is re-valued under each draw, and the spread of log(CLV_draw /
 * CLV_fit) becomes `paramSpread`, which value.ts adds to each customer's own posterior spread.
 * Thin books get wide ranges; a 20,000-buyer book's fit is tight. Deterministic (seeded draws).
 */
import type { ScoringSettings } from '../schemas/settings';
import { bgnbdGradient, type BgNbdFit, type BgNbdRow } from './bgnbd';
import { CONCENTRATION, fixedDropoutGradient } from './bgnbd-boundary';
import { gammaGammaGradient, type GammaGammaFit, type GammaGammaRow } from './gamma-gamma';
import type { CustomerStats } from './stats';
import { customerValue, type ValueModel } from './value';

const DRAWS = 16;
const SAMPLE = 120;
/** The curvature is measured on at most this many buyers and scaled to the book (it grows linearly with it). */
const CURVATURE_ROWS = 4_000;
const STEP = 1e-4;

/** Covariance of θ from the gradient of the total LL in θ; null when the curvature is not negative-definite. */
export function covarianceAt(theta: readonly number[], gradient: (t: number[]) => number[]): number[][] | null {
  const k = theta.length;
  const h: number[][] = [];
  for (let i = 0; i < k; i++) {
    const up = [...theta];
    const down = [...theta];
    up[i]! += STEP;
    down[i]! -= STEP;
    const gu = gradient(up);
    const gd = gradient(down);
    h.push(gu.map((v, j) => -(v - gd[j]!) / (2 * STEP)));
  }
  // symmetrise, then invert by Gauss-Jordan (k ≤ 4)
  const a = h.map((row, i) => row.map((v, j) => (v + h[j]![i]!) / 2));
  const inv = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    if (!(Math.abs(a[pivot]![c]!) > 1e-300)) return null;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    [inv[c], inv[pivot]] = [inv[pivot]!, inv[c]!];
    const d = a[c]![c]!;
    for (let j = 0; j < k; j++) {
      a[c]![j]! /= d;
      inv[c]![j]! /= d;
    }
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      for (let j = 0; j < k; j++) {
        a[r]![j]! -= f * a[c]![j]!;
        inv[r]![j]! -= f * inv[c]![j]!;
      }
    }
  }
  for (let i = 0; i < k; i++) if (!(inv[i]![i]! > 0) || !Number.isFinite(inv[i]![i]!)) return null;
  return inv;
}

const scaled = (cov: number[][], f: number): number[][] => cov.map((row) => row.map((v) => v * f));

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A draw from N(mean, cov) with a Cholesky factor; null when cov is not positive-definite. */
function gaussianSampler(mean: readonly number[], cov: number[][], rnd: () => number): (() => number[]) | null {
  const k = mean.length;
  const l = cov.map((row) => row.map(() => 0));
  for (let j = 0; j < k; j++) {
    let d = cov[j]![j]!;
    for (let m = 0; m < j; m++) d -= l[j]![m]! ** 2;
    if (!(d > 0)) return null;
    l[j]![j] = Math.sqrt(d);
    for (let i = j + 1; i < k; i++) {
      let s = cov[i]![j]!;
      for (let m = 0; m < j; m++) s -= l[i]![m]! * l[j]![m]!;
      l[i]![j] = s / l[j]![j]!;
    }
  }
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  return () => {
    const e = mean.map(() => normal());
    return mean.map((m, i) => m + l[i]!.reduce((s, v, j) => s + v * e[j]!, 0));
  };
}

function purchaseSampler(bg: BgNbdFit, rows: readonly BgNbdRow[], rnd: () => number, shrink: number): (() => BgNbdFit) | null {
  if (bg.a + bg.b >= CONCENTRATION / 2) {
    // the fixed-dropout boundary model: θ = (ln r, ln α, logit p)
    const p = bg.a / (bg.a + bg.b);
    const theta = [Math.log(bg.r), Math.log(bg.alpha), Math.log(p / (1 - p))];
    const cov = covarianceAt(theta, (t) => fixedDropoutGradient(t, rows));
    const draw = cov && gaussianSampler(theta, scaled(cov, shrink), rnd);
    if (!draw) return null;
    return () => {
      const t = draw();
      const q = 1 / (1 + Math.exp(-t[2]!));
      return { ...bg, r: Math.exp(t[0]!), alpha: Math.exp(t[1]!), a: q * CONCENTRATION, b: (1 - q) * CONCENTRATION };
    };
  }
  const theta = [bg.r, bg.alpha, bg.a, bg.b].map(Math.log);
  const cov = covarianceAt(theta, (t) => {
    const e = t.map(Math.exp);
    return bgnbdGradient({ r: e[0]!, alpha: e[1]!, a: e[2]!, b: e[3]! }, rows).map((g, i) => g * e[i]!);
  });
  const draw = cov && gaussianSampler(theta, scaled(cov, shrink), rnd);
  if (!draw) return null;
  return () => {
    const e = draw().map(Math.exp);
    return { ...bg, r: e[0]!, alpha: e[1]!, a: e[2]!, b: e[3]! };
  };
}

function spendSampler(gg: GammaGammaFit, rows: readonly GammaGammaRow[], rnd: () => number, shrink: number): (() => GammaGammaFit) | null {
  const theta = [gg.p, gg.q, gg.gamma].map(Math.log);
  const cov = covarianceAt(theta, (t) => {
    const e = t.map(Math.exp);
    return gammaGammaGradient({ p: e[0]!, q: e[1]!, gamma: e[2]! }, rows).map((g, i) => g * e[i]!);
  });
  const draw = cov && gaussianSampler(theta, scaled(cov, shrink), rnd);
  if (!draw) return null;
  return () => {
    const e = draw().map(Math.exp);
    return { ...gg, p: e[0]!, q: Math.max(1.0001, e[1]!), gamma: e[2]! };
  };
}

/**
 * Log-scale spread of CLV due to the fits' parameter uncertainty (RMS of log CLV_draw / CLV_fit over
 * sampled buyers and draws). 0 when there is no model to be uncertain about.
 */
export function parameterSpread(
  buyers: readonly CustomerStats[],
  model: ValueModel,
  settings: Pick<ScoringSettings, 'clvHorizonMonths' | 'annualDiscountRate' | 'tierThresholds'>,
  horizonDays: number,
): number {
  if (!model.bgnbd && !model.gammaGamma) return 0;
  const rnd = mulberry32(0x5eed);
  const stride = Math.max(1, Math.ceil(buyers.length / CURVATURE_ROWS));
  const rows = stride > 1 ? buyers.filter((_, i) => i % stride === 0) : buyers;
  // covariance ∝ 1 / n: the sample's, shrunk to the whole book's
  const shrink = rows.length / Math.max(1, buyers.length);
  const bgDraw = model.bgnbd ? purchaseSampler(model.bgnbd, rows, rnd, shrink) : null;
  const ggRows = rows.filter((s) => s.x > 0 && s.meanRepeatSpend > 0).map((s) => ({ x: s.x, mean: s.meanRepeatSpend }));
  const ggDraw = model.gammaGamma ? spendSampler(model.gammaGamma, ggRows, rnd, shrink) : null;
  // a fit whose curvature cannot be inverted is not trusted to be tight
  if ((model.bgnbd && !bgDraw) || (model.gammaGamma && !ggDraw)) return 1;
  const step = Math.max(1, Math.floor(rows.length / SAMPLE));
  const sample = rows.filter((_, i) => i % step === 0).slice(0, SAMPLE);
  const base = { ...model, paramSpread: 0 };
  const fitted = sample.map((s) => customerValue(s, base, settings, horizonDays).clv);
  let ss = 0;
  let n = 0;
  for (let d = 0; d < DRAWS; d++) {
    const drawn: ValueModel = { ...base, bgnbd: bgDraw ? bgDraw() : model.bgnbd, gammaGamma: ggDraw ? ggDraw() : model.gammaGamma };
    sample.forEach((s, i) => {
      const v = customerValue(s, drawn, settings, horizonDays).clv;
      if (v > 0 && fitted[i]! > 0) {
        ss += Math.log(v / fitted[i]!) ** 2;
        n++;
      }
    });
  }
  return n > 0 ? Math.min(3, Math.sqrt(ss / n)) : 0;
}
