/**
 * How a KPI card reads the change between its period and the comparison period: a change (with
 * whether it is better), "too few to compare" when a figure stands on fewer than MIN_BASE
 * customers or responses, or nothing when either side is undefined. Rates (percent KPIs)
 * change in percentage points.
 */
import type { KpiComparison } from '../scoring/kpis';
import { LOWER_IS_BETTER } from '../scoring/goals';
import type { KpiId } from '../schemas/enums';
import { comparable } from './kpi-table';
import { KPI_UNIT } from './format';

export type KpiChange = { kind: 'none' } | { kind: 'too-few'; base: number } | { kind: 'change'; delta: number; better: boolean | null; points: boolean };

export function kpiChange(id: KpiId, k: Pick<KpiComparison, 'value' | 'previous' | 'base' | 'previousBase'>): KpiChange {
  if (k.value === null || k.previous === null || !Number.isFinite(k.value) || !Number.isFinite(k.previous)) return { kind: 'none' };
  if (!comparable(k)) return { kind: 'too-few', base: Math.min(k.base ?? Infinity, k.previousBase ?? Infinity) };
  const delta = k.value - k.previous;
  const better = delta === 0 ? null : LOWER_IS_BETTER.has(id) ? delta < 0 : delta > 0;
  return { kind: 'change', delta, better, points: KPI_UNIT[id] === 'percent' };
}
