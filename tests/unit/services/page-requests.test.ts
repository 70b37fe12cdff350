import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { customersRepo } from '../../../lib/db/repos/customers';
import { goalsRepo } from '../../../lib/db/repos/goals';
import { metaRepo } from '../../../lib/db/repos/meta';
import { settingsRepo } from '../../../lib/db/repos/settings';
import { createDataHandlers } from '../../../lib/services/data';
import { createGoalsHandlers } from '../../../lib/services/goals';
import { createSidePanelHandlers } from '../../../lib/services/sidepanel';
import { dbSink } from '../../../lib/import/store';
import { runImport } from '../../../lib/import/run';
import { CRM_BASES_KEY } from '../../../lib/sidepanel/crm-bases-store';
import { SNAPSHOT_KEY } from '../../../lib/sidepanel/pyramid';

const page = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`requests-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const goal = {
  id: 'g1',
  name: 'Keep gold',
  category: 'loyalty',
  metric: 'retention',
  target: 90,
  baseline: 80,
  periodStart: '2026-10-01',
  periodEnd: '2027-01-01',
  scope: { kind: 'tier', tier: 'gold' },
  archived: false,
  createdAt: 1,
};

describe('goals through the background', () => {
  it('saves and archives, and every change re-ranks everyone (a full rescore)', async () => {
    const rescore = vi.fn(async () => ({ customers: 0 }));
    const h = createGoalsHandlers({ db: () => db, rescore, asOf: () => '2026-11-20' });
    await h.saveGoal({ goal }, page);
    await h.setGoalArchived({ goalId: 'g1', archived: true }, page);
    expect(await goalsRepo(db).get('g1')).toMatchObject({ archived: true });
    expect(rescore.mock.calls).toEqual([['2026-11-20'], ['2026-11-20']]);
  });

  it('refuses a bad goal with its field, writes nothing and rescores nothing', async () => {
    const rescore = vi.fn(async () => ({ customers: 0 }));
    const h = createGoalsHandlers({ db: () => db, rescore, asOf: () => '2026-11-20' });
    await expect(h.saveGoal({ goal: { ...goal, target: 80 } }, page)).rejects.toMatchObject({
      error: { code: 'goal.target-equals-baseline', field: 'target' },
    });
    await expect(h.setGoalArchived({ goalId: 'nope', archived: true }, page)).rejects.toMatchObject({ error: { code: 'goal.unknown' } });
    expect(await goalsRepo(db).all()).toEqual([]);
    expect(rescore).not.toHaveBeenCalled();
  });
});

describe('side panel state written by the background', () => {
  it('learns CRM bases from tab URLs and keeps this week’s tier snapshot', async () => {
    const h = createSidePanelHandlers(() => db);
    const bases = await h.learnCrmBases({ urls: ['https://acme.lightning.force.com/lightning/r/Account/001/view', 'https://example.com/'] }, page);
    expect(await metaRepo(db).get(CRM_BASES_KEY)).toEqual(bases);
    expect(Object.keys(bases)).toEqual(['salesforce']);
    expect(await h.recordTierSnapshot({ asOf: '2026-11-20' }, page)).toEqual({ taken: false }); // nothing scored yet
    await db.scores.put({
      customerId: 'A',
      tier: 'gold',
      risk: 'low',
      riskScore: 1,
      reasons: [],
      clv: 1,
      pAlive: 1,
      rfm: { r: 1, f: 1, m: 1, segment: 'x' },
      nba: null,
      computedAt: 1,
    });
    expect(await h.recordTierSnapshot({ asOf: '2026-11-20' }, page)).toEqual({ taken: true });
    expect(await metaRepo(db).get(SNAPSHOT_KEY)).toEqual([{ asOf: '2026-11-20', tiers: { A: 'gold' } }]);
    expect(await h.recordTierSnapshot({ asOf: '2026-11-21' }, page)).toEqual({ taken: false });
  });
});

describe('whole-book requests', () => {
  it('"delete all data" empties every data table, drops stored import files, keeps the settings, tells pages', async () => {
    const dropFiles = vi.fn(async () => undefined);
    const broadcast = vi.fn(async () => undefined);
    await customersRepo(db).put({ id: 'C1', name: 'Acme', emails: [], createdAt: '2025-01-01', crmRefs: [] });
    await settingsRepo(db).put({ version: 1, language: 'zh_CN' });
    const h = createDataHandlers({
      db: () => db,
      broadcast,
      dropFiles,
      withSyncStopped: (fn) => fn(),
      rescore: async () => ({ customers: 0 }),
      asOf: () => '2026-11-20',
    });
    expect(await h.deleteAllData({}, page)).toEqual({ cleared: true });
    expect(await customersRepo(db).count()).toBe(0);
    expect(await settingsRepo(db).raw()).toEqual({ version: 1, language: 'zh_CN' });
    expect(dropFiles).toHaveBeenCalledWith();
    expect(broadcast).toHaveBeenCalledOnce();
  });

  it('rolls back an interrupted import (its rows go, its log says cancelled), drops its stored file and rescores', async () => {
    const dropFiles = vi.fn(async () => undefined);
    const rescore = vi.fn(async () => ({ customers: 0 }));
    const h = createDataHandlers({
      db: () => db,
      broadcast: async () => undefined,
      dropFiles,
      withSyncStopped: (fn) => fn(),
      rescore,
      asOf: () => '2026-11-20',
    });
    const text = 'customer_id,date,amount\n' + Array.from({ length: 8000 }, (_, i) => `C${i % 9},2025-01-01,${i}`).join('\n');
    await expect(
      runImport({
        sink: dbSink(db),
        file: new Blob([text]),
        fileName: 'f.csv',
        importId: 'cut',
        sliceSize: 8_192,
        onProgress: (p) => {
          if (p.accepted > 0) throw new Error('tab closed');
        },
      }),
    ).rejects.toThrow('tab closed');
    expect(await db.transactions.count()).toBeGreaterThan(0);
    expect(await h.rollbackImport({ importId: 'cut' }, page)).toMatchObject({ status: 'cancelled', accepted: 0 });
    expect(await db.transactions.count()).toBe(0);
    expect(await customersRepo(db).count()).toBe(0);
    expect(dropFiles).toHaveBeenCalledWith('cut');
    expect(rescore).toHaveBeenCalledWith('2026-11-20');
    await expect(h.rollbackImport({ importId: 'nope' }, page)).rejects.toMatchObject({ error: { code: 'import.unknown' } });
  });
});
