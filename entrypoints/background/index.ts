import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRouter } from '../../lib/messaging/router';
import { handlers } from '../../lib/services/handlers';
import { setupReminders } from '../../lib/services/reminders';
import { setupCustomDomains } from '../../lib/overlay/custom-domains-browser';

export default defineBackground(() => {
  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  browser.runtime.onMessage.addListener((message, sender) => {
    // Broadcasts between pages are not requests for the background.
    if ((message as { type?: string })?.type === 'rapport:data-changed') return undefined;
    return route(message, sender);
  });
  setupReminders();
  setupCustomDomains();
});
