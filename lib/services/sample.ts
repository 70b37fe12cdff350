/**
 * "Load sample data": replaces the database with the generated sample book (relative to
 * today, so the demo always looks current), scores it, and tells every open page.
 */
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { dataRepo } from '../db/repos/data';
import { today } from '../clock';
import type { Handlers } from '../messaging/router';
import { generateSampleBook, type SampleBook } from '../sample/generate';
import type { Settings } from '../schemas/settings';
import { loadSettings } from '../settings/store';
import { broadcastDataChanged } from './broadcast';
import { rescoreAll } from './rescore';

/** Replace every data table with the book in one transaction, then score it as of `asOf`. */
export async function loadSampleBook(db: AppDB, book: SampleBook, settings: Settings, asOf: string): Promise<{ customers: number }> {
  const { customers, contacts, transactions, interactions, feedback, goals } = book;
  await dataRepo(db).replaceAll({ customers, contacts, transactions, interactions, feedback, goals });
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
