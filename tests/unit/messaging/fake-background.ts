/**
 * A background in the test process: `browser.runtime.sendMessage` from a page goes through the
 * real router (as sent by an extension page) to the given handlers; the background's own
 * `rapport:…` broadcasts reach the page's `runtime.onMessage` listeners; messages to tabs are
 * recorded (what content scripts would receive).
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter, type Handlers } from '../../../lib/messaging/router';

export function installFakeBackground(handlers: Partial<Handlers>, page = 'options.html'): { toTabs: unknown[]; requests: string[] } {
  const route = createRouter(handlers, { extensionId: fakeBrowser.runtime.id, extensionOrigin: fakeBrowser.runtime.getURL('/') });
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(`/${page}`) };
  const toTabs: unknown[] = [];
  const requests: string[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type.startsWith('rapport:')) {
      await fakeBrowser.runtime.onMessage.trigger(message, {}, () => undefined);
      return undefined;
    }
    requests.push(String(type));
    return route(message, sender);
  }) as unknown as typeof fakeBrowser.runtime.sendMessage);
  fakeBrowser.tabs.sendMessage = (async (_tabId: number, message: unknown) => {
    toTabs.push(message);
  }) as unknown as typeof fakeBrowser.tabs.sendMessage;
  return { toTabs, requests };
}
