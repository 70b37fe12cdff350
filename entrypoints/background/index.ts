import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '../../lib/messaging/router';
import { handlers } from '../../lib/services/handlers';
import { servePort } from '../../lib/services/ports';
import { setupReminders } from '../../lib/services/reminders';
import { setupSync } from '../../lib/services/sync';
import { setupDailyRescore } from '../../lib/services/daily';
import { setupCachedRows } from '../../lib/services/cached-rows';
import { setupSettingsFollowers } from '../../lib/services/settings';
import { setupCustomDomains } from '../../lib/overlay/custom-domains-browser';
import { restrictToExtension } from '../../lib/services/storage-access';
import { setupInstall } from '../../lib/services/install';

export default defineBackground(() => {
  setupInstall();
  const ext = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  const route = createRouter(handlers, ext);
  browser.runtime.onMessage.addListener((message, sender) => {
    // Broadcasts between pages (`rapport:…`) are not requests for the background.
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type.startsWith('rapport:')) return undefined;
    return route(message, sender);
  });
  browser.runtime.onConnect.addListener((port) => servePort(port, ext));
  setupSettingsFollowers();
  setupReminders();
  setupSync();
  setupCustomDomains();
  setupDailyRescore();
  setupCachedRows();
  void restrictToExtension(browser.storage.local as never).catch((e: unknown) => console.error('[Rapport] could not restrict storage.local:', e));
});
