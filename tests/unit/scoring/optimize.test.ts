import { describe, expect, it } from 'vitest';
import { minimizeBfgs, type Objective } from '../../../lib/scoring/optimize';

const rosenbrock: Objective = (x, g) => {
  const a = x[0]!;
  const b = x[1]!;
  g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
  g[1] = 200 * (b - a * a);
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe('minimizeBfgs', () => {
  it.each([[[-1.2, 1]], [[3, -2]], [[0, 0]]])('finds the Rosenbrock minimum from %j', (x0) => {
    const res = minimizeBfgs(rosenbrock, x0);
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 6);
    expect(res.x[1]).toBeCloseTo(1, 6);
    expect(res.gradNorm).toBeLessThanOrEqual(1e-8);
  });

  it('solves an ill-conditioned quadratic in a handful of iterations', () => {
    const d = [1, 10, 100, 1000];
    const f: Objective = (x, g) => {
      let v = 0;
      for (let i = 0; i < 4; i++) {
        g[i] = d[i]! * (x[i]! - i);
        v += 0.5 * d[i]! * (x[i]! - i) ** 2;
      }
      return v;
    };
    const res = minimizeBfgs(f, [5, 5, 5, 5]);
    expect(res.converged).toBe(true);
    res.x.forEach((v, i) => expect(v).toBeCloseTo(i, 7));
    expect(res.iterations).toBeLessThan(40);
  });

  it('backs off from points outside the domain (objective +∞)', () => {
    // minimise x − ln x on x > 0 (minimum at 1); +∞ for x ≤ 0
    const f: Objective = (x, g) => {
      if (x[0]! <= 0) return Infinity;
      g[0] = 1 - 1 / x[0]!;
      return x[0]! - Math.log(x[0]!);
    };
    const res = minimizeBfgs(f, [20]);
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 8);
  });

  it('reports non-convergence honestly', () => {
    const capped = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(capped.converged).toBe(false);
    expect(capped.iterations).toBe(3);
    const unbounded: Objective = (x, g) => {
      g[0] = -1;
      return -x[0]!;
    };
    expect(minimizeBfgs(unbounded, [0], { maxIterations: 50 }).converged).toBe(false);
    const bad = minimizeBfgs(() => Number.NaN, [0]);
    expect(bad.converged).toBe(false);
    expect(bad.iterations).toBe(0);
  });
});
