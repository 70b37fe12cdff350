/** The background's wiring of custom-domain content scripts to the real extension APIs. */
import { browser } from 'wxt/browser';
import { loadSettings, watchSettings } from '../settings/store';
import { CONTENT_SCRIPT_FILE, CUSTOM_SCRIPT_ID, syncCustomDomainScripts, type ScriptingApi } from './custom-domains';

const api: ScriptingApi = {
  hasOrigin: (origin) => browser.permissions.contains({ origins: [origin] }),
  registered: async () => (await browser.scripting.getRegisteredContentScripts({ ids: [CUSTOM_SCRIPT_ID] })).flatMap((s) => s.matches ?? []),
  unregister: () => browser.scripting.unregisterContentScripts({ ids: [CUSTOM_SCRIPT_ID] }),
  register: (matches) =>
    browser.scripting.registerContentScripts([
      { id: CUSTOM_SCRIPT_ID, matches, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
    ]),
};

export function setupCustomDomains(): void {
  const sync = async (): Promise<void> => {
    try {
      await syncCustomDomainScripts((await loadSettings()).crm.customDomains, api);
    } catch (e) {
      console.warn('[Rapport] custom domains: could not register the content script:', e instanceof Error ? e.message : e);
    }
  };
  void sync();
  watchSettings(() => void sync());
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
}
