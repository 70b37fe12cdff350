/**
 * The stored settings item: one row, key `settings`, in the extension-origin database (content
 * scripts cannot write it). The value is raw: lib/settings/read-settings.ts migrates, merges
 * the defaults and validates it on every read.
 */
import { defineRepo } from '../repo';

export const SETTINGS_KEY = 'settings';

export const settingsRepo = defineRepo(
  (db) => ({
    /** The stored value as written (undefined before the first save). */
    async raw(): Promise<unknown> {
      return (await db.settings.get(SETTINGS_KEY))?.value;
    },
  }),
  (db) => ({
    async put(value: unknown): Promise<void> {
      await db.settings.put({ key: SETTINGS_KEY, value });
    },
  }),
);
