/**
 * The writable database handle: the background's (and tests', and the CLI's). Extension pages
 * open the same database read-only through lib/db/read-db.ts; lint keeps this module out of
 * their imports (eslint.config.js, "the background is the only writer").
 */
import { AppDB } from './app-db';

let instance: AppDB | undefined;

export function getDb(): AppDB {
  instance ??= new AppDB();
  return instance;
}

/** Tests swap in a fresh database per test. */
export function setDbForTests(db: AppDB | undefined): void {
  instance = db;
}
