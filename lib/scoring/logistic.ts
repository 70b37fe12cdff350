/**
 * Regularised logistic regression, fitted by Newton's method (IRLS) — small, fast, explainable:
 * a handful of standardised features, an unpenalised intercept, an L2 penalty that pulls every
 * other coefficient towards 0 (towards the offset's prediction when an offset is given), and the
 * posterior covariance (inverse penalised Hessian) for intervals.
 *
 * Pure: plain arrays in, plain data out.
 */

export interface LogisticData {
  /** n × p features, row-major (already standardised by the caller). */
  x: Float64Array;
  n: number;
  p: number;
  /** 1 = event (e.g. no purchase within the horizon), 0 = not. */
  y: Uint8Array;
  /** Log-odds added to every row's linear predictor (a prior model's prediction), or none. */
  offset?: Float64Array;
}

export interface LogisticFit {
  /** Intercept. */
  intercept: number;
  /** One coefficient per feature column. */
  coef: number[];
  /** (p + 1) × (p + 1) covariance, intercept first, row-major. */
  covariance: number[];
  iterations: number;
  converged: boolean;
  /** Mean log-likelihood per row at the fit (without the penalty). */
  meanLogLikelihood: number;
}

export interface LogisticOptions {
  /** L2 penalty λ on the non-intercept coefficients (total, not per row). Default 1. */
  lambda?: number;
  maxIterations?: number;
  /** Stop when the largest Newton step is below this. */
  tolerance?: number;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
export { sigmoid };

export const logit = (p: number): number => {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
};

/** Cholesky factorisation of a symmetric positive-definite m × m matrix in place (lower triangle); false when not SPD. */
function cholesky(a: Float64Array, m: number): boolean {
  for (let j = 0; j < m; j++) {
    let d = a[j * m + j]!;
    for (let k = 0; k < j; k++) d -= a[j * m + k]! ** 2;
    if (!(d > 0)) return false;
    const l = Math.sqrt(d);
    a[j * m + j] = l;
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j]!;
      for (let k = 0; k < j; k++) s -= a[i * m + k]! * a[j * m + k]!;
      a[i * m + j] = s / l;
    }
  }
  return true;
}

/** Solve L Lᵀ x = b with the factor from `cholesky`. */
function cholSolve(l: Float64Array, m: number, b: Float64Array): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < m; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= l[i * m + k]! * x[k]!;
    x[i] = s / l[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * x[k]!;
    x[i] = s / l[i * m + i]!;
  }
  return x;
}

/**
 * One pass over the rows: the log-likelihood, its gradient into `g`, and (when `tri` is given) the
 * information matrix X'WX as a packed lower triangle — a running index and no closure: this loop is
 * n × m² / 2 multiply-adds per Newton step, the bulk of a 100k-customer rescore's model fit.
 */
function accumulate(data: LogisticData, beta: Float64Array, g: Float64Array, tri: Float64Array | null, row: Float64Array): number {
  const { x, n, p, y, offset } = data;
  const m = p + 1;
  g.fill(0);
  if (tri) tri.fill(0);
  let ll = 0;
  row[0] = 1;
  for (let i = 0; i < n; i++) {
    let z = (offset ? offset[i]! : 0) + beta[0]!;
    const base = i * p;
    for (let j = 0; j < p; j++) {
      const v = x[base + j]!;
      row[j + 1] = v;
      z += beta[j + 1]! * v;
    }
    const mu = sigmoid(z);
    const yi = y[i]!;
    ll += yi ? Math.log(Math.max(mu, 1e-300)) : Math.log(Math.max(1 - mu, 1e-300));
    const r = yi - mu;
    for (let j = 0; j < m; j++) g[j]! += r * row[j]!;
    if (tri) {
      const w = mu * (1 - mu);
      let at = 0;
      for (let j = 0; j < m; j++) {
        const wj = w * row[j]!;
        for (let k = 0; k <= j; k++) tri[at++]! += wj * row[k]!;
      }
    }
  }
  return ll;
}

/**
 * Fit by Newton's method. The intercept starts at the logit of the event rate (net of the offset's
 * mean), so a model whose features carry no signal returns the base rate.
 */
export function fitLogistic(data: LogisticData, opts: LogisticOptions = {}): LogisticFit {
  const { n, p, y, offset } = data;
  const lambda = opts.lambda ?? 1;
  const maxIterations = opts.maxIterations ?? 50;
  const tolerance = opts.tolerance ?? 1e-8;
  const m = p + 1;
  const beta = new Float64Array(m);
  let events = 0;
  for (let i = 0; i < n; i++) events += y[i]!;
  let meanOffset = 0;
  if (offset) for (let i = 0; i < n; i++) meanOffset += offset[i]! / n;
  beta[0] = n > 0 ? logit((events + 0.5) / (n + 1)) - meanOffset : 0;
  const h = new Float64Array(m * m);
  const tri = new Float64Array((m * (m + 1)) / 2);
  const g = new Float64Array(m);
  const row = new Float64Array(m);
  let iterations = 0;
  let converged = false;
  let ll = 0;
  const evaluate = (withHessian: boolean): void => {
    ll = accumulate(data, beta, g, withHessian ? tri : null, row);
    for (let j = 1; j < m; j++) g[j]! -= lambda * beta[j]!;
    if (!withHessian) return;
    for (let j = 0, at = 0; j < m; j++) for (let k = 0; k <= j; k++, at++) h[j * m + k] = h[k * m + j] = tri[at]!;
    for (let j = 1; j < m; j++) h[j * m + j]! += lambda;
    // a tiny ridge on the intercept keeps H definite when every row has the same outcome
    h[0]! += 1e-9 * Math.max(1, n);
  };
  const penalised = (): number => {
    let pen = 0;
    for (let j = 1; j < m; j++) pen += beta[j]! ** 2;
    return ll - (lambda * pen) / 2;
  };
  for (; iterations < maxIterations; iterations++) {
    evaluate(true);
    const before = penalised();
    const factor = Float64Array.from(h);
    if (!cholesky(factor, m)) break;
    const step = cholSolve(factor, m, g);
    // step-halving keeps Newton monotone on separable data
    const saved = Float64Array.from(beta);
    let scale = 1;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < m; j++) beta[j] = saved[j]! + scale * step[j]!;
      evaluate(false);
      if (penalised() >= before - 1e-12 * Math.abs(before)) break;
      scale /= 2;
    }
    let largest = 0;
    for (let j = 0; j < m; j++) largest = Math.max(largest, Math.abs(scale * step[j]!));
    if (largest < tolerance) {
      converged = true;
      iterations++;
      break;
    }
  }
  // converged: the Hessian of the last Newton step is the Hessian here (the step was below tolerance)
  if (!converged) evaluate(true);
  const factor = Float64Array.from(h);
  const covariance = new Array<number>(m * m).fill(0);
  if (cholesky(factor, m))
    for (let j = 0; j < m; j++) {
      const e = new Float64Array(m);
      e[j] = 1;
      const col = cholSolve(factor, m, e);
      for (let k = 0; k < m; k++) covariance[k * m + j] = col[k]!;
    }
  return {
    intercept: beta[0]!,
    coef: Array.from(beta.subarray(1)),
    covariance,
    iterations,
    converged,
    meanLogLikelihood: n > 0 ? ll / n : 0,
  };
}

/** Linear predictor (log-odds) of one standardised row. */
export function linearPredictor(fit: Pick<LogisticFit, 'intercept' | 'coef'>, row: ArrayLike<number>, offset = 0): number {
  let z = offset + fit.intercept;
  for (let j = 0; j < fit.coef.length; j++) z += fit.coef[j]! * row[j]!;
  return z;
}

/** Standard deviation of the linear predictor from the coefficient covariance. */
export function predictorSd(fit: Pick<LogisticFit, 'covariance' | 'coef'>, row: ArrayLike<number>): number {
  // xᵀ C x over the symmetric C: the diagonal once, each off-diagonal pair twice (half the products)
  const m = fit.coef.length + 1;
  const c = fit.covariance;
  let v = 0;
  for (let j = 0; j < m; j++) {
    const xj = j === 0 ? 1 : row[j - 1]!;
    if (xj === 0) continue;
    let s = 0.5 * c[j * m + j]! * xj;
    for (let k = 0; k < j; k++) {
      const xk = k === 0 ? 1 : row[k - 1]!;
      s += c[j * m + k]! * xk;
    }
    v += 2 * xj * s;
  }
  return Math.sqrt(Math.max(0, v));
}
