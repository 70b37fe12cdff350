/**
 * "Load sample data": replaces the database with the generated sample book (relative to
 * today, so the demo always looks current), scores it, and tells every open page.
 */
import { toStoredCustomer, type AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { today } from '../clock';
import type { Handlers } from '../messaging/router';
import { generateSampleBook, type SampleBook } from '../sample/generate';
import type { Settings } from '../schemas/settings';
import { loadSettings } from '../settings/store';
import { broadcastDataChanged } from './broadcast';
import { rescoreAll } from './rescore';

/** Clear every data table, write the book in one transaction, then score it as of `asOf`. */
export async function loadSampleBook(db: AppDB, book: SampleBook, settings: Settings, asOf: string): Promise<{ customers: number }> {
  const tables = [db.customers, db.contacts, db.transactions, db.interactions, db.feedback, db.goals, db.actions, db.scores, db.importLog, db.meta];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((t) => t.clear()));
    await db.customers.bulkAdd(book.customers.map(toStoredCustomer));
    await db.contacts.bulkAdd(book.contacts);
    await db.transactions.bulkAdd(book.transactions);
    await db.interactions.bulkAdd(book.interactions);
    await db.feedback.bulkAdd(book.feedback);
    await db.goals.bulkAdd(book.goals);
  });
  await rescoreAll(db, settings, asOf);
  return { customers: book.customers.length };
}

export const sampleHandlers: Partial<Handlers> = {
  async loadSampleData({ seed, customers }) {
    const asOf = today();
    const result = await loadSampleBook(getDb(), generateSampleBook({ seed, customers, asOf }), await loadSettings(), asOf);
    await broadcastDataChanged();
    return result;
  },
};
