/**
 * First run: on install (not on update or a browser update) open the welcome page, and put the
 * content script into the CRM tabs that were already open — the manifest's content scripts only
 * reach pages loaded after the install, so without this the user would have to reload them.
 */
import { browser } from 'wxt/browser';
import { CRM_MATCHES } from '../crm/registry';
import { CONTENT_SCRIPT_FILE } from '../overlay/custom-domains';

export const WELCOME_PATH = '/welcome.html';

export interface InstallApi {
  openTab: (url: string) => Promise<unknown>;
  /** Ids of open tabs whose URL matches one of `matches`. */
  tabsMatching: (matches: readonly string[]) => Promise<number[]>;
  inject: (tabId: number, file: string) => Promise<unknown>;
  url: (path: string) => string;
}

/** What onInstalled does; returns the tabs the content script went into. */
export async function onInstalled(reason: string, api: InstallApi): Promise<number[]> {
  if (reason !== 'install') return [];
  await api.openTab(api.url(WELCOME_PATH));
  const tabs = await api.tabsMatching(CRM_MATCHES);
  const done = await Promise.all(
    tabs.map((id) =>
      api.inject(id, CONTENT_SCRIPT_FILE).then(
        () => id,
        // A tab that cannot take it (discarded, an error page, a custom domain not granted) stays as it is.
        () => null,
      ),
    ),
  );
  return done.filter((id): id is number => id !== null);
}

const api: InstallApi = {
  openTab: (url) => browser.tabs.create({ url }),
  tabsMatching: async (matches) => (await browser.tabs.query({ url: [...matches] })).flatMap((t) => (t.id === undefined ? [] : [t.id])),
  inject: (tabId, file) => browser.scripting.executeScript({ target: { tabId }, files: [`/${file}` as '/content-scripts/crm.js'] }),
  url: (path) => browser.runtime.getURL(path as '/welcome.html'),
};

/** Background wiring. */
export function setupInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void onInstalled(reason, api).catch((e: unknown) => console.warn('[Rapport] first run:', e instanceof Error ? e.message : e));
  });
}
