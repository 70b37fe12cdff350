/**
 * The sample book's mark: one meta row (`sample`) naming the customers and goals the sample
 * loaded, so every page can show a "Sample data" badge and "Remove sample data" deletes exactly
 * those rows — the sample customers with their contacts, history, scores and actions, and the
 * sample goals — and keeps everything else.
 */
import { defineRepo } from '../repo';

export const SAMPLE_META_KEY = 'sample';

export interface SampleMark {
  loadedAt: number;
  customerIds: string[];
  goalIds: string[];
}

const BY_CUSTOMER = ['contacts', 'transactions', 'interactions', 'feedback', 'actions', 'scores'] as const;

export const sampleRepo = defineRepo(
  (db) => ({
    /** The mark, or undefined when no sample is loaded. */
    async mark(): Promise<SampleMark | undefined> {
      return (await db.meta.get(SAMPLE_META_KEY))?.value as SampleMark | undefined;
    },
  }),
  (db) => ({
    async putMark(mark: SampleMark): Promise<void> {
      await db.meta.put({ key: SAMPLE_META_KEY, value: mark });
    },
    /** Delete the marked rows and the mark, in one transaction; returns how many customers went. */
    async removeMarked(): Promise<{ customers: number }> {
      const tables = [db.customers, db.goals, db.meta, ...BY_CUSTOMER.map((t) => db[t])];
      return db.transaction('rw', tables, async () => {
        const mark = (await db.meta.get(SAMPLE_META_KEY))?.value as SampleMark | undefined;
        if (!mark) return { customers: 0 };
        for (const t of BY_CUSTOMER) await db[t].where('customerId').anyOf(mark.customerIds).delete();
        const customers = await db.customers.where('id').anyOf(mark.customerIds).count();
        await db.customers.bulkDelete(mark.customerIds);
        await db.goals.bulkDelete(mark.goalIds);
        await db.meta.delete(SAMPLE_META_KEY);
        return { customers };
      });
    },
  }),
);
