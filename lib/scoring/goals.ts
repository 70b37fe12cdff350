/**
 * SMART goal progress: the goal's KPI over its period so far (to asOf), progress from baseline
 * to target (either direction — for churn-rate and complaint-rate lower is better), a linear
 * pace forecast for the period's end, and a weekly series for the trend chart. Values use the
 * KPI definitions of kpis.ts over [periodStart, min(asOf + 1 day, periodEnd)).
 */
import { addDays, daysBetween } from '../clock';
import type { Goal } from '../schemas/domain';
import type { KpiId } from '../schemas/enums';
import { kpiValue, type KpiBook, type KpiScope } from './kpis';
import type { TierMap } from './types';

/** KPIs where less is better: a goal on them is met by going down. */
export const LOWER_IS_BETTER: ReadonlySet<KpiId> = new Set(['churn-rate', 'complaint-rate']);
/** KPIs that accumulate over a period (a count): the pace forecast extrapolates them. */
export const CUMULATIVE: ReadonlySet<KpiId> = new Set(['new-customers']);

export type GoalStatusKind = 'not-started' | 'achieved' | 'on-track' | 'behind' | 'missed' | 'no-data';

export interface GoalProgress {
  goalId: string;
  metric: KpiId;
  /** 'down' when the target is below the baseline. */
  direction: 'up' | 'down';
  /** Metric over the period so far; null when undefined (no data) or not started. */
  current: number | null;
  /** 0–1 from baseline to target (clamped); null when current is null. */
  progress: number | null;
  /** Share of the period elapsed as of asOf, 0–1. */
  elapsed: number;
  /** Value expected at the period's end at the current pace. */
  projected: number | null;
  status: GoalStatusKind;
  /** Weekly points: the metric from the period start to each week's end (inclusive `date`). */
  series: { date: string; value: number | null }[];
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

export function goalProgress(goal: Goal, book: KpiBook, asOf: string, tierByCustomer?: TierMap): GoalProgress {
  const metric = goal.metric;
  const direction: 'up' | 'down' = goal.target < goal.baseline || (goal.target === goal.baseline && LOWER_IS_BETTER.has(metric)) ? 'down' : 'up';
  const total = Math.max(1, daysBetween(goal.periodStart, goal.periodEnd));
  const scope: KpiScope = { scope: goal.scope, ...(tierByCustomer ? { tierByCustomer } : {}) };
  const base = { goalId: goal.id, metric, direction };
  if (asOf < goal.periodStart) return { ...base, current: null, progress: null, elapsed: 0, projected: null, status: 'not-started', series: [] };
  const end = addDays(asOf, 1) < goal.periodEnd ? addDays(asOf, 1) : goal.periodEnd;
  const elapsedDays = daysBetween(goal.periodStart, end);
  const elapsed = clamp01(elapsedDays / total);
  const current = kpiValue(book, metric, { start: goal.periodStart, end }, scope);
  const span = goal.target - goal.baseline;
  const progress =
    current === null
      ? null
      : span === 0
        ? direction === 'down'
          ? current <= goal.target
            ? 1
            : 0
          : current >= goal.target
            ? 1
            : 0
        : clamp01((current - goal.baseline) / span);
  const projected = current === null ? null : CUMULATIVE.has(metric) ? (elapsed > 0 ? current / elapsed : current) : current;
  const reached = (v: number): boolean => (direction === 'down' ? v <= goal.target : v >= goal.target);
  const finished = end >= goal.periodEnd;
  let status: GoalStatusKind;
  if (current === null) status = 'no-data';
  else if (finished) status = reached(current) ? 'achieved' : 'missed';
  // a rate can still fall back before the end; a count cannot
  else if (!CUMULATIVE.has(metric)) status = reached(current) || progress! >= elapsed ? 'on-track' : 'behind';
  else if (reached(current)) status = 'achieved';
  else status = projected !== null && reached(projected) ? 'on-track' : 'behind';
  const series: GoalProgress['series'] = [];
  for (let weekEnd = addDays(goal.periodStart, 7); ; weekEnd = addDays(weekEnd, 7)) {
    const stop = weekEnd < end ? weekEnd : end;
    series.push({ date: addDays(stop, -1), value: kpiValue(book, metric, { start: goal.periodStart, end: stop }, scope) });
    if (stop >= end) break;
  }
  return { ...base, current, progress, elapsed, projected, status, series };
}
