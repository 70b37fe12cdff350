/**
 * Reading settings where bundle size matters (the content script): plain `browser.storage`,
 * the same key `lib/settings/store.ts` writes (`local:settings` → `settings`), merged over the
 * defaults. Writes always go through lib/settings/save.ts.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from '../schemas/settings-defaults';
import type { Settings } from '../schemas/settings';

const KEY = 'settings';

const withDefaults = (v: unknown): Settings => (v && typeof v === 'object' ? { ...DEFAULT_SETTINGS, ...(v as Partial<Settings>) } : DEFAULT_SETTINGS);

export async function readSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(KEY);
  return withDefaults(got[KEY]);
}

export function onSettingsChanged(cb: (s: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && KEY in changes) cb(withDefaults(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}
