/**
 * Rescoring a set of customers (a sync's changes): the same scores as one at a time, with the
 * book-wide reads — the stored model, and every action outcome the acceptance model learns from —
 * done once for the set, not once per customer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { dataRepo } from '../../../lib/db/repos/data';
import { scoresRepo } from '../../../lib/db/repos/scores';
import { rescoreAll, rescoreCustomer, rescoreCustomers } from '../../../lib/services/rescore';
import { generateSampleBook } from '../../../lib/sample/generate';
import { SAMPLE_AS_OF } from '../../../lib/sample/stories';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';

const sample = generateSampleBook({ customers: 60 });
let db: AppDB;

beforeEach(async () => {
  db = new AppDB('rescore-set-' + Math.random());
  await dataRepo(db).replaceAll(sample);
  await rescoreAll(db, DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const ids = sample.customers.slice(0, 8).map((c) => c.id);
const plain = <T extends { computedAt: number }>(s: T): Omit<T, 'computedAt'> => {
  const { computedAt: _c, ...rest } = s;
  return rest;
};

describe('rescoreCustomers', () => {
  it('scores each customer as rescoreCustomer does', async () => {
    const together = await rescoreCustomers(db, ids, DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF);
    expect([...together.keys()]).toEqual(ids);
    for (const id of ids) expect(plain(together.get(id)!)).toEqual(plain((await rescoreCustomer(db, id, DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF))!));
  });

  it('reads the action outcomes once for the whole set; an unknown id is skipped', async () => {
    const reads = vi.spyOn(db.actionOutcomes, 'toArray');
    const scored = await rescoreCustomers(db, [...ids, 'no-such-customer'], DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(scored.size).toBe(ids.length);
  });

  it('gives each customer its own rows: the same scores as the full rescore stored', async () => {
    const full = await scoresRepo(db).bulkGet(ids);
    const together = await rescoreCustomers(db, [...ids].reverse(), DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF);
    ids.forEach((id, i) => expect(plain(together.get(id)!), id).toEqual(plain(full[i]!)));
  });

  it('reads and writes the set in a fixed number of transactions, however many customers it holds', async () => {
    const count = async (set: string[]): Promise<number> => {
      const spy = vi.spyOn(db, 'transaction');
      await rescoreCustomers(db, set, DEFAULT_SETTINGS.scoring, SAMPLE_AS_OF);
      const n = spy.mock.calls.length;
      spy.mockRestore();
      return n;
    };
    const two = await count(ids.slice(0, 2));
    expect(two).toBeGreaterThan(0);
    expect(await count(sample.customers.slice(0, 40).map((c) => c.id))).toBe(two);
  });
});
