import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import Dexie from 'dexie';
import { AppDB } from '../../../lib/db/app-db';
import { setDbForTests } from '../../../lib/db/db';
import { generateSampleBook } from '../../../lib/sample/generate';
import { loadSampleBook } from '../../../lib/services/sample';
import { actionsHandlers, applyActionUpdate } from '../../../lib/services/actions';
import { recordOverlay } from '../../../lib/services/overlay';
import { tabBindings } from '../../../lib/services/overlay-guard';
import { SAMPLE_AS_OF, STORIES } from '../../../lib/sample/stories';
import { DEFAULT_SETTINGS } from '../../../lib/schemas/settings';
import type { Sender } from '../../../lib/messaging/router';

let db: AppDB;
beforeEach(async () => {
  vi.useFakeTimers({ now: new Date(`${SAMPLE_AS_OF}T10:00:00Z`), toFake: ['Date'] });
  db = new AppDB(`overlay-actions-${Math.random()}`);
  await db.open();
  await loadSampleBook(db, generateSampleBook({ customers: 120, asOf: SAMPLE_AS_OF }), DEFAULT_SETTINGS, SAMPLE_AS_OF);
  setDbForTests(db);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([] as never);
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  setDbForTests(undefined);
  db.close();
  await Dexie.delete(db.name);
});

const [northwind, globex] = [STORIES[0]!, STORIES[1]!];
const cs = (id: string, tab = 4): Sender => ({
  id: 'ext',
  url: `https://acme.lightning.force.com/lightning/r/Account/${id}/view`,
  tab: { id: tab },
  frameId: 0,
  extensionPage: false,
});
const firstAction = async (customerId: string): Promise<string> => (await db.actions.where('customerId').equals(customerId).first())!.id;

describe('snooze dates', () => {
  it.each([
    ['9999-99-99', 'date.not-calendar'],
    ['2026-02-30', 'date.not-calendar'],
    [SAMPLE_AS_OF, 'snooze.not-after-today'],
    ['2027-11-21', 'snooze.too-far'],
  ])('refuses %s (%s)', async (snoozedUntil, code) => {
    const actionId = await firstAction(globex.customerId);
    await expect(applyActionUpdate(db, { actionId, status: 'snoozed', snoozedUntil }, DEFAULT_SETTINGS, SAMPLE_AS_OF, 0)).rejects.toMatchObject({
      error: { code, field: 'snoozedUntil' },
    });
  });

  it('accepts a date a year ahead', async () => {
    const actionId = await firstAction(globex.customerId);
    const a = await applyActionUpdate(db, { actionId, status: 'snoozed', snoozedUntil: '2027-11-20' }, DEFAULT_SETTINGS, SAMPLE_AS_OF, 0);
    expect(a).toMatchObject({ status: 'snoozed', snoozedUntil: '2027-11-20' });
  });
});

describe('updateAction from a content script acts only on its tab’s customer', () => {
  it('refuses an action of another customer, and any action from a tab that resolved nothing', async () => {
    const id = globex.crmIds.salesforce;
    const other = await firstAction(northwind.customerId);
    await expect(actionsHandlers.updateAction!({ actionId: other, status: 'done' }, cs(id))).rejects.toMatchObject({
      error: { code: 'overlay.not-this-record' },
    });
    await recordOverlay(db, { ref: { crm: 'salesforce', objectType: 'account', id } }, cs(id), DEFAULT_SETTINGS, SAMPLE_AS_OF);
    await expect(actionsHandlers.updateAction!({ actionId: other, status: 'done' }, cs(id))).rejects.toMatchObject({
      error: { code: 'overlay.not-this-record' },
    });
    expect((await db.actions.get(other))!.status).toBe('open');
    const own = await firstAction(globex.customerId);
    expect(await actionsHandlers.updateAction!({ actionId: own, status: 'done' }, cs(id))).toMatchObject({ id: own, status: 'done' });
  });

  it('a tab whose URL moved to another record (pushState) can no longer act on the first one', async () => {
    const id = globex.crmIds.salesforce;
    await recordOverlay(db, { ref: { crm: 'salesforce', objectType: 'account', id } }, cs(id, 5), DEFAULT_SETTINGS, SAMPLE_AS_OF);
    expect(tabBindings.get(5, 0)?.customerId).toBe(globex.customerId);
    const own = await firstAction(globex.customerId);
    await expect(actionsHandlers.updateAction!({ actionId: own, status: 'done' }, cs(northwind.crmIds.salesforce, 5))).rejects.toMatchObject({
      error: { code: 'overlay.not-this-record' },
    });
  });
});
