/**
 * Live preview of the scoring settings on the stored scores: how many customers would change
 * value tier (the relationship scorer's pyramid, lib/scoring/tiers, over their stored CLV) or
 * risk band (lib/scoring/risk `riskBand` over the stored 0–100 risk score) under the draft
 * settings compared with the saved ones. Both sides use the same functions, so the count is the
 * effect of the change alone; weights, cadences and the CLV model apply on the rescore after
 * saving.
 */
import { assignTiers } from '../../lib/scoring/tiers';
import { riskBand } from '../../lib/scoring/risk';
import type { ScoringSettings } from '../../lib/schemas/settings';

export interface ScoredPoint {
  customerId: string;
  clv: number;
  riskScore: number;
}

export function previewMoves(
  points: readonly ScoredPoint[],
  saved: ScoringSettings,
  draft: ScoringSettings,
): { total: number; tierMoves: number; riskMoves: number } {
  const values = points.map((p) => ({ customerId: p.customerId, value: p.clv }));
  const a = assignTiers(values, saved.tierThresholds).tiers;
  const b = assignTiers(values, draft.tierThresholds).tiers;
  let tierMoves = 0;
  let riskMoves = 0;
  for (const p of points) {
    if (a.get(p.customerId) !== b.get(p.customerId)) tierMoves++;
    if (riskBand(p.riskScore, saved.riskBands) !== riskBand(p.riskScore, draft.riskBands)) riskMoves++;
  }
  return { total: points.length, tierMoves, riskMoves };
}
