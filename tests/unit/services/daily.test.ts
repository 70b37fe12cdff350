import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDB, toStoredCustomer } from '../../../lib/db/app-db';
import { nextRun, rescoreIfStale } from '../../../lib/services/daily';
import { rescoreAll } from '../../../lib/services/rescore';
import { generateSampleBook } from '../../../lib/sample/generate';
import { SAMPLE_AS_OF } from '../../../lib/sample/stories';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB('daily-' + Math.random());
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the daily rescore', () => {
  it('an empty book is never rescored', async () => {
    const queue = vi.fn(async (_day: string) => ({ customers: 0 }));
    expect(await rescoreIfStale(db, '2026-12-03', queue)).toBe(false);
    expect(queue).not.toHaveBeenCalled();
  });

  it('rescores when the stored scores are from an earlier day, not when they are from today', async () => {
    const book = generateSampleBook({ customers: 40 });
    await db.customers.bulkAdd(book.customers.map(toStoredCustomer));
    await db.transactions.bulkAdd(book.transactions);
    const queue = vi.fn(async (_day: string) => ({ customers: 0 }));
    expect(await rescoreIfStale(db, SAMPLE_AS_OF, queue)).toBe(true); // no model yet
    await rescoreAll(db, DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF);
    expect(await rescoreIfStale(db, SAMPLE_AS_OF, queue)).toBe(false);
    expect(await rescoreIfStale(db, '2099-01-01', queue)).toBe(true);
    expect(queue.mock.calls).toEqual([[SAMPLE_AS_OF], ['2099-01-01']]);
  });

  it('runs a few minutes past the next local midnight, in the browser time zone', () => {
    // vitest pins TZ to Pacific/Kiritimati (UTC+14): 13:00Z on 3 Dec is 03:00 on 4 Dec there
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Pacific/Kiritimati');
    expect(new Date(nextRun(Date.parse('2026-12-03T13:00:00Z'))).toISOString()).toBe('2026-12-04T10:05:00.000Z');
    // just before local midnight: tonight, not tomorrow night
    expect(new Date(nextRun(Date.parse('2026-12-04T09:59:00Z'))).toISOString()).toBe('2026-12-04T10:05:00.000Z');
  });
});
