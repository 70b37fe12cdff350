import { describe, expect, it } from 'vitest';
import { isStaleRevisit, planDay, type PlanEntry } from '../../../lib/sidepanel/plan';
import type { ActionKind, Tier } from '../../../lib/schemas/enums';

const AS_OF = '2026-12-03';
const entry = (id: string, due: string, kind: ActionKind = 'survey', tier?: Tier): PlanEntry & { id: string } => ({
  id,
  action: { id, customerId: id, kind, status: 'open', due, reason: 'reason.contact-gap', createdAt: 0, updatedAt: 0 },
  ...(tier ? { score: { tier } } : {}),
});

describe('planDay', () => {
  const ranked = [
    entry('a', '2026-12-01', 'service-recovery', 'platinum'),
    entry('b', '2026-12-05', 'survey', 'gold'),
    entry('c', '2026-08-01', 'revisit', 'iron'),
    entry('d', '2026-12-03', 'revisit', 'gold'),
    entry('e', '2026-12-09', 'revisit', 'iron'),
    entry('f', '2026-12-10', 'survey', 'iron'),
    entry('g', '2026-11-02', 'revisit'),
  ];

  it('plans the first `capacity` due actions in rank order; the rest is backlog, the next six days are this week', () => {
    const plan = planDay(ranked, AS_OF, 2);
    expect(plan.planned.map((e) => e.id)).toEqual(['a', 'c']);
    expect(plan.backlog.map((e) => e.id)).toEqual(['d', 'g']);
    expect(plan.week.map((e) => e.id)).toEqual(['b', 'e']); // f is 7 days out
    // revisits more than 30 days overdue
    expect(plan.stale.map((e) => e.id)).toEqual(['c', 'g']);
  });

  it('filters by tier (none = unscored) and kind before planning', () => {
    expect(planDay(ranked, AS_OF, 5, { tiers: ['gold'], kinds: [] }).planned.map((e) => e.id)).toEqual(['d']);
    expect(planDay(ranked, AS_OF, 5, { tiers: ['none'], kinds: [] }).planned.map((e) => e.id)).toEqual(['g']);
    const revisits = planDay(ranked, AS_OF, 1, { tiers: [], kinds: ['revisit'] });
    expect([revisits.planned.map((e) => e.id), revisits.backlog.map((e) => e.id), revisits.week.map((e) => e.id)]).toEqual([['c'], ['d', 'g'], ['e']]);
  });

  it('a revisit is stale after 30 days overdue, not on the 30th', () => {
    expect(isStaleRevisit({ kind: 'revisit', due: '2026-11-03' }, AS_OF)).toBe(false);
    expect(isStaleRevisit({ kind: 'revisit', due: '2026-11-02' }, AS_OF)).toBe(true);
    expect(isStaleRevisit({ kind: 'survey', due: '2026-01-02' }, AS_OF)).toBe(false);
  });

  it('refuses a capacity that is not a positive whole number', () => {
    expect(() => planDay(ranked, AS_OF, 0)).toThrow(/capacity must be a whole number of at least 1 \(got 0\)/);
    expect(() => planDay(ranked, AS_OF, 2.5)).toThrow(/got 2.5/);
  });
});
