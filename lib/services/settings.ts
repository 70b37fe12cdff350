/**
 * Settings through the background: pages ask for them (`getSettings`), content scripts for
 * their few (`getContentSettings`), the options page saves them (`saveSettings`, validated by
 * the store). After a save every tab and page hears the new settings, and a scoring change
 * rescores everyone.
 */
import type { Handlers } from '../messaging/router';
import type { Settings } from '../schemas/settings';
import { toContentSettings } from '../settings/content';
import { loadSettings, saveSettings, watchSettings } from '../settings/store';
import { today } from '../clock';
import { broadcastSettings } from './broadcast';
import { rescoreQueue, type RescoreQueue } from './rescore-all';

export const settingsHandlers: Pick<Handlers, 'getSettings' | 'getContentSettings' | 'saveSettings'> = {
  getSettings: () => loadSettings(),
  getContentSettings: async () => toContentSettings(await loadSettings()),
  saveSettings: ({ settings }) => saveSettings(settings),
};

/** What follows a saved change, wherever it came from (options page, restore). */
export function followSettings(opts: { broadcast: (s: Settings) => Promise<void>; rescore: RescoreQueue; asOf: () => string }): () => void {
  return watchSettings((next, previous) => {
    void opts.broadcast(next).catch(() => undefined);
    if (JSON.stringify(next.scoring) !== JSON.stringify(previous.scoring)) void opts.rescore(opts.asOf()).catch(() => undefined);
  });
}

/** Background wiring. */
export const setupSettingsFollowers = (): (() => void) => followSettings({ broadcast: broadcastSettings, rescore: rescoreQueue, asOf: () => today() });
