/**
 * The meta table: small keyed values — the book model (scores.ts), the side panel's tier
 * snapshots and learnt CRM bases, import checkpoints and journals (lib/import/store.ts).
 */
import { defineRepo } from '../repo';
import type { MetaRow } from '../tables';

export const metaRepo = defineRepo(
  (db) => ({
    async get<T = unknown>(key: string): Promise<T | undefined> {
      return (await db.meta.get(key))?.value as T | undefined;
    },
    count: (): Promise<number> => db.meta.count(),
    /** Rows whose key starts with `prefix`, in key order. */
    withPrefix: (prefix: string): Promise<MetaRow[]> => db.meta.where('key').startsWith(prefix).toArray(),
  }),
  (db) => ({
    async put(key: string, value: unknown): Promise<void> {
      await db.meta.put({ key, value });
    },
    async delete(keys: readonly string[]): Promise<void> {
      if (keys.length) await db.meta.bulkDelete([...keys]);
    },
    async deletePrefix(prefix: string): Promise<void> {
      await db.meta.where('key').startsWith(prefix).delete();
    },
  }),
);
