import { browser } from 'wxt/browser';
import { SETTINGS_SAVED, type DataChanged, type SettingsSaved } from '../messaging/protocol';
import type { Settings } from '../schemas/settings';
import { SETTINGS_CHANGED, toContentSettings, type SettingsChanged } from '../settings/content';

/** One message to every tab (content scripts) and every extension page. Tabs without our content script reject it: ignored. */
async function toTabs(message: unknown): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : browser.tabs.sendMessage(t.id, message).catch(() => undefined))));
}

/** BG → all CRM tabs and extension pages: data changed, refresh what you show. */
export async function broadcastDataChanged(customerIds?: string[]): Promise<void> {
  const msg: DataChanged = { type: 'rapport:data-changed', customerIds };
  await toTabs(msg);
  await browser.runtime.sendMessage(msg).catch(() => undefined);
}

/** BG → content scripts (their few settings) and extension pages (all of them) after the settings changed. */
export async function broadcastSettings(settings: Settings): Promise<void> {
  await toTabs({ type: SETTINGS_CHANGED, settings: toContentSettings(settings) } satisfies SettingsChanged);
  await browser.runtime.sendMessage({ type: SETTINGS_SAVED, settings } satisfies SettingsSaved).catch(() => undefined);
}
