/**
 * Unconstrained quasi-Newton minimisation (BFGS with a backtracking line search: Armijo, or
 * Hager & Zhang's approximate Wolfe conditions once f only moves within rounding noise),
 * small dense problems only (the models here have 3–4 parameters, optimised in log space).
 *
 * The objective fills `grad` with its analytic gradient and returns the value; it may return
 * +∞ or NaN for points outside its domain, which the line search treats as "too far".
 * Convergence = max-norm of the gradient ≤ `gradTol`.
 */

export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface MinimizeOptions {
  /** Stop when max |∂f/∂xᵢ| ≤ gradTol (default 1e-8). */
  gradTol?: number;
  maxIterations?: number;
  /** Longest step (max-norm) tried in one iteration; keeps log-parameters from jumping off (default 4). */
  maxStep?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  f: number;
  /** Max-norm of the gradient at `x`. */
  gradNorm: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

const maxAbs = (v: Float64Array): number => {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]!));
  return m;
};

const dot = (u: Float64Array, v: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i]! * v[i]!;
  return s;
};

const ARMIJO = 1e-4;
const WOLFE = 0.9;
/** Approximate-Wolfe upper bound on the new directional derivative: (1 − 2δ) with δ = 0.1. */
const APPROX = 0.8;
/** Relative size of rounding noise in f. */
const F_NOISE = 1e-12;
/** Iterations without a decrease beyond the noise before giving up. */
const MAX_STALLED = 20;

export function minimizeBfgs(fn: Objective, x0: readonly number[], opts: MinimizeOptions = {}): MinimizeResult {
  const gradTol = opts.gradTol ?? 1e-8;
  const maxIterations = opts.maxIterations ?? 500;
  const maxStep = opts.maxStep ?? 4;
  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const d = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  // Inverse-Hessian approximation, row-major.
  const H = new Float64Array(n * n);
  const resetH = (scale: number): void => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = scale;
  };
  resetH(1);

  let evaluations = 1;
  let f = fn(x, g);
  if (!Number.isFinite(f)) return { x, f, gradNorm: Number.NaN, iterations: 0, evaluations, converged: false };
  let iterations = 0;
  let firstUpdate = true;
  let stalled = 0;

  while (iterations < maxIterations) {
    if (maxAbs(g) <= gradTol) break;
    iterations++;
    // d = −H g
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= H[i * n + j]! * g[j]!;
      d[i] = v;
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (H lost positive definiteness): restart from steepest descent.
      resetH(1);
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = dot(g, d);
      firstUpdate = true;
    }
    const big = maxAbs(d);
    let step = big > maxStep ? maxStep / big : 1;

    let accepted = false;
    let fNew = Number.NaN;
    const fNoise = F_NOISE * Math.max(1, Math.abs(f));
    for (let k = 0; k < 60; k++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * d[i]!;
      fNew = fn(xNew, gNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= f + ARMIJO * step * slope) {
        accepted = true;
        break;
      }
      // Near the optimum the decrease drowns in rounding; accept a step that does not increase f
      // beyond the noise and shrinks the directional derivative (Hager & Zhang's approximate Wolfe).
      if (Number.isFinite(fNew) && fNew <= f + fNoise) {
        const slopeNew = dot(gNew, d);
        if (slopeNew >= WOLFE * slope && slopeNew <= -APPROX * slope) {
          accepted = true;
          break;
        }
      }
      step *= Number.isFinite(fNew) ? Math.max(0.1, Math.min(0.5, (-slope * step) / (2 * (fNew - f - slope * step)))) : 0.25;
    }
    if (!accepted) break; // no further decrease possible in floating point

    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (firstUpdate) {
        resetH(sy / dot(y, y));
        firstUpdate = false;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += H[i * n + j]! * y[j]!;
        Hy[i] = v;
      }
      const yHy = dot(y, Hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] = H[i * n + j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!;
        }
      }
    }
    x.set(xNew);
    g.set(gNew);
    stalled = fNew >= f - fNoise ? stalled + 1 : 0;
    f = fNew;
    if (stalled >= MAX_STALLED) break; // f no longer moves: stop rather than wander in the noise
  }
  const gradNorm = maxAbs(g);
  return { x, f, gradNorm, iterations, evaluations, converged: gradNorm <= gradTol };
}
