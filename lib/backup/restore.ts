/** Restoring a parsed backup: the background's write (lib/services/restore-port.ts). */
import type { AppDB } from '../db/app-db';
import { dataRepo } from '../db/repos/data';
import type { Settings } from '../schemas/settings';
import type { Backup } from './backup';

/**
 * Replace every data table with the backup (one transaction; import journals and checkpoints
 * of an unfinished import go too, as they would point at rows that no longer exist). Settings
 * are returned for the caller to save through the settings store.
 */
export async function restoreBackup(db: AppDB, backup: Backup): Promise<Settings> {
  await dataRepo(db).replaceAll(backup.tables);
  return backup.settings;
}
