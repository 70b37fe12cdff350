import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { dataRepo } from '../../../lib/db/repos/data';
import { BOOK_MODEL_KEY, scoresRepo } from '../../../lib/db/repos/scores';
import { rescoreAll, rescoreCustomer } from '../../../lib/services/rescore';
import { generateSampleBook } from '../../../lib/sample/generate';
import { SAMPLE_AS_OF } from '../../../lib/sample/stories';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';
import type { BookModel } from '../../../lib/scoring/types';

const sample = generateSampleBook({ customers: 150 });
let db: AppDB;

async function load(): Promise<void> {
  await dataRepo(db).replaceAll(sample);
}

beforeEach(async () => {
  db = new AppDB('rescore-' + Math.random());
  await load();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('rescoreAll', () => {
  it('scores every customer, stores the model and materialises open actions with deterministic ids', async () => {
    const progress: [number, number][] = [];
    const r = await rescoreAll(db, DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF, (done, total) => progress.push([done, total]));
    expect(r.customers).toBe(sample.customers.length);
    expect(r.ms).toBeGreaterThan(0);
    expect(await db.scores.count()).toBe(sample.customers.length);
    expect(progress[0]).toEqual([0, sample.customers.length]);
    expect(progress.at(-1)).toEqual([sample.customers.length, sample.customers.length]);
    const model = (await db.meta.get(BOOK_MODEL_KEY))!.value as BookModel;
    expect(model).toMatchObject({ asOf: SAMPLE_AS_OF, unit: 'day' });
    const score = (await db.scores.get('C-1003'))!;
    expect(score.nba?.kind).toBe('service-recovery');
    const open = await db.actions.where('[customerId+status]').equals(['C-1003', 'open']).toArray();
    expect(open.map((a) => a.id)).toContain('C-1003:service-recovery');
    expect(open.length).toBeLessThanOrEqual(3);
    expect(open.find((a) => a.kind === 'service-recovery')!.reason).toBe(score.nba!.reason);
  });

  it('accepts the whole settings object too, and is idempotent', async () => {
    await rescoreAll(db, DEFAULT_SETTINGS, SAMPLE_AS_OF);
    const first = await db.actions.toArray();
    await rescoreAll(db, DEFAULT_SETTINGS, SAMPLE_AS_OF);
    const second = await db.actions.toArray();
    expect(second.map((a) => [a.id, a.status, a.due])).toEqual(first.map((a) => [a.id, a.status, a.due]));
  });

  it("keeps the user's dismissed and snoozed actions on a full rescore", async () => {
    await rescoreAll(db, DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF);
    const now = Date.parse(`${SAMPLE_AS_OF}T09:00:00Z`);
    await db.actions.update('C-1003:service-recovery', { status: 'dismissed', statusReason: 'handled by support', updatedAt: now });
    await db.actions.update('C-1001:cross-sell', { status: 'snoozed', snoozedUntil: '2026-12-01', due: '2026-12-01', updatedAt: now });
    await rescoreAll(db, DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF);
    expect(await db.actions.get('C-1003:service-recovery')).toMatchObject({ status: 'dismissed', statusReason: 'handled by support' });
    expect(await db.actions.get('C-1001:cross-sell')).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-12-01' });
    expect((await db.scores.get('C-1003'))!.nba?.kind).not.toBe('service-recovery');
    expect((await db.scores.get('C-1001'))!.nba?.kind).not.toBe('cross-sell');
    // after the snooze ends the action is open again
    await rescoreAll(db, DEFAULT_SETTINGS.scoring, '2026-12-02');
    expect((await db.actions.get('C-1001:cross-sell'))?.status).toBe('open');
  });

  it('drops scores and open actions of customers that are gone', async () => {
    await rescoreAll(db, DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF);
    await db.customers.delete('C-1004');
    await rescoreAll(db, DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF);
    expect(await db.scores.get('C-1004')).toBeUndefined();
    expect(
      await db.actions
        .where('customerId')
        .equals('C-1004')
        .filter((a) => a.status === 'open')
        .count(),
    ).toBe(0);
  });
});

describe('rescoreCustomer', () => {
  it('rescores one customer with the stored model, without refitting', async () => {
    await rescoreAll(db, DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF);
    const model = await scoresRepo(db).getModel();
    const before = (await db.scores.get('C-1005'))!;
    await db.interactions.add({
      id: 'new',
      customerId: 'C-1005',
      date: SAMPLE_AS_OF,
      channel: 'visit',
      summary: '回访',
      sentiment: 'positive',
      contact: '张伟',
    });
    const after = (await rescoreCustomer(db, 'C-1005', DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF))!;
    expect(after.lastContact).toBe(SAMPLE_AS_OF);
    expect(after.riskScore).toBeLessThan(before.riskScore);
    expect(await db.scores.get('C-1005')).toEqual(after);
    expect((await scoresRepo(db).getModel())!.fittedAt).toBe(model!.fittedAt);
  });

  it('fits the book first when no model is stored, and answers null for an unknown customer', async () => {
    const s = await rescoreCustomer(db, 'C-1002', DEFAULT_SETTINGS, SAMPLE_AS_OF);
    expect(s).toMatchObject({ customerId: 'C-1002', tier: 'platinum', risk: 'high' });
    expect(await scoresRepo(db).getModel()).toBeDefined();
    expect(await db.scores.count()).toBe(sample.customers.length);
    expect(await rescoreCustomer(db, 'nobody', DEFAULT_SETTINGS, SAMPLE_AS_OF)).toBeNull();
  });
});
