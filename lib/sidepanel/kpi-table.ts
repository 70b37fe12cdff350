/**
 * KPIs for the side panel: every KPI for a period vs the previous one, and CLV per tier —
 * all from computeKpis (lib/scoring/kpis), the one implementation. Pure: the view memoises
 * it per period and data change.
 */
import { computeKpis, type KpiBook, type KpiValue } from '../scoring/kpis';
import { KPI_IDS, TIERS, type KpiId, type Tier } from '../schemas/enums';
import type { Period } from './periods';

export type KpiPair = KpiValue;

export interface KpiTable {
  all: Record<KpiId, KpiPair>;
  clvByTier: Record<Tier, KpiPair>;
}

const NONE: KpiPair = { value: null, previous: null };

/** `only`: the KPIs the caller needs (CLV by tier is skipped unless `clv` is among them). */
export function computeKpiTable(book: KpiBook, period: Period, only?: readonly KpiId[]): KpiTable {
  const result = computeKpis(book, period);
  const all = Object.fromEntries(KPI_IDS.map((id) => [id, result[id] ?? NONE])) as Record<KpiId, KpiPair>;
  const withTiers = !only || only.includes('clv');
  const clvByTier = Object.fromEntries(
    TIERS.map((tier) => [tier, withTiers ? computeKpis(book, period, { scope: { kind: 'tier', tier } }).clv : NONE]),
  ) as Record<Tier, KpiPair>;
  return { all, clvByTier };
}
