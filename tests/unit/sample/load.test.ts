import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { generateSampleBook } from '../../../lib/sample/generate';
import { loadSampleBook, removeSampleBook } from '../../../lib/services/sample';
import { sampleRepo } from '../../../lib/db/repos/sample';
import { SAMPLE_AS_OF, STORIES } from '../../../lib/sample/stories';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`sample-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('loadSampleBook', () => {
  it('replaces existing data with the book and scores every customer', async () => {
    await db.customers.put({ id: 'OLD', name: 'Old', emails: [], createdAt: '2020-01-01', crmRefs: [], crmKeys: [] });
    const book = generateSampleBook({ customers: 120, asOf: SAMPLE_AS_OF });
    const r = await loadSampleBook(db, book, DEFAULT_SETTINGS, SAMPLE_AS_OF);
    expect(r.customers).toBe(126);
    expect(await db.customers.get('OLD')).toBeUndefined();
    expect(await db.customers.count()).toBe(126);
    expect(await db.transactions.count()).toBe(book.transactions.length);
    expect(await db.scores.count()).toBe(126);
    const story = STORIES[0]!;
    expect(await db.customers.where('crmKeys').equals(`salesforce::account:${story.crmIds.salesforce}`).first()).toMatchObject({ id: story.customerId });
    expect(await db.actions.where('status').equals('open').count()).toBeGreaterThan(0);
  });
});

describe('sample mark and removal', () => {
  const own = { id: 'MINE-1', name: 'My own customer', emails: [], createdAt: '2024-01-01', crmRefs: [] };

  it('marks the loaded book as sample, naming its customers and goals', async () => {
    const book = generateSampleBook({ customers: 20, asOf: SAMPLE_AS_OF });
    await loadSampleBook(db, book, DEFAULT_SETTINGS, SAMPLE_AS_OF, 1_700_000_000_000);
    const mark = await sampleRepo(db).mark();
    expect(mark).toMatchObject({ loadedAt: 1_700_000_000_000, goalIds: book.goals.map((g) => g.id) });
    expect(mark!.customerIds).toHaveLength(26);
  });

  it('removes exactly the sample rows with their scores and actions, keeps the user’s own and rescores them', async () => {
    const book = generateSampleBook({ customers: 20, asOf: SAMPLE_AS_OF });
    await loadSampleBook(db, book, DEFAULT_SETTINGS, SAMPLE_AS_OF);
    // The user's own rows added beside the sample (e.g. a quick-log or an import kept alongside).
    await db.customers.put({ ...own, crmKeys: [] });
    await db.transactions.put({ id: 'T-MINE', customerId: own.id, date: '2026-10-01', amount: 500, currency: 'USD' });
    await db.goals.put({ ...book.goals[0]!, id: 'G-mine', name: 'Mine' });
    const r = await removeSampleBook(db, DEFAULT_SETTINGS, SAMPLE_AS_OF);
    expect(r).toEqual({ customers: 26 });
    expect(await db.customers.toArray()).toMatchObject([{ id: own.id }]);
    expect(await db.transactions.toArray()).toMatchObject([{ id: 'T-MINE' }]);
    expect((await db.goals.toArray()).map((g) => g.id)).toEqual(['G-mine']);
    for (const t of ['contacts', 'interactions', 'feedback'] as const) expect(await db[t].count(), t).toBe(0);
    expect((await db.scores.toArray()).map((s) => s.customerId)).toEqual([own.id]);
    expect(new Set((await db.actions.toArray()).map((a) => a.customerId))).toEqual(new Set([own.id]));
    expect(await sampleRepo(db).mark()).toBeUndefined();
  });

  it('removes nothing when no sample is loaded', async () => {
    await db.customers.put({ ...own, crmKeys: [] });
    expect(await removeSampleBook(db, DEFAULT_SETTINGS, SAMPLE_AS_OF)).toEqual({ customers: 0 });
    expect(await db.customers.count()).toBe(1);
  });
});
