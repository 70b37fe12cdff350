import { describe, expect, it } from 'vitest';
import { previewMoves } from '../../../components/options/preview';
import { assignTiers } from '../../../lib/scoring/tiers';
import { DEFAULT_SCORING, type ScoringSettings } from '../../../lib/schemas/settings';

// CLV 1000, 999, … (all above Lead); risk scores 0…99.
const points = Array.from({ length: 100 }, (_, i) => ({ customerId: `C${i}`, clv: 1000 - i, riskScore: i }));

/** Independent count: customers whose pyramid tier differs between two settings. */
function tierDiff(a: ScoringSettings, b: ScoringSettings): number {
  const values = points.map((p) => ({ customerId: p.customerId, value: p.clv }));
  const ta = assignTiers(values, a.tierThresholds).tiers;
  const tb = assignTiers(values, b.tierThresholds).tiers;
  return points.filter((p) => ta.get(p.customerId) !== tb.get(p.customerId)).length;
}

describe('settings preview', () => {
  it('no change, no moves', () => {
    expect(previewMoves(points, DEFAULT_SCORING, DEFAULT_SCORING)).toEqual({ total: 100, tierMoves: 0, riskMoves: 0 });
  });

  it('counts customers moving tier (the scorer’s pyramid) or risk band between saved and draft settings', () => {
    const draft = { ...DEFAULT_SCORING, tierThresholds: { ...DEFAULT_SCORING.tierThresholds, platinumPct: 10 }, riskBands: { medium: 30, high: 65 } };
    const r = previewMoves(points, DEFAULT_SCORING, draft);
    // At least the customers ranked 6–10 become Platinum.
    expect(r.tierMoves).toBeGreaterThanOrEqual(5);
    expect(r.tierMoves).toBe(tierDiff(DEFAULT_SCORING, draft));
    // Risk scores 30–34 move low → medium.
    expect(r.riskMoves).toBe(5);
  });

  it('raising the Lead floor moves the customers at or below it to Lead', () => {
    const draft = { ...DEFAULT_SCORING, tierThresholds: { ...DEFAULT_SCORING.tierThresholds, leadMaxValue: 910 } };
    const r = previewMoves(points, DEFAULT_SCORING, draft);
    expect(r.tierMoves).toBeGreaterThanOrEqual(10); // CLV 910 … 901
    expect(r.tierMoves).toBe(tierDiff(DEFAULT_SCORING, draft));
  });
});
