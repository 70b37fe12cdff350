import { AppDB } from './app-db';

let instance: AppDB | undefined;

/** The extension-origin database. Only the background and extension pages call this. */
export function getDb(): AppDB {
  instance ??= new AppDB();
  return instance;
}

/** Tests swap in a fresh database per test. */
export function setDbForTests(db: AppDB | undefined): void {
  instance = db;
}
