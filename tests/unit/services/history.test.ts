import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { dataRepo } from '../../../lib/db/repos/data';
import { addDays } from '../../../lib/clock';
import { scoresRepo } from '../../../lib/db/repos/scores';
import { scoreHistoryRepo } from '../../../lib/db/repos/score-history';
import { FOLLOW_UP_DAYS, outcomesRepo } from '../../../lib/db/repos/outcomes';
import { applyActionUpdate } from '../../../lib/services/actions';
import { rescoreAll, rescoreCustomer } from '../../../lib/services/rescore';
import { generateSampleBook } from '../../../lib/sample/generate';
import { SAMPLE_AS_OF } from '../../../lib/sample/stories';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';
import { ScoreHistoryRowSchema, ActionOutcomeRowSchema } from '../../../lib/schemas/history';

const sample = generateSampleBook({ customers: 120 });
const settings = DEFAULT_SETTINGS.scoring;
const at = (d: string): number => Date.parse(`${d}T10:00:00Z`);
let db: AppDB;

beforeEach(async () => {
  db = new AppDB('history-' + Math.random());
  await dataRepo(db).replaceAll(sample);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('score history on a full rescore', () => {
  it('the first rescore writes one valid row per customer; the same day again adds nothing', async () => {
    await rescoreAll(db, settings, SAMPLE_AS_OF);
    const rows = await db.scoreHistory.toArray();
    expect(rows).toHaveLength(sample.customers.length);
    for (const r of rows) expect(ScoreHistoryRowSchema.safeParse(r).success).toBe(true);
    const score = (await db.scores.get('C-1003'))!;
    const [row] = await scoreHistoryRepo(db).forCustomer('C-1003');
    expect(row).toMatchObject({ id: `C-1003|${SAMPLE_AS_OF}`, date: SAMPLE_AS_OF, tier: score.tier, riskScore: score.riskScore, nba: score.nba?.kind });
    await rescoreAll(db, settings, SAMPLE_AS_OF);
    expect(await db.scoreHistory.count()).toBe(sample.customers.length);
  });

  it('a day later only changed scores get a row; a week later everyone does', async () => {
    await rescoreAll(db, settings, SAMPLE_AS_OF);
    const next = addDays(SAMPLE_AS_OF, 1);
    await rescoreAll(db, settings, next);
    const dayRows = await db.scoreHistory.where('date').equals(next).count();
    expect(dayRows).toBeLessThan(sample.customers.length);
    const week = addDays(SAMPLE_AS_OF, 7);
    await rescoreAll(db, settings, week);
    expect(await db.scoreHistory.where('date').equals(week).count()).toBe(sample.customers.length);
    // a week ago is found for everyone: the row on or before that day
    const then = await scoreHistoryRepo(db).at('C-1003', addDays(week, -7));
    expect(then?.date).toBe(SAMPLE_AS_OF);
  });

  it('tier moves count customers whose tier differs between two days', async () => {
    await db.scoreHistory.bulkPut([
      { id: 'a|2026-01-01', customerId: 'a', date: '2026-01-01', tier: 'gold', risk: 'low', riskScore: 10, clv: 1, pAlive: 1, reasons: [] },
      { id: 'a|2026-02-01', customerId: 'a', date: '2026-02-01', tier: 'iron', risk: 'low', riskScore: 10, clv: 1, pAlive: 1, reasons: [] },
      { id: 'b|2026-01-01', customerId: 'b', date: '2026-01-01', tier: 'gold', risk: 'low', riskScore: 10, clv: 1, pAlive: 1, reasons: [] },
      { id: 'b|2026-03-01', customerId: 'b', date: '2026-03-01', tier: 'platinum', risk: 'low', riskScore: 10, clv: 1, pAlive: 1, reasons: [] },
      { id: 'c|2026-01-01', customerId: 'c', date: '2026-01-01', tier: 'gold', risk: 'low', riskScore: 10, clv: 1, pAlive: 1, reasons: [] },
    ]);
    const moves = await scoreHistoryRepo(db).tierMoves('2026-01-15', '2026-02-15');
    expect(moves).toEqual([{ from: 'gold', to: 'iron', customers: 1 }]);
    const later = await scoreHistoryRepo(db).tierMoves('2026-01-15', '2026-03-15');
    expect(later).toHaveLength(2);
  });

  it('rows older than the kept span are pruned', async () => {
    await db.scoreHistory.put({
      id: 'old|2020-01-01',
      customerId: 'old',
      date: '2020-01-01',
      tier: 'gold',
      risk: 'low',
      riskScore: 1,
      clv: 1,
      pAlive: 1,
      reasons: [],
    });
    await rescoreAll(db, settings, SAMPLE_AS_OF);
    expect(await db.scoreHistory.get('old|2020-01-01')).toBeUndefined();
  });

  it('the model and the risk back-test are stored for the side panel', async () => {
    await rescoreAll(db, settings, SAMPLE_AS_OF);
    const bt = (await scoresRepo(db).getBacktest())!;
    expect(bt.horizonDays).toBe(settings.riskHorizonDays);
    expect(bt.customers).toBeGreaterThan(0);
    expect((await scoresRepo(db).getModel())!.asOf).toBe(SAMPLE_AS_OF);
  });
});

describe('action outcomes', () => {
  it('done, dismissed and snoozed decisions are recorded with the risk then; undo forgets them', async () => {
    await rescoreAll(db, settings, SAMPLE_AS_OF);
    const risk = (await db.scores.get('C-1003'))!.churnRisk;
    await applyActionUpdate(db, { actionId: 'C-1003:service-recovery', status: 'done' }, settings, SAMPLE_AS_OF, at(SAMPLE_AS_OF));
    await applyActionUpdate(db, { actionId: 'C-1001:cross-sell', status: 'dismissed', reason: 'not now' }, settings, SAMPLE_AS_OF, at(SAMPLE_AS_OF));
    const rows = await outcomesRepo(db).all();
    for (const r of rows) expect(ActionOutcomeRowSchema.safeParse(r).success).toBe(true);
    expect(rows.find((r) => r.customerId === 'C-1003')).toMatchObject({ kind: 'service-recovery', outcome: 'done', riskBefore: risk, date: SAMPLE_AS_OF });
    expect(rows.find((r) => r.customerId === 'C-1001')).toMatchObject({ outcome: 'dismissed', reason: 'not now' });
    await applyActionUpdate(db, { actionId: 'C-1001:cross-sell', status: 'open' }, settings, SAMPLE_AS_OF, at(SAMPLE_AS_OF));
    expect((await outcomesRepo(db).forCustomer('C-1001')).length).toBe(0);
  });

  it('four weeks after a done action the full rescore reads the risk again', async () => {
    await rescoreAll(db, settings, SAMPLE_AS_OF);
    await applyActionUpdate(db, { actionId: 'C-1003:service-recovery', status: 'done' }, settings, SAMPLE_AS_OF, at(SAMPLE_AS_OF));
    await rescoreAll(db, settings, addDays(SAMPLE_AS_OF, FOLLOW_UP_DAYS - 1));
    expect((await outcomesRepo(db).forCustomer('C-1003'))[0]!.riskAfter).toBeUndefined();
    const later = addDays(SAMPLE_AS_OF, FOLLOW_UP_DAYS);
    await rescoreAll(db, settings, later);
    const [row] = await outcomesRepo(db).forCustomer('C-1003');
    expect(row!.riskAfter).toBe((await db.scores.get('C-1003'))!.churnRisk);
  });

  it('an open action that fell due and left the plan unseen is recorded as expired', async () => {
    await rescoreAll(db, settings, SAMPLE_AS_OF);
    const open = (await db.actions.where('status').equals('open').toArray()).filter((a) => a.due < addDays(SAMPLE_AS_OF, 200));
    expect(open.length).toBeGreaterThan(0);
    // far ahead, the plan changes for many customers: what went away overdue is "expired"
    await rescoreAll(db, settings, addDays(SAMPLE_AS_OF, 200));
    const expired = (await outcomesRepo(db).all()).filter((o) => o.outcome === 'expired');
    for (const e of expired) {
      expect(open.some((a) => a.id === e.actionId)).toBe(true);
      expect(await db.actions.get(e.actionId)).toBeUndefined();
    }
    expect(expired.length).toBeGreaterThan(0);
  });

  it('the incremental rescore writes a history row when the score changed', async () => {
    await rescoreAll(db, settings, SAMPLE_AS_OF);
    const next = addDays(SAMPLE_AS_OF, 40);
    const before = (await db.scores.get('C-1003'))!;
    const after = (await rescoreCustomer(db, 'C-1003', settings, next))!;
    const rows = await scoreHistoryRepo(db).forCustomer('C-1003');
    const changedScore =
      after.tier !== before.tier || after.risk !== before.risk || Math.abs(after.riskScore - before.riskScore) >= 2 || after.nba?.kind !== before.nba?.kind;
    expect(rows.map((r) => r.date)).toEqual(changedScore ? [SAMPLE_AS_OF, next] : [SAMPLE_AS_OF]);
    expect(changedScore).toBe(true);
  });
});
