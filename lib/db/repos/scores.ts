/**
 * Scores (one row per customer) and the stored book model (meta 'bookModel') that lets one
 * customer be rescored alone after a quick-log without refitting the whole book.
 */
import type { AppDB } from '../app-db';
import type { Score } from '../../schemas/domain';
import type { BookModel } from '../../scoring/types';

export const BOOK_MODEL_KEY = 'bookModel';

export const scoresRepo = {
  get(db: AppDB, customerId: string): Promise<Score | undefined> {
    return db.scores.get(customerId);
  },
  bulkGet(db: AppDB, customerIds: readonly string[]): Promise<(Score | undefined)[]> {
    return db.scores.bulkGet([...customerIds]);
  },
  async putMany(db: AppDB, scores: readonly Score[]): Promise<void> {
    await db.scores.bulkPut([...scores]);
  },
  async getModel(db: AppDB): Promise<BookModel | undefined> {
    const row = await db.meta.get(BOOK_MODEL_KEY);
    return row?.value as BookModel | undefined;
  },
  async putModel(db: AppDB, model: BookModel): Promise<void> {
    await db.meta.put({ key: BOOK_MODEL_KEY, value: model });
  },
};
