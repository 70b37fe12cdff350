/**
 * The read-only view of the database that extension pages (popup, side panel, options, their
 * Workers) hold. It is the same IndexedDB, so `useLiveQuery` sees the background's writes, but
 * the type exposes no table: pages read through the repositories' read methods only, and a
 * repository given a ReadDb offers no write method (lib/db/repo.ts). Changes go to the
 * background as messages.
 */
import { AppDB } from './app-db';

/** What a page holds: enough to name the database, nothing to touch its tables with. */
export interface ReadDb {
  readonly name: string;
  readonly verno: number;
}

let shared: AppDB | undefined;

/** The extension's database for reading in this page or Worker. */
export function openReadDb(): ReadDb {
  shared ??= new AppDB();
  return shared;
}

/** Tests give a page the database they filled. */
export function setReadDbForTests(db: AppDB | undefined): void {
  shared = db;
}
