import { describe, expect, it } from 'vitest';
import { bandTiers, previewMoves } from '../../../components/options/preview';
import { DEFAULT_SCORING } from '../../../lib/schemas/settings';

const points = Array.from({ length: 100 }, (_, i) => ({ customerId: `C${i}`, clv: 100 - i - 5, riskScore: i }));

describe('settings preview', () => {
  it('bands the pyramid by CLV rank, Lead at or below the value floor', () => {
    const t = bandTiers(points, DEFAULT_SCORING);
    expect([...t.values()].filter((x) => x === 'platinum')).toHaveLength(5);
    expect([...t.values()].filter((x) => x === 'gold')).toHaveLength(20);
    expect([...t.values()].filter((x) => x === 'lead')).toHaveLength(5); // clv 0 … −4
    expect(t.get('C0')).toBe('platinum');
  });

  it('counts customers moving tier or risk band between saved and draft settings', () => {
    expect(previewMoves(points, DEFAULT_SCORING, DEFAULT_SCORING)).toEqual({ total: 100, tierMoves: 0, riskMoves: 0 });
    const draft = { ...DEFAULT_SCORING, tierThresholds: { ...DEFAULT_SCORING.tierThresholds, platinumPct: 10 }, riskBands: { medium: 30, high: 65 } };
    // 5 gold → platinum, 5 iron → gold; scores 30–34 move low → medium.
    expect(previewMoves(points, DEFAULT_SCORING, draft)).toEqual({ total: 100, tierMoves: 10, riskMoves: 5 });
  });
});
