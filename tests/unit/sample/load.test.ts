import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { generateSampleBook } from '../../../lib/sample/generate';
import { loadSampleBook } from '../../../lib/services/sample';
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
