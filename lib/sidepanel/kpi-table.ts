/**
 * KPIs for the side panel, all from lib/scoring/kpis (the one implementation): every KPI for the
 * period against its comparison period, with the base each figure stands on, and a trend over the
 * last 12 periods. The `clv` KPI is computed apart (computeClv): for a past period it refits the
 * purchase and spend models as of the period's end, which takes far longer than everything else,
 * so the other KPIs never wait for it.
 */
import { compareKpis, kpiSeries, type KpiBook, type KpiComparison, type KpiValue } from '../scoring/kpis';
import { TIERS, type KpiId, type Tier } from '../schemas/enums';
import type { Period } from './periods';

export type KpiPair = KpiValue;

/** What the KPI view asks for: the period, what it is compared with, and the trend's periods. */
export interface KpiRequest {
  period: Period;
  compare: Period;
  trend: Period[];
}

export interface KpiTable {
  /** Every KPI but `clv` (null there: see computeClv). */
  all: Record<KpiId, KpiComparison>;
  /** One value per trend period, oldest first (`clv` all null). */
  trend: Record<KpiId, (number | null)[]>;
}

/**
 * Fewer customers (or responses) than this behind a figure and its change is noise: the panel
 * says "too few to compare" instead of colouring it.
 */
export const MIN_BASE = 20;

/** True when a change between two figures can be read: both bases (where a KPI has one) hold MIN_BASE or more. */
export const comparable = (k: Pick<KpiComparison, 'base' | 'previousBase'>): boolean =>
  (k.base === null || k.base >= MIN_BASE) && (k.previousBase === null || k.previousBase >= MIN_BASE);

export function computeKpiTable(book: KpiBook, req: KpiRequest): KpiTable {
  return {
    all: compareKpis(book, req.period, req.compare, { clv: 'skip' }),
    trend: kpiSeries(book, req.trend, { clv: 'skip' }),
  };
}

export interface ClvFigures {
  all: KpiPair;
  byTier: Record<Tier, KpiPair>;
}

/** The `clv` KPI for the period and its comparison, in all and per tier. */
export function computeClv(book: KpiBook, period: Period, compare: Period): ClvFigures {
  const pair = (scope?: Tier): KpiPair => {
    const r = compareKpis(book, period, compare, scope ? { scope: { scope: { kind: 'tier', tier: scope } } } : {}).clv;
    return { value: r.value, previous: r.previous };
  };
  return { all: pair(), byTier: Object.fromEntries(TIERS.map((t) => [t, pair(t)])) as Record<Tier, KpiPair> };
}

/** The `clv` KPI over the trend's periods (a model fit per period end). */
export const computeClvTrend = (book: KpiBook, periods: readonly Period[]): (number | null)[] => kpiSeries(book, periods).clv;
