/**
 * The side panel's heavy computations on the whole book — the KPI table and trends, the `clv`
 * KPI, goal progress, a goal's suggested baseline — in one place, so they run in a Worker
 * (kpi.worker.ts) in the extension and inline in tests.
 *
 * Everything but the `clv` KPI reads the book through one index (lib/scoring/kpi-index.ts) and
 * takes milliseconds; `clv` for a past period refits the purchase and spend models as of that
 * period's end (about a second each on 10,000 customers), so it is asked for apart and the view
 * shows it when it comes. A goal on any other metric is computed from a book without the CLV date,
 * which skips refits that would not change it.
 */
import type { Goal } from '../schemas/domain';
import type { KpiId } from '../schemas/enums';
import { kpiValue } from '../scoring/kpis';
import { computeClv, computeClvTrend, computeKpiTable, type ClvFigures, type KpiRequest, type KpiTable } from './kpi-table';
import { goalStatus, type GoalStatus } from './goal-status';
import type { Period } from './periods';
import { previousPeriod } from './periods';
import type { Book } from './queries';

export type ComputeRequest =
  | { kind: 'warm' }
  | ({ kind: 'kpis' } & KpiRequest)
  | { kind: 'clv'; period: Period; compare: Period }
  | { kind: 'clv-trend'; trend: Period[] }
  | { kind: 'goals'; goals: Goal[]; asOf: string }
  | { kind: 'baseline'; metric: KpiId; period: Period };

export interface ComputeResults {
  warm: true;
  kpis: KpiTable;
  clv: ClvFigures;
  'clv-trend': (number | null)[];
  goals: Record<string, GoalStatus>;
  baseline: number | null;
}

/** The book for a metric: with the CLV date only when the metric is CLV itself. */
const bookFor = (book: Book, metric: KpiId): Book => (metric === 'clv' ? book : { ...book, clvAsOf: undefined });

export function compute<R extends ComputeRequest>(book: Book, req: R): ComputeResults[R['kind']] {
  const out = (v: unknown): ComputeResults[R['kind']] => v as ComputeResults[R['kind']];
  switch (req.kind) {
    case 'warm':
      // the first KPI read builds the book's index; later requests find it ready
      kpiValue(book, 'csat', { start: '2000-01-01', end: '2000-01-02' });
      return out(true);
    case 'kpis':
      return out(computeKpiTable(book, req));
    case 'clv':
      return out(computeClv(book, req.period, req.compare));
    case 'clv-trend':
      return out(computeClvTrend(book, req.trend));
    case 'goals':
      return out(Object.fromEntries(req.goals.map((g) => [g.id, goalStatus(g, bookFor(book, g.metric), req.asOf)])));
    case 'baseline':
      return out(kpiValue(bookFor(book, req.metric), req.metric, previousPeriod(req.period)));
  }
  throw new Error(`Unknown computation "${(req as { kind: string }).kind}"`);
}
