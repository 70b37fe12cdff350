/**
 * Live preview of the scoring settings on the stored scores: how many customers would change
 * value tier (customer pyramid over their stored CLV) or risk band (stored 0–100 risk score)
 * under the draft settings compared with the saved ones. Both sides use the same banding so
 * the count is the effect of the change alone; weights, cadences and the CLV model apply on
 * the rescore after saving.
 */
import type { ScoringSettings } from '../../lib/schemas/settings';
import type { RiskBand, Tier } from '../../lib/schemas/enums';

export interface ScoredPoint {
  customerId: string;
  clv: number;
  riskScore: number;
}

export function bandTiers(points: readonly ScoredPoint[], s: ScoringSettings): Map<string, Tier> {
  const ranked = [...points].sort((a, b) => b.clv - a.clv || a.customerId.localeCompare(b.customerId));
  const n = ranked.length;
  const platinum = Math.round((n * s.tierThresholds.platinumPct) / 100);
  const gold = Math.round((n * s.tierThresholds.goldPct) / 100);
  const out = new Map<string, Tier>();
  ranked.forEach((p, i) => {
    const tier: Tier = p.clv <= s.tierThresholds.leadMaxValue ? 'lead' : i < platinum ? 'platinum' : i < platinum + gold ? 'gold' : 'iron';
    out.set(p.customerId, tier);
  });
  return out;
}

export function bandRisk(score: number, s: ScoringSettings): RiskBand {
  return score >= s.riskBands.high ? 'high' : score >= s.riskBands.medium ? 'medium' : 'low';
}

export function previewMoves(points: readonly ScoredPoint[], saved: ScoringSettings, draft: ScoringSettings): { total: number; tierMoves: number; riskMoves: number } {
  const a = bandTiers(points, saved);
  const b = bandTiers(points, draft);
  let tierMoves = 0;
  let riskMoves = 0;
  for (const p of points) {
    if (a.get(p.customerId) !== b.get(p.customerId)) tierMoves++;
    if (bandRisk(p.riskScore, saved) !== bandRisk(p.riskScore, draft)) riskMoves++;
  }
  return { total: points.length, tierMoves, riskMoves };
}
