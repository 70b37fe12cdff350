import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

// Host patterns of the supported CRMs come from their descriptors (lib/crm/registry.ts); the
// content script imports the same list, so manifest and runtime can never disagree.
import { CRM_MATCHES } from './lib/crm/registry';
import { CRM_DATA_COLLECTION } from './lib/sync/data-collection';

/** The content script's extension API without the webextension polyfill (see lib/overlay/browser.ts). */
const CONTENT_BROWSER = fileURLToPath(new URL('./lib/overlay/browser.ts', import.meta.url));

/** Firefox's add-on id: stable across versions, so updates and storage follow the same add-on. */
export const GECKO_ID = 'rapport@rapport.example';
/**
 * Oldest browsers the code runs on (the reasons are in docs/store-listing.md, "Minimum browser
 * versions"): Chrome 116 for sidePanel.open and AbortSignal.any; Firefox 140, the current ESR,
 * is the first to read data_collection_permissions (the code itself needs 124, AbortSignal.any);
 * on Android that is 142.
 */
export const MIN_CHROME = '116';
export const MIN_FIREFOX = '140.0';
export const MIN_FIREFOX_ANDROID = '142.0';
/** Host pattern for custom CRM domains, requested one origin at a time (options page). */
export const CUSTOM_DOMAINS = 'https://*/*';
/**
 * e2e builds only (`RAPPORT_E2E_API_HOSTS=1 npx wxt build`, output in its own directory): the CRM API
 * hosts and `cookies` granted at install, because a headless browser cannot answer the permission
 * prompt the options page shows when the rep connects. Never set for the shipped build.
 */
const E2E_HOSTS: string[] =
  process.env.RAPPORT_E2E_API_HOSTS === '1'
    ? ['https://api.hubapi.com/*', 'https://*.zoho.com/*', 'https://*.zohoapis.com/*', 'https://*.fxiaoke.com/*', 'https://*.pipedrive.com/*']
    : [];
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' };
const TOOLBAR_ICONS = { 16: 'icon/16.png', 32: 'icon/32.png' };

export default defineConfig({
  // Parallel builds (e2e work, the demo) can write elsewhere without clobbering .output/.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  // `npm run zip`: the store packages, and for Firefox the sources zip Mozilla's reviewers rebuild
  // from (docs/store-listing.md, "Sources for Mozilla's review"): what the build reads, nothing else.
  zip: {
    includeSources: [
      'entrypoints/**',
      'components/**',
      'lib/**',
      'public/**',
      'scripts/icons/**',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'docs/store-listing.md',
    ],
  },
  hooks: {
    // Extension pages and the background keep the polyfill; the CRM content script, which
    // loads on every CRM page, uses the browser's own API and stays small.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      const entry = { find: /^wxt\/browser$/, replacement: CONTENT_BROWSER };
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias) ? [entry, ...alias] : [entry, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))],
      };
    },
  },
  manifest: ({ browser, manifestVersion }) => {
    const firefox = browser === 'firefox';
    const mv2 = manifestVersion === 2;
    return {
      name: '__MSG_extName__',
      short_name: '__MSG_extShortName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      // Rendered from scripts/icons/*.svg by `npm run icons`. 96 is for Firefox's add-ons manager;
      // WXT lists every public/icon/<size>.png anyway, so Chrome's manifest names it too.
      icons: ICONS,
      // WXT copies `action` into MV2's browser_action only when the popup has not set one, so MV2 names it itself.
      [mv2 ? 'browser_action' : 'action']: { default_icon: TOOLBAR_ICONS },
      // Only what the code calls (docs/store-listing.md, "Permissions"). No `tabs`: the tabs we
      // read are CRM pages we hold host permission for. Firefox has no sidePanel API: WXT turns
      // the side panel into a sidebar_action there.
      permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting', ...(firefox ? [] : ['sidePanel']), ...(E2E_HOSTS.length ? ['cookies'] : [])],
      host_permissions: [...CRM_MATCHES, ...E2E_HOSTS],
      // The overlay's expanded card (entrypoints/card) is framed by CRM record pages, and only by them.
      web_accessible_resources: mv2 ? ['card.html'] : [{ resources: ['card.html'], matches: [...CRM_MATCHES] }],
      // Asked for at runtime from the options page: notifications when reminders are turned on;
      // custom CRM domains (Salesforce My Domain, on-premise Dynamics…) one origin at a time,
      // never <all_urls>. MV2 has no optional_host_permissions (WXT drops it), so there the
      // origins go with the optional API permissions.
      // `cookies` when the rep connects Salesforce (its API works on the signed-in session, docs/crm-apis/salesforce.md);
      // CRM API origins (HubSpot, Zoho, Fxiaoke…) come under the same one-origin-at-a-time request.
      optional_permissions: ['notifications', 'cookies', ...(mv2 ? [CUSTOM_DOMAINS] : [])],
      ...(mv2 ? {} : { optional_host_permissions: [CUSTOM_DOMAINS] }),
      ...(firefox
        ? {
            browser_specific_settings: {
              // Nothing is needed to use Rapport; what a connected CRM receives (lib/sync/data-collection.ts) is
              // optional, asked for by the connect button.
              gecko: {
                id: GECKO_ID,
                strict_min_version: MIN_FIREFOX,
                data_collection_permissions: { required: ['none'], optional: [...CRM_DATA_COLLECTION] },
              },
              // Firefox for Android reads data_collection_permissions from 142 on.
              gecko_android: { strict_min_version: MIN_FIREFOX_ANDROID },
            },
          }
        : { minimum_chrome_version: MIN_CHROME }),
      commands: {
        [mv2 ? '_execute_browser_action' : '_execute_action']: {
          suggested_key: { default: 'Alt+Shift+L', mac: 'Alt+Shift+L' },
          description: '__MSG_commandQuickLog__',
        },
      },
    };
  },
});
