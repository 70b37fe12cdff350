/** What a page holds, for tests that hand a page a database they filled. */
import type { AppDB } from '../../../lib/db/app-db';
import type { ReadDb } from '../../../lib/db/read-db';

export const asReadDb = (db: AppDB): ReadDb => db;
