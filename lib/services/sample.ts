/**
 * The sample book: "Load sample data" replaces the database with the generated book (relative
 * to today, so the demo always looks current; goal names in the user's language), marks it as
 * sample (lib/db/repos/sample.ts), scores it and tells every open page. "Remove sample data"
 * deletes exactly the marked rows and keeps the user's own. Pages ask the user before either.
 */
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { dataRepo } from '../db/repos/data';
import { sampleRepo } from '../db/repos/sample';
import { DATA_TABLES } from '../db/tables';
import { transact } from '../db/repo';
import { today } from '../clock';
import { resolveLocale, type Locale } from '../i18n';
import type { Handlers } from '../messaging/router';
import { generateSampleBook, type SampleBook } from '../sample/generate';
import type { Settings } from '../schemas/settings';
import { loadSettings } from '../settings/store';
import { broadcastDataChanged } from './broadcast';
import { rescoreAll } from './rescore';

/** Replace every data table with the book and mark it as sample in one transaction, then score it as of `asOf`. */
export async function loadSampleBook(db: AppDB, book: SampleBook, settings: Settings, asOf: string, now = Date.now()): Promise<{ customers: number }> {
  const { customers, contacts, transactions, interactions, feedback, goals } = book;
  await transact(db, 'rw', DATA_TABLES, async () => {
    await dataRepo(db).replaceAll({ customers, contacts, transactions, interactions, feedback, goals });
    await sampleRepo(db).putMark({ loadedAt: now, customerIds: customers.map((c) => c.id), goalIds: goals.map((g) => g.id) });
  });
  await rescoreAll(db, settings, asOf);
  return { customers: customers.length };
}

/**
 * Delete the sample rows (and their scores and actions); the user's own rows stay and are
 * rescored as of `asOf`, since the book model was fitted with the sample in it.
 */
export async function removeSampleBook(db: AppDB, settings: Settings, asOf: string): Promise<{ customers: number }> {
  const removed = await sampleRepo(db).removeMarked();
  if (removed.customers > 0 && (await dataRepo(db).counts()).customers > 0) await rescoreAll(db, settings, asOf);
  return removed;
}

const languages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : (navigator.languages ?? []));

export const sampleHandlers: Partial<Handlers> = {
  async loadSampleData({ seed, customers }) {
    const asOf = today();
    const settings = await loadSettings();
    const locale: Locale = resolveLocale(settings.language, languages());
    const result = await loadSampleBook(getDb(), generateSampleBook({ seed, customers, asOf, locale }), settings, asOf);
    await broadcastDataChanged();
    return result;
  },
  async removeSampleData() {
    const result = await removeSampleBook(getDb(), await loadSettings(), today());
    await broadcastDataChanged();
    return result;
  },
};
