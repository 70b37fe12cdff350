/**
 * The customer pyramid: rank customers by value (modelled CLV, or a spend proxy when history is
 * thin) — the top `platinumPct` % are Platinum, the next `goldPct` % Gold, the rest Iron — and
 * customers whose value is at or below `leadMaxValue` (negative or near-zero value: prospects,
 * refund-heavy accounts) are Lead. Percentages are of the customers above Lead, so a book full
 * of untouched prospects does not push real customers up the pyramid.
 */
import type { Tier } from '../schemas/enums';
import type { ScoringSettings } from '../schemas/settings';
import type { TierCutoffs } from './types';

export type TierThresholds = ScoringSettings['tierThresholds'];

/** How many of `n` ranked customers a percentage covers: rounded, at least one when pct > 0. */
const share = (pct: number, n: number): number => (pct > 0 && n > 0 ? Math.min(n, Math.max(1, Math.round((pct * n) / 100))) : 0);

/**
 * Value cut-offs for a book. Customers tied on the cut-off value share the higher tier, so the
 * same value always gives the same tier (and one customer rescored alone lands where a full
 * rescore would put them).
 */
export function tierCutoffs(values: readonly number[], t: TierThresholds): TierCutoffs {
  // descending; typed-array sort is numeric and much faster than a comparator on 100k values
  const ranked = Float64Array.from(values.filter((v) => v > t.leadMaxValue && Number.isFinite(v)))
    .sort()
    .reverse();
  const nPlat = share(t.platinumPct, ranked.length);
  const nGold = t.goldPct > 0 ? Math.max(1, share(t.platinumPct + t.goldPct, ranked.length) - nPlat) : 0;
  const platinum = nPlat > 0 ? ranked[nPlat - 1]! : Number.POSITIVE_INFINITY;
  const gold = nGold > 0 && nPlat + nGold <= ranked.length ? ranked[nPlat + nGold - 1]! : platinum;
  return { platinum, gold, lead: t.leadMaxValue };
}

export function tierForValue(value: number, c: TierCutoffs): Tier {
  if (!(value > c.lead)) return 'lead';
  if (value >= c.platinum) return 'platinum';
  if (value >= c.gold) return 'gold';
  return 'iron';
}

/** Tiers for a whole book (and the cut-offs used). */
export function assignTiers(
  values: readonly { customerId: string; value: number }[],
  thresholds: TierThresholds,
): { tiers: Map<string, Tier>; cutoffs: TierCutoffs } {
  const cutoffs = tierCutoffs(
    values.map((v) => v.value),
    thresholds,
  );
  return { tiers: new Map(values.map((v) => [v.customerId, tierForValue(v.value, cutoffs)])), cutoffs };
}
