import { describe, expect, it } from 'vitest';
import { goalProgress } from '../../../lib/scoring/goals';
import type { KpiBook } from '../../../lib/scoring/kpis';
import type { Feedback, Goal, Transaction } from '../../../lib/schemas/domain';

let k = 0;
const fb = (date: string, kind: Feedback['kind'], score?: number, customerId = 'a'): Feedback => ({
  id: `f${k++}`,
  customerId,
  date,
  kind,
  ...(score === undefined ? {} : { score }),
});
const tx = (customerId: string, date: string, amount = 10): Transaction => ({ id: `t${k++}`, customerId, date, amount });
const goal = (over: Partial<Goal>): Goal => ({
  id: 'g',
  name: 'g',
  category: 'satisfaction',
  metric: 'csat',
  target: 90,
  baseline: 70,
  periodStart: '2026-04-01',
  periodEnd: '2026-07-01',
  scope: { kind: 'all' },
  archived: false,
  createdAt: 0,
  ...over,
});
const book = (b: Partial<KpiBook>): KpiBook => ({ customers: [], transactions: [], interactions: [], feedback: [], ...b });

describe('goal progress', () => {
  it('measures the metric over the period so far and the progress from baseline to target', () => {
    const b = book({
      feedback: [
        fb('2026-04-05', 'csat', 5),
        fb('2026-04-20', 'csat', 4),
        fb('2026-05-10', 'csat', 5),
        fb('2026-05-12', 'csat', 2),
        fb('2026-06-20', 'csat', 1),
      ],
    });
    const g = goalProgress(goal({}), b, '2026-05-15');
    expect(g.current).toBe(75);
    expect(g.progress).toBeCloseTo(0.25, 9);
    expect(g.direction).toBe('up');
    expect(g.elapsed).toBeCloseTo(45 / 91, 9);
    expect(g.status).toBe('behind'); // 25 % of the way after half the period
    expect(g.series.map((p) => p.date)).toEqual(['2026-04-07', '2026-04-14', '2026-04-21', '2026-04-28', '2026-05-05', '2026-05-12', '2026-05-15']);
    expect(g.series[0]!.value).toBe(100);
    expect(g.series.at(-1)!.value).toBe(75);
  });

  it('handles lower-is-better metrics (complaint-rate) and reports achieved / missed at the end', () => {
    const active = ['a', 'b', 'c', 'd'].map((c) => tx(c, '2026-04-02'));
    const b = book({ transactions: active, feedback: [fb('2026-04-10', 'complaint')] });
    const g = goal({ metric: 'complaint-rate', category: 'satisfaction', baseline: 40, target: 20 });
    const mid = goalProgress(g, b, '2026-05-01');
    expect(mid.direction).toBe('down');
    expect(mid.current).toBe(25);
    expect(mid.progress).toBeCloseTo(0.75, 9);
    expect(mid.status).toBe('on-track');
    expect(goalProgress({ ...g, target: 10 }, b, '2026-07-15').status).toBe('missed');
    expect(goalProgress({ ...g, target: 30 }, b, '2026-07-15').status).toBe('achieved');
  });

  it('projects a count by its pace to the end of the period', () => {
    const b = book({ transactions: [tx('a', '2026-04-03'), tx('b', '2026-04-20'), tx('c', '2026-05-01')] });
    const g = goal({ metric: 'new-customers', category: 'new-customers', baseline: 0, target: 8 });
    const r = goalProgress(g, b, '2026-05-15'); // 45 of 91 days
    expect(r.current).toBe(3);
    expect(r.projected).toBeCloseTo((3 * 91) / 45, 9);
    expect(r.status).toBe('behind');
    expect(goalProgress({ ...g, target: 6 }, b, '2026-05-15').status).toBe('on-track');
    expect(goalProgress({ ...g, target: 3 }, b, '2026-05-15').status).toBe('achieved');
  });

  it('has not started before its period and says no-data when the metric is undefined', () => {
    expect(goalProgress(goal({}), book({}), '2026-03-01')).toMatchObject({ status: 'not-started', current: null, series: [] });
    expect(goalProgress(goal({}), book({}), '2026-05-01')).toMatchObject({ status: 'no-data', current: null, progress: null });
  });

  it('scopes a tier goal with the tier map', () => {
    const b = book({ feedback: [fb('2026-04-05', 'csat', 5, 'a'), fb('2026-04-05', 'csat', 1, 'b')] });
    const tiers = new Map([
      ['a', 'gold' as const],
      ['b', 'iron' as const],
    ]);
    expect(goalProgress(goal({ scope: { kind: 'tier', tier: 'gold' } }), b, '2026-04-30', tiers).current).toBe(100);
    expect(goalProgress(goal({}), b, '2026-04-30').current).toBe(50);
  });
});
