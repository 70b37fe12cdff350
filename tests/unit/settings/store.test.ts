import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AppDB } from '../../../lib/db/app-db';
import { setDbForTests } from '../../../lib/db/db';
import { settingsRepo } from '../../../lib/db/repos/settings';
import { loadSettings, saveSettings, watchSettings } from '../../../lib/settings/store';
import { onSettingsChanged, readSettings } from '../../../lib/settings/read';
import { settingsHandlers, followSettings } from '../../../lib/services/settings';
import { broadcastSettings } from '../../../lib/services/broadcast';
import { CodedError } from '../../../lib/messaging/errors';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../../lib/schemas/settings';
import { installFakeBackground } from '../messaging/fake-background';

let db: AppDB;
beforeEach(async () => {
  db = new AppDB(`settings-${Math.random()}`);
  await db.open();
  setDbForTests(db);
});
afterEach(async () => {
  setDbForTests(undefined);
  db.close();
  await Dexie.delete(db.name);
});

const zh: Settings = { ...DEFAULT_SETTINGS, language: 'zh_CN', neverLog: ['C9'] };

describe('the settings store (background)', () => {
  it('reads the defaults when nothing was ever saved, and writes nothing', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await settingsRepo(db).raw()).toBeUndefined();
  });

  it('carries settings of an older build over from storage.local once, migrated, and removes them there', async () => {
    await fakeBrowser.storage.local.set({ settings: { locale: 'zh_CN', theme: 'dark' }, settings$: { v: 1 } });
    const s = await loadSettings();
    expect(s).toMatchObject({ version: SETTINGS_VERSION, language: 'zh_CN', theme: 'dark' });
    expect(await settingsRepo(db).raw()).toEqual(s);
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({});
    // Later storage.local writes (a content script could make them) are not read any more.
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, language: 'en' } });
    expect((await loadSettings()).language).toBe('zh_CN');
  });

  it('validates on every read: a stored value that is not valid settings reads as the defaults', async () => {
    await settingsRepo(db).put({ version: 1, scoring: { riskBands: { medium: 'lots' } } });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves only valid settings, naming the bad field; listeners hear the change with the previous settings', async () => {
    const heard: [string, string][] = [];
    const stop = watchSettings((next, prev) => heard.push([prev.language, next.language]));
    await expect(saveSettings({ ...zh, reminders: { enabled: true, hour: 30 } })).rejects.toEqual(
      new CodedError('value.too-big', { max: 23 }, 'reminders.hour'),
    );
    expect(await settingsRepo(db).raw()).toBeUndefined();
    expect(await saveSettings(zh)).toEqual(zh);
    expect(await loadSettings()).toEqual(zh);
    expect(heard).toEqual([['auto', 'zh_CN']]);
    stop();
  });
});

describe('settings through the background', () => {
  it('a content script gets only its few settings, and hears saves', async () => {
    const bg = installFakeBackground(settingsHandlers);
    await saveSettings(zh);
    // The content script's request comes from a CRM tab; getContentSettings is allowed there.
    const got = await readSettings();
    expect(got).toEqual({ language: 'zh_CN', theme: 'auto', crm: DEFAULT_SETTINGS.crm, scoring: { currency: 'USD' } });
    expect(JSON.stringify(got)).not.toContain('C9');
    const ctrl = new AbortController();
    const seen: string[] = [];
    onSettingsChanged((s) => seen.push(s.language), ctrl.signal);
    await broadcastSettings({ ...zh, language: 'en' });
    expect(bg.toTabs.length).toBeGreaterThan(0);
    for (const m of bg.toTabs)
      expect(m).toEqual({
        type: 'rapport:settings-changed',
        settings: { language: 'en', theme: 'auto', crm: DEFAULT_SETTINGS.crm, scoring: { currency: 'USD' } },
      });
    // (the fake delivers tab messages to this process's listener as a page broadcast would)
    await fakeBrowser.runtime.onMessage.trigger(bg.toTabs[0], {}, () => undefined);
    expect(seen).toEqual(['en']);
    ctrl.abort();
  });

  it('only Rapport pages may read or save all settings', async () => {
    const { createRouter } = await import('../../../lib/messaging/router');
    const route = createRouter(settingsHandlers, { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' });
    const tab = { id: 'ext', url: 'https://evil.example/', tab: { id: 3 } };
    expect(await route({ type: 'saveSettings', payload: { settings: zh } }, tab)).toEqual({
      ok: false,
      error: { code: 'message.page-only', params: { type: 'saveSettings' } },
    });
    expect(await route({ type: 'getSettings', payload: {} }, tab)).toMatchObject({ ok: false, error: { code: 'message.page-only' } });
    const page = { id: 'ext', url: 'chrome-extension://ext/options.html' };
    expect(await route({ type: 'saveSettings', payload: { settings: { ...zh, theme: 'neon' } } }, page)).toMatchObject({
      ok: false,
      error: { code: 'value.not-allowed', field: 'theme' },
    });
    expect(await route({ type: 'saveSettings', payload: { settings: zh } }, page)).toEqual({ ok: true, data: zh });
  });

  it('after a save: everyone hears it, and a scoring change (only) rescores everyone', async () => {
    const broadcast = vi.fn(async () => undefined);
    const rescore = vi.fn(async () => ({ customers: 0 }));
    const stop = followSettings({ broadcast, rescore, asOf: () => '2026-11-20' });
    await saveSettings(zh);
    await saveSettings({ ...zh, scoring: { ...zh.scoring, riskBands: { medium: 30, high: 70 } } });
    expect(broadcast).toHaveBeenCalledTimes(2);
    expect(rescore.mock.calls).toEqual([['2026-11-20']]);
    stop();
  });
});
