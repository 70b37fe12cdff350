import { describe, expect, it } from 'vitest';
import { barWidths, planSnapshots, summarisePyramid, tierFlows, tierMoves } from '../../../lib/sidepanel/pyramid';

describe('pyramid', () => {
  it('counts customers and sums CLV per tier, value share over positive value', () => {
    const s = summarisePyramid([
      { tier: 'platinum', clv: 600 },
      { tier: 'gold', clv: 300 },
      { tier: 'gold', clv: 100 },
      { tier: 'lead', clv: -50 },
    ]);
    expect(s.map((x) => [x.tier, x.customers, x.clv])).toEqual([
      ['platinum', 1, 600],
      ['gold', 2, 400],
      ['iron', 0, 0],
      ['lead', 1, -50],
    ]);
    expect(s[0]!.valueShare).toBeCloseTo(0.6);
    expect(s[1]!.share).toBe(0.5);
    expect(s[3]!.valueShare).toBe(0);
    expect(summarisePyramid([]).every((x) => x.customers === 0 && x.share === 0)).toBe(true);
  });

  it('takes a first snapshot, then compares against the newest one at least a week old', () => {
    const now = { a: 'gold', b: 'iron' } as const;
    const first = planSnapshots([], now, '2026-11-01');
    expect(first.baseline).toBeNull();
    expect(first.keep).toEqual([{ asOf: '2026-11-01', tiers: now }]);
    expect(first.changed).toBe(true);

    const sameWeek = planSnapshots(first.keep, { a: 'platinum', b: 'iron' }, '2026-11-05');
    expect(sameWeek.changed).toBe(false);
    expect(sameWeek.baseline?.asOf).toBe('2026-11-01');

    const nextWeek = planSnapshots(first.keep, { a: 'platinum', b: 'lead' }, '2026-11-09');
    expect(nextWeek.baseline?.asOf).toBe('2026-11-01');
    expect(nextWeek.keep.map((k) => k.asOf)).toEqual(['2026-11-01', '2026-11-09']);

    const later = planSnapshots(nextWeek.keep, { a: 'gold', b: 'lead' }, '2026-11-20');
    expect(later.baseline?.asOf).toBe('2026-11-09');
    expect(later.keep.map((k) => k.asOf)).toEqual(['2026-11-09', '2026-11-20']);
  });

  it('lists moves, falls first', () => {
    const moves = tierMoves(
      { asOf: '2026-11-01', tiers: { a: 'gold', b: 'platinum', c: 'iron', d: 'iron' } },
      { a: 'platinum', b: 'gold', c: 'iron', d: 'lead', e: 'gold' },
    );
    expect(moves).toEqual([
      { customerId: 'b', from: 'platinum', to: 'gold', direction: 'down' },
      { customerId: 'd', from: 'iron', to: 'lead', direction: 'down' },
      { customerId: 'a', from: 'gold', to: 'platinum', direction: 'up' },
    ]);
    expect(tierMoves(null, { a: 'gold' })).toEqual([]);
  });

  it('bars are proportional to customers (largest tier 100), a tier with customers never vanishes', () => {
    const summary = summarisePyramid([
      ...Array.from({ length: 400 }, () => ({ tier: 'iron' as const, clv: 1 })),
      ...Array.from({ length: 100 }, () => ({ tier: 'gold' as const, clv: 1 })),
      { tier: 'platinum' as const, clv: 1 },
    ]);
    expect(barWidths(summary)).toEqual({ platinum: 1, gold: 25, iron: 100, lead: 0 });
  });

  it('tier flows: moves in and out of each tier', () => {
    expect(
      tierFlows([
        { from: 'gold', to: 'platinum', customers: 3 },
        { from: 'platinum', to: 'gold', customers: 1 },
        { from: 'iron', to: 'gold', customers: 5 },
      ]),
    ).toEqual({ platinum: { in: 3, out: 1 }, gold: { in: 6, out: 3 }, iron: { in: 0, out: 5 }, lead: { in: 0, out: 0 } });
  });
});
