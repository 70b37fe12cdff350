import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../lib/clock';
import type { AppDB } from '../../../lib/db/app-db';
import { actionQueue } from '../../../lib/db/repos/action-queue';
import { scoresRepo } from '../../../lib/db/repos/scores';
import { NO_FILTERS, planDay, WEEK_DAYS, type PlanFilters } from '../../../lib/sidepanel/plan';
import { buildRankBands, RANK_BANDS_KEY } from '../../../lib/sidepanel/rank-bands';
import { loadToday, TODAY_LIMIT } from '../../../lib/sidepanel/today';
import { ACTION_KINDS, RISK_BANDS, TIERS } from '../../../lib/schemas/enums';
import type { Action, Score } from '../../../lib/schemas/domain';
import { AS_OF, action, customer, dropDb, freshDb, putCustomers, score } from './support';

let db: AppDB;
afterEach(() => dropDb(db));

/** A book of 300 customers (some unscored) with 400 open actions over the last 40 days and this week. */
beforeEach(async () => {
  db = await freshDb();
  let seed = 7;
  const rnd = (): number => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const ids = Array.from({ length: 300 }, (_, i) => `C${i}`);
  await putCustomers(
    db,
    ids.map((id) => customer(id)),
  );
  const scores: Score[] = ids
    .filter((_, i) => i % 10 !== 0)
    .map((id) =>
      score(id, {
        tier: pick(TIERS),
        risk: pick(RISK_BANDS),
        riskScore: Math.floor(rnd() * 5) * 20,
        nba: rnd() < 0.5 ? ({ kind: pick(ACTION_KINDS) } as Score['nba']) : null,
      }),
    );
  await db.scores.bulkPut(scores);
  const actions: Action[] = Array.from({ length: 400 }, (_, i) =>
    action(`A${i}`, pick(ids), { kind: pick(ACTION_KINDS), due: addDays(AS_OF, Math.floor(rnd() * 46) - 40), status: rnd() < 0.1 ? 'snoozed' : 'open' }),
  );
  await db.actions.bulkPut(actions.map((a) => (a.status === 'snoozed' ? { ...a, snoozedUntil: a.due } : a)));
});

/** The plan as the queue ranks every due action with its full score (the order Today must keep). */
async function reference(capacity: number, filters: PlanFilters) {
  const all = await actionQueue(db).today(addDays(AS_OF, WEEK_DAYS), Number.MAX_SAFE_INTEGER);
  const ranked = all.map((e) => ({ action: e.action, ...(e.score ? { score: { tier: e.score.tier } } : {}) }));
  return planDay(ranked, AS_OF, capacity, filters);
}

const ids = (rows: readonly { action: Action }[]): string[] => rows.map((r) => r.action.id);

describe('Today read small', () => {
  const cases: [string, number, PlanFilters, boolean, boolean][] = [
    ['the default plan', 15, NO_FILTERS, false, false],
    ['a plan of one', 1, NO_FILTERS, false, false],
    ['the backlog opened', 15, NO_FILTERS, true, false],
    ['this week opened', 15, NO_FILTERS, false, true],
    ['a tier filter', 5, { tiers: ['gold', 'none'], kinds: [] }, true, true],
    ['a kind filter', 3, { tiers: [], kinds: ['revisit', 'win-back'] }, true, false],
  ];
  for (const stored of [false, true])
    for (const [name, capacity, filters, backlog, week] of cases)
      it(`shows the rows the full ranking shows: ${name}${stored ? ', rank bands stored' : ''}`, async () => {
        if (stored) await db.meta.put({ key: RANK_BANDS_KEY, value: buildRankBands(await scoresRepo(db).bands(), 1) });
        const data = await loadToday(db, AS_OF, { filters, due: capacity + (backlog ? TODAY_LIMIT : 0), week: week ? TODAY_LIMIT : 0 });
        const plan = planDay(data.ranked, AS_OF, capacity, filters);
        const want = await reference(capacity, filters);
        expect(ids(plan.planned)).toEqual(ids(want.planned));
        expect(plan.backlog).toHaveLength(want.backlog.length);
        expect(plan.week).toHaveLength(want.week.length);
        expect(ids(plan.stale).sort()).toEqual(ids(want.stale).sort());
        if (backlog) expect(ids(plan.backlog.slice(0, TODAY_LIMIT))).toEqual(ids(want.backlog.slice(0, TODAY_LIMIT)));
        if (week) expect(ids(plan.week.slice(0, TODAY_LIMIT))).toEqual(ids(want.week.slice(0, TODAY_LIMIT)));
        // every shown row has its customer and, when scored, its risk score
        for (const r of [...plan.planned, ...(backlog ? plan.backlog : []), ...(week ? plan.week : [])].slice(0, capacity + (backlog ? TODAY_LIMIT : 0))) {
          expect(data.known.has(r.action.customerId)).toBe(true);
          if (r.score) expect(r.score.riskScore).toBeTypeOf('number');
        }
        expect(data.total).toBe((await actionQueue(db).today(addDays(AS_OF, WEEK_DAYS), Number.MAX_SAFE_INTEGER)).length);
      });

  it('gives every count right at once for a filter the read was not made for', async () => {
    const data = await loadToday(db, AS_OF, { filters: NO_FILTERS, due: 15, week: 0 });
    for (const filters of [
      { tiers: ['iron'], kinds: [] },
      { tiers: [], kinds: ['revisit'] },
    ] as PlanFilters[]) {
      const plan = planDay(data.ranked, AS_OF, 15, filters);
      const want = await reference(15, filters);
      expect([plan.planned.length, plan.backlog.length, plan.week.length]).toEqual([want.planned.length, want.backlog.length, want.week.length]);
      expect(ids(plan.stale).sort()).toEqual(ids(want.stale).sort());
    }
  });

  it('reads score rows only for the rank classes of the rows shown', async () => {
    const data = await loadToday(db, AS_OF, { filters: NO_FILTERS, due: 1, week: 0 });
    const withRiskScore = data.ranked.filter((r) => r.score?.riskScore !== undefined).length;
    expect(withRiskScore).toBeGreaterThan(0);
    expect(withRiskScore).toBeLessThan(data.ranked.length / 4);
  });
});
