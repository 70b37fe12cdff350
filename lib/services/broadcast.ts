import { browser } from 'wxt/browser';
import type { DataChanged } from '../messaging/protocol';

/**
 * BG → all CRM tabs and extension pages: data changed, refresh what you show.
 * Tabs without our content script reject the message; that is expected and ignored.
 */
export async function broadcastDataChanged(customerIds?: string[]): Promise<void> {
  const msg: DataChanged = { type: 'rapport:data-changed', customerIds };
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : browser.tabs.sendMessage(t.id, msg).catch(() => undefined))));
  await browser.runtime.sendMessage(msg).catch(() => undefined);
}
