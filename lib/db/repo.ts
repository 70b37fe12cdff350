/**
 * The one shape of a repository: `fooRepo(db)` returns its methods. Given the background's
 * AppDB it has reads and writes; given a page's ReadDb only reads — so a page that tries to
 * write does not compile. Tables are touched nowhere else (lint: eslint.config.js).
 */
import type { AppDB } from './app-db';
import type { ReadDb } from './read-db';
import type { TableName } from './tables';

export interface Repo<R, W> {
  (db: AppDB): R & W;
  (db: ReadDb): R;
}

export function defineRepo<R extends object, W extends object>(reads: (db: AppDB) => R, writes: (db: AppDB) => W): Repo<R, W> {
  return ((db: ReadDb) => {
    const d = db as AppDB;
    return { ...reads(d), ...writes(d) };
  }) as Repo<R, W>;
}

/** A read-only repository (derived data assembled from several tables). */
export function defineReads<R extends object>(reads: (db: AppDB) => R): (db: ReadDb | AppDB) => R {
  return (db) => reads(db as AppDB);
}

/**
 * Run `fn` in one Dexie transaction over the named tables: every repository call inside it
 * (same async flow) joins the transaction.
 */
export function transact<T>(db: AppDB, mode: 'r' | 'rw', tables: readonly TableName[], fn: () => Promise<T>): Promise<T> {
  return db.transaction(
    mode,
    tables.map((t) => db[t]),
    fn,
  );
}

/** The same for reads from a page's handle. */
export function readTogether<T>(db: ReadDb, tables: readonly TableName[], fn: () => Promise<T>): Promise<T> {
  return transact(db as AppDB, 'r', tables, fn);
}
