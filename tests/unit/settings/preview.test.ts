import { describe, expect, it } from 'vitest';
import { previewMoves } from '../../../components/options/preview';
import { DEFAULT_SCORING } from '../../../lib/schemas/settings';

// CLV 1000, 999, … (all above Lead); risk scores 0…99.
const points = Array.from({ length: 100 }, (_, i) => ({ customerId: `C${i}`, clv: 1000 - i, riskScore: i }));

describe('settings preview', () => {
  it('no change, no moves', () => {
    expect(previewMoves(points, DEFAULT_SCORING, DEFAULT_SCORING)).toEqual({ total: 100, tierMoves: 0, riskMoves: 0 });
  });

  it('counts customers moving tier or risk band between saved and draft settings', () => {
    const draft = { ...DEFAULT_SCORING, tierThresholds: { ...DEFAULT_SCORING.tierThresholds, platinumPct: 10 }, riskBands: { medium: 30, high: 65 } };
    // Platinum 5 → 10 (5 Gold move up); Gold is 20 % of the rest: 19 → 18, so ranks 24–27 move Iron → Gold.
    // Risk scores 30–34 move low → medium.
    expect(previewMoves(points, DEFAULT_SCORING, draft)).toEqual({ total: 100, tierMoves: 9, riskMoves: 5 });
  });

  it('raising the Lead floor moves low-value customers to Lead', () => {
    const draft = { ...DEFAULT_SCORING, tierThresholds: { ...DEFAULT_SCORING.tierThresholds, leadMaxValue: 910 } };
    const r = previewMoves(points, DEFAULT_SCORING, draft);
    // Ranks 90–99 (CLV ≤ 910) become Lead; Gold is 20 % of the 85 left after Platinum (17, was 19): ranks 22–23 drop to Iron.
    expect(r.tierMoves).toBe(12);
  });
});
