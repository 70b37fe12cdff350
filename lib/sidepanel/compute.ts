/**
 * The side panel's heavy computations on the whole book — the KPI table, goal progress, a
 * goal's suggested baseline — in one place, so they run in a Worker (kpi.worker.ts) in the
 * extension and inline in tests. Measured on a 10,000-customer book: the KPI table takes
 * ~1.3–9 s (CLV of the previous period refits the models as of its end), far too long for
 * the page's main thread.
 *
 * Only the `clv` KPI needs a refit for a past period; everything else is computed from a book
 * whose stored CLVs stand for every period (no `clvAsOf`), which skips refits that would not
 * change the metric asked for.
 */
import type { Goal } from '../schemas/domain';
import type { KpiId } from '../schemas/enums';
import { computeKpiTable, type KpiTable } from './kpi-table';
import { goalStatus, type GoalStatus } from './goal-status';
import type { Period } from './periods';
import { previousPeriod } from './periods';
import type { Book } from './queries';

export type ComputeRequest =
  { kind: 'kpis'; period: Period } | { kind: 'goals'; goals: Goal[]; asOf: string } | { kind: 'baseline'; metric: KpiId; period: Period };

export interface ComputeResults {
  kpis: KpiTable;
  goals: Record<string, GoalStatus>;
  baseline: number | null;
}

/** The book for a metric: with the CLV date only when the metric is CLV itself. */
const bookFor = (book: Book, metric: KpiId): Book => (metric === 'clv' ? book : { ...book, clvAsOf: undefined });

export function compute<R extends ComputeRequest>(book: Book, req: R): ComputeResults[R['kind']] {
  switch (req.kind) {
    case 'kpis':
      return computeKpiTable(book, req.period) as ComputeResults[R['kind']];
    case 'goals':
      return Object.fromEntries(req.goals.map((g) => [g.id, goalStatus(g, bookFor(book, g.metric), req.asOf)])) as ComputeResults[R['kind']];
    case 'baseline':
      return computeKpiTable(bookFor(book, req.metric), previousPeriod(req.period), [req.metric]).all[req.metric].value as ComputeResults[R['kind']];
  }
  throw new Error(`Unknown computation "${(req as { kind: string }).kind}"`);
}
