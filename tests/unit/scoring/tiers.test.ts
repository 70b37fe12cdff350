import { describe, expect, it } from 'vitest';
import { assignTiers, tierCutoffs, tierForValue } from '../../../lib/scoring/tiers';

const thresholds = { platinumPct: 5, goldPct: 20, leadMaxValue: 0 };
const book = (values: number[]) => values.map((value, i) => ({ customerId: `c${i}`, value }));

describe('customer pyramid', () => {
  it('puts the top 5 % in Platinum, the next 20 % in Gold, the rest in Iron', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // c0 = 100 … c99 = 1
    const { tiers } = assignTiers(book(values), thresholds);
    const count = (t: string) => [...tiers.values()].filter((x) => x === t).length;
    expect([count('platinum'), count('gold'), count('iron'), count('lead')]).toEqual([5, 20, 75, 0]);
    expect(tiers.get('c0')).toBe('platinum');
    expect(tiers.get('c4')).toBe('platinum');
    expect(tiers.get('c5')).toBe('gold');
    expect(tiers.get('c24')).toBe('gold');
    expect(tiers.get('c25')).toBe('iron');
  });

  it('makes negative and zero value Lead, and ranks only the customers above Lead', () => {
    const values = [...Array.from({ length: 20 }, (_, i) => 1000 - i), 0, -50, -1, 0];
    const { tiers, cutoffs } = assignTiers(book(values), thresholds);
    expect(tiers.get('c20')).toBe('lead');
    expect(tiers.get('c21')).toBe('lead');
    expect(tiers.get('c22')).toBe('lead');
    expect(tiers.get('c0')).toBe('platinum'); // 5 % of 20 = 1
    expect(tiers.get('c1')).toBe('gold'); // next 20 % of 19 ≈ 4
    expect(tiers.get('c4')).toBe('gold');
    expect(tiers.get('c5')).toBe('iron');
    expect(cutoffs.lead).toBe(0);
  });

  it('gives tied values the same tier and respects leadMaxValue', () => {
    const { tiers } = assignTiers(book([50, 50, 50, 10, 5]), { platinumPct: 20, goldPct: 20, leadMaxValue: 5 });
    expect([tiers.get('c0'), tiers.get('c1'), tiers.get('c2')]).toEqual(['platinum', 'platinum', 'platinum']);
    expect(tiers.get('c3')).toBe('iron');
    expect(tiers.get('c4')).toBe('lead');
  });

  it('has at least one Platinum in a tiny book and none when the share is 0', () => {
    expect(assignTiers(book([10, 20, 30]), thresholds).tiers.get('c2')).toBe('platinum');
    const none = assignTiers(book([10, 20, 30]), { platinumPct: 0, goldPct: 0, leadMaxValue: 0 });
    expect([...none.tiers.values()]).toEqual(['iron', 'iron', 'iron']);
  });

  it('scores one value against stored cut-offs like the whole book did', () => {
    const values = Array.from({ length: 40 }, (_, i) => (i + 1) * 10);
    const cutoffs = tierCutoffs(values, thresholds);
    const { tiers } = assignTiers(book(values), thresholds);
    values.forEach((v, i) => expect(tierForValue(v, cutoffs)).toBe(tiers.get(`c${i}`)));
    expect(tierForValue(1e9, cutoffs)).toBe('platinum');
    expect(tierForValue(-1, cutoffs)).toBe('lead');
    expect(assignTiers([], thresholds).tiers.size).toBe(0);
  });
});
