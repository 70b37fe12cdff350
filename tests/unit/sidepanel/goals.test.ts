import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { GoalValidationError, goalsRepo } from '../../../lib/db/repos/goals';
import { draftFromGoal, emptyDraft, parseNumberInput, validateGoalDraft } from '../../../lib/sidepanel/goal-form';

const identity = { id: 'g1', createdAt: 1 };

describe('goal form', () => {
  it('turns a complete draft into a goal with an exclusive period end', () => {
    const draft = { ...emptyDraft('2026-11-20'), name: ' CSAT 90 % ', target: '90', baseline: '82,5' };
    const r = validateGoalDraft(draft, identity);
    expect(r).toEqual({
      ok: true,
      goal: {
        id: 'g1',
        name: 'CSAT 90 %',
        category: 'satisfaction',
        metric: 'csat',
        target: 90,
        baseline: 82.5,
        periodStart: '2026-10-01',
        periodEnd: '2027-01-01',
        scope: { kind: 'all' },
        archived: false,
        createdAt: 1,
      },
    });
    if (r.ok) expect(draftFromGoal(r.goal)).toMatchObject({ periodLast: '2026-12-31', target: '90', baseline: '82.5' });
  });

  it('names every bad field', () => {
    const r = validateGoalDraft(
      {
        ...emptyDraft('2026-11-20'),
        name: '',
        target: 'ninety',
        baseline: '',
        periodStart: '2026-02-30',
        periodLast: '2026-01-01',
        scopeKind: 'segment',
        scopeSegment: ' ',
      },
      identity,
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        name: 'sidepanel.goals.error.required',
        target: 'sidepanel.goals.error.number',
        baseline: 'sidepanel.goals.error.required',
        periodStart: 'sidepanel.goals.error.date',
        scope: 'sidepanel.goals.error.required',
      },
    });
  });

  it('refuses an end before the start and a target equal to the baseline', () => {
    const base = { ...emptyDraft('2026-11-20'), name: 'x', target: '5', baseline: '5' };
    expect(validateGoalDraft({ ...base, periodLast: '2026-09-30' }, identity)).toEqual({
      ok: false,
      errors: { periodLast: 'sidepanel.goals.error.endBeforeStart' },
    });
    expect(validateGoalDraft(base, identity)).toEqual({ ok: false, errors: { target: 'sidepanel.goals.error.targetEqualsBaseline' } });
  });

  it('parses numbers as people type them', () => {
    expect(parseNumberInput(' 1 200 ')).toBe(1200);
    expect(parseNumberInput('12%')).toBe(12);
    expect(parseNumberInput('-3.5')).toBe(-3.5);
    expect(parseNumberInput('12.5.3')).toBeNull();
    expect(parseNumberInput('1O0')).toBeNull();
  });
});

describe('goals repo', () => {
  let db: AppDB;
  beforeEach(async () => {
    db = new AppDB(`goals-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  const goal = (id: string, createdAt: number) => ({
    id,
    name: id,
    category: 'loyalty',
    metric: 'retention',
    target: 90,
    baseline: 80,
    periodStart: '2026-10-01',
    periodEnd: '2027-01-01',
    scope: { kind: 'tier', tier: 'gold' },
    archived: false,
    createdAt,
  });

  it('saves, lists newest first, archives and restores', async () => {
    const repo = goalsRepo(db);
    await repo.save(goal('a', 1));
    await repo.save(goal('b', 2));
    expect((await repo.listActive()).map((g) => g.id)).toEqual(['b', 'a']);
    await repo.setArchived('a', true);
    expect((await repo.listActive()).map((g) => g.id)).toEqual(['b']);
    expect((await repo.listArchived()).map((g) => g.id)).toEqual(['a']);
    await repo.setArchived('a', false);
    expect((await repo.listActive()).map((g) => g.id)).toEqual(['b', 'a']);
    await expect(repo.setArchived('zzz', true)).rejects.toMatchObject({ error: { code: 'goal.unknown', params: { goalId: 'zzz' } } });
  });

  it('refuses an invalid goal before writing, naming the fields', async () => {
    const repo = goalsRepo(db);
    const bad = { ...goal('c', 3), metric: 'happiness', target: Number.NaN };
    const err = await repo.save(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GoalValidationError);
    expect((err as GoalValidationError).errors.map((e) => [e.field, e.code])).toEqual([
      ['metric', 'value.not-allowed'],
      ['target', 'value.type'],
    ]);
    await expect(repo.save({ ...goal('d', 4), periodEnd: '2026-10-01' })).rejects.toMatchObject({
      error: { code: 'goal.end-before-start', field: 'periodEnd' },
    });
    expect(await db.goals.count()).toBe(0);
  });
});
