import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppDB } from '../../../lib/db/app-db';
import { dataRepo } from '../../../lib/db/repos/data';
import { setDbForTests } from '../../../lib/db/db';
import { actionsHandlers, applyActionUpdate } from '../../../lib/services/actions';
import { actionQueue } from '../../../lib/db/repos/action-queue';
import type { AppDB as Db } from '../../../lib/db/app-db';

const openActionsFor = (db: Db, customerId: string, asOf: string) => actionQueue(db).openFor(customerId, asOf);
const todayQueue = (db: Db, asOf: string, limit: number) => actionQueue(db).today(asOf, limit);
import { rescoreAll } from '../../../lib/services/rescore';
import { generateSampleBook } from '../../../lib/sample/generate';
import { SAMPLE_AS_OF } from '../../../lib/sample/stories';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';

const sample = generateSampleBook({ customers: 120 });
const settings = DEFAULT_SETTINGS.scoring;
const at = (d: string): number => Date.parse(`${d}T10:00:00Z`);
let db: AppDB;

beforeEach(async () => {
  db = new AppDB('actions-' + Math.random());
  await dataRepo(db).replaceAll(sample);
  await rescoreAll(db, settings, SAMPLE_AS_OF);
});
afterEach(async () => {
  setDbForTests(undefined);
  db.close();
  await db.delete();
});

describe('updateAction', () => {
  it('done: the action is done, and a done service recovery closes the complaints behind it', async () => {
    const r = await applyActionUpdate(db, { actionId: 'C-1003:service-recovery', status: 'done' }, settings, SAMPLE_AS_OF, at(SAMPLE_AS_OF));
    expect(r.status).toBe('done');
    const score = (await db.scores.get('C-1003'))!;
    expect(score.nba?.kind).not.toBe('service-recovery');
    expect(score.reasons.find((f) => f.id === 'open-complaints')).toBeUndefined();
    expect(score.lastContact).toBe(SAMPLE_AS_OF);
  });

  it('dismissed with a reason rests the kind; reopen (undo) brings it back', async () => {
    const r = await applyActionUpdate(db, { actionId: 'C-1001:cross-sell', status: 'dismissed', reason: 'not now' }, settings, SAMPLE_AS_OF, at(SAMPLE_AS_OF));
    expect(r).toMatchObject({ status: 'dismissed', statusReason: 'not now' });
    expect((await db.scores.get('C-1001'))!.nba?.kind).not.toBe('cross-sell');
    expect((await openActionsFor(db, 'C-1001', SAMPLE_AS_OF)).map((a) => a.kind)).not.toContain('cross-sell');
    const undone = await applyActionUpdate(db, { actionId: 'C-1001:cross-sell', status: 'open' }, settings, SAMPLE_AS_OF, at(SAMPLE_AS_OF));
    expect(undone.status).toBe('open');
    expect(undone.statusReason).toBeUndefined();
    expect((await db.scores.get('C-1001'))!.nba?.kind).toBe('cross-sell');
    // 31 days after a dismissal the recommendation may come back; the old row is kept as history
    await applyActionUpdate(db, { actionId: 'C-1001:cross-sell', status: 'dismissed', reason: 'again' }, settings, SAMPLE_AS_OF, at(SAMPLE_AS_OF));
    await rescoreAll(db, settings, '2026-12-22');
    const rows = await db.actions
      .where('customerId')
      .equals('C-1001')
      .filter((a) => a.kind === 'cross-sell')
      .toArray();
    expect(rows.map((a) => [a.id, a.status]).sort()).toEqual([
      ['C-1001:cross-sell', 'open'],
      ['C-1001:cross-sell@2026-11-20', 'dismissed'],
    ]);
  });

  it('snoozed: needs a later date, hides the action until then', async () => {
    await expect(applyActionUpdate(db, { actionId: 'C-1001:cross-sell', status: 'snoozed' }, settings, SAMPLE_AS_OF, at(SAMPLE_AS_OF))).rejects.toMatchObject({
      error: { code: 'snooze.until-required', field: 'snoozedUntil' },
    });
    await expect(
      applyActionUpdate(db, { actionId: 'C-1001:cross-sell', status: 'snoozed', snoozedUntil: SAMPLE_AS_OF }, settings, SAMPLE_AS_OF, at(SAMPLE_AS_OF)),
    ).rejects.toMatchObject({ error: { code: 'snooze.not-after-today' } });
    const r = await applyActionUpdate(
      db,
      { actionId: 'C-1001:cross-sell', status: 'snoozed', snoozedUntil: '2026-11-27' },
      settings,
      SAMPLE_AS_OF,
      at(SAMPLE_AS_OF),
    );
    expect(r).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-11-27', due: '2026-11-27' });
    expect((await openActionsFor(db, 'C-1001', SAMPLE_AS_OF)).map((a) => a.kind)).not.toContain('cross-sell');
    expect((await openActionsFor(db, 'C-1001', '2026-11-27')).map((a) => a.kind)).toContain('cross-sell');
    expect((await todayQueue(db, '2026-11-27', 1000)).some((e) => e.action.id === 'C-1001:cross-sell')).toBe(true);
  });

  it('refuses an unknown action or a snooze into the past with a code naming the field', async () => {
    await expect(applyActionUpdate(db, { actionId: 'nope', status: 'done' }, settings, SAMPLE_AS_OF, 0)).rejects.toMatchObject({
      error: { code: 'action.unknown', field: 'actionId', params: { actionId: 'nope' } },
    });
    await expect(
      applyActionUpdate(db, { actionId: 'C-1001:cross-sell', status: 'snoozed', snoozedUntil: SAMPLE_AS_OF }, settings, SAMPLE_AS_OF, 0),
    ).rejects.toMatchObject({ error: { code: 'snooze.not-after-today', field: 'snoozedUntil', params: { value: SAMPLE_AS_OF, today: SAMPLE_AS_OF } } });
  });

  it('the background handler updates the stored action and tells open pages', async () => {
    setDbForTests(db);
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([] as never);
    const r = await actionsHandlers.updateAction!(
      { actionId: 'C-1006:value-review', status: 'dismissed', reason: 'contract renegotiated' },
      { id: 'ext', extensionPage: true },
    );
    expect(r).toMatchObject({ id: 'C-1006:value-review', status: 'dismissed', statusReason: 'contract renegotiated' });
    expect((await db.actions.get('C-1006:value-review'))?.status).toBe('dismissed');
    expect(sent).toHaveBeenCalledWith({ type: 'rapport:data-changed', customerIds: ['C-1006'] });
    vi.restoreAllMocks();
  });
});

describe('the action queue: today and one customer', () => {
  it('lists due and overdue actions, at-risk key accounts first (预警), nothing due later', async () => {
    const q = await todayQueue(db, SAMPLE_AS_OF, 1000);
    expect(q.length).toBeGreaterThan(0);
    expect(q.every((e) => e.action.due <= SAMPLE_AS_OF && (e.action.status === 'open' || e.action.status === 'snoozed'))).toBe(true);
    const firstNotKey = q.findIndex((e) => !e.keyAccountAtRisk);
    expect(q.slice(firstNotKey).some((e) => e.keyAccountAtRisk)).toBe(false);
    expect(q[0]!.keyAccountAtRisk).toBe(true);
    expect(q.some((e) => e.action.customerId === 'C-1003' && e.action.kind === 'service-recovery')).toBe(true);
    expect(await todayQueue(db, SAMPLE_AS_OF, 2)).toHaveLength(2);
  });

  it("puts a customer's next best action first", async () => {
    const open = await openActionsFor(db, 'C-1002', SAMPLE_AS_OF);
    expect(open[0]!.kind).toBe('exec-sponsor');
    expect(await openActionsFor(db, 'nobody', SAMPLE_AS_OF)).toEqual([]);
  });
});
