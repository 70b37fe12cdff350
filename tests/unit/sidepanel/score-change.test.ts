import { describe, expect, it } from 'vitest';
import { factorDeltas, riskPoints, thinHistory, whyParts } from '../../../lib/sidepanel/score-change';

describe('score-change', () => {
  it('factor deltas since last week: largest move first, appeared and gone factors included, tiny moves left out', () => {
    const now = [
      { id: 'contact-gap', points: 25, params: { days: 60 } },
      { id: 'detractor', points: 10 },
      { id: 'p-alive', points: 12.2 },
    ];
    const then = [
      { id: 'contact-gap', points: 15, params: { days: 53 } },
      { id: 'p-alive', points: 12 },
      { id: 'sentiment', points: -4 },
    ];
    expect(factorDeltas(now, then)).toEqual([
      { id: 'contact-gap', params: { days: 60 }, now: 25, then: 15, delta: 10 },
      { id: 'detractor', now: 10, then: 0, delta: 10 },
      { id: 'sentiment', now: 0, then: -4, delta: 4 },
    ]);
    expect(factorDeltas(now, then, 1)).toHaveLength(1);
  });

  it('a CLV range wider than the value is a thin history', () => {
    expect(thinHistory(1000, 600, 1500)).toBe(false);
    expect(thinHistory(1000, 200, 1300)).toBe(true);
    expect(thinHistory(0, -5, 5)).toBe(true);
    expect(thinHistory(1000, undefined, 1500)).toBe(false);
  });

  it('risk points use the probability when stored', () => {
    expect(riskPoints([{ churnRisk: 0.42, riskScore: 60 }, { riskScore: 55 }])).toEqual([42, 55]);
  });

  it('why: the multipliers that say something, and the priority they make', () => {
    expect(whyParts({ base: 60, tier: 1.3, risk: 1.4, goal: 1, learned: 0.5, floor: false })).toEqual({
      parts: [
        { key: 'base', value: 60 },
        { key: 'tier', value: 1.3 },
        { key: 'riskUp', value: 1.4 },
        { key: 'learnedDown', value: 0.5 },
      ],
      priority: 54.6,
    });
    expect(whyParts({ base: 40, tier: 1, risk: 0.8, goal: 1.2, learned: 1, floor: true }).parts.map((p) => p.key)).toEqual([
      'base',
      'tier',
      'riskDown',
      'goal',
      'floor',
    ]);
  });
});
