import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppDB, toStoredCustomer } from '../../../lib/db/app-db';
import { createRescoreQueue, rescoreAllHandlers, type RescoreAllFn } from '../../../lib/services/rescore-all';
import type { RescoreProgress } from '../../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';
import { cdnowFile } from '../../cdnow';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`svc-${Math.random()}`);
  await db.open();
  await db.customers.bulkAdd(['A', 'B', 'C'].map((id) => toStoredCustomer({ id, name: id, emails: [], createdAt: '2025-01-01', crmRefs: [] })));
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('the full-rescore queue', () => {
  it('rescores with the stored settings and asOf, reports progress and broadcasts', async () => {
    const calls: string[] = [];
    const progress: RescoreProgress[] = [];
    let broadcasts = 0;
    const rescoreAll: RescoreAllFn = async (_db, settings, asOf, onProgress) => {
      calls.push(`${settings.scoring.currency}@${asOf}`);
      onProgress?.(2, 3);
    };
    const h = rescoreAllHandlers(
      createRescoreQueue({
        db: () => db,
        settings: async () => DEFAULT_SETTINGS,
        rescoreAll,
        broadcast: async () => void broadcasts++,
        progress: (p) => progress.push(p),
      }),
    );
    await expect(h.rescoreAll({ asOf: '2025-06-01' }, {})).resolves.toEqual({ customers: 3 });
    expect(calls).toEqual(['USD@2025-06-01']);
    expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual(['0/3', '2/3', '3/3']);
    expect(broadcasts).toBe(1);
  });

  it('runs one rescore at a time; a failure is reported and does not block the next', async () => {
    let active = 0;
    let maxActive = 0;
    let fail = true;
    const rescoreAll: RescoreAllFn = async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      if (fail) {
        fail = false;
        throw new Error('scorer failed');
      }
    };
    const queue = createRescoreQueue({
      db: () => db,
      settings: async () => DEFAULT_SETTINGS,
      rescoreAll,
      broadcast: async () => undefined,
      progress: () => undefined,
    });
    const a = queue('2025-06-01');
    const b = queue('2025-06-01');
    await expect(a).rejects.toThrow('scorer failed');
    await expect(b).resolves.toEqual({ customers: 3 });
    expect(maxActive).toBe(1);
  });
});

describe('import → rescoreAll (real scorer)', () => {
  it('scores every imported customer, placeholders included', async () => {
    const { runImport } = await import('../../../lib/import/run');
    const { rescoreAll } = await import('../../../lib/services/rescore');
    const fs = await import('node:fs');
    const bytes = fs.readFileSync(cdnowFile('transactions-sample.csv'));
    const { dbSink } = await import('../../../lib/import/store');
    await runImport({ sink: dbSink(db), file: new Blob([bytes]), fileName: 'cdnow.csv', importId: 'c', now: () => 1 });
    const queue = createRescoreQueue({
      db: () => db,
      settings: async () => DEFAULT_SETTINGS,
      rescoreAll,
      broadcast: async () => undefined,
      progress: () => undefined,
    });
    const r = await queue('1997-10-01');
    const customers = await db.customers.count();
    expect(customers).toBe(2357 + 3);
    expect(r).toEqual({ customers });
    expect(await db.scores.count()).toBe(customers);
  });
});
