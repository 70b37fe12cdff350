/**
 * Settings for the content script: it cannot read the settings store (it lives in the
 * extension's database), so it asks the background for the few it needs and hears about
 * changes from the background's `rapport:settings-changed` message. Zod-free and small.
 */
import { browser } from 'wxt/browser';
import { send } from '../messaging/client';
import { SETTINGS_CHANGED, type ContentSettings, type SettingsChanged } from './content';

export type { ContentSettings } from './content';

export function readSettings(): Promise<ContentSettings> {
  return send('getContentSettings', {});
}

export function onSettingsChanged(cb: (s: ContentSettings) => void, signal: AbortSignal): void {
  const listener = (message: unknown): undefined => {
    if ((message as SettingsChanged | null)?.type === SETTINGS_CHANGED) cb((message as SettingsChanged).settings);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}
