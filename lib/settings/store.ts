/**
 * Settings in `browser.storage.local`. Reading stays free of zod (the content script reads
 * its language and enabled CRMs through here); writes go through `saveSettings`, which
 * validates first.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../schemas/settings-defaults';
import type { Settings } from '../schemas/settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
});

export const loadSettings = (): Promise<Settings> => settingsItem.getValue();

export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((s) => cb(s ?? DEFAULT_SETTINGS));
}
