import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

// Host patterns of the supported CRMs come from their descriptors (lib/crm/registry.ts); the
// content script imports the same list, so manifest and runtime can never disagree.
import { CRM_MATCHES } from './lib/crm/registry';

/** The content script's extension API without the webextension polyfill (see lib/overlay/browser.ts). */
const CONTENT_BROWSER = fileURLToPath(new URL('./lib/overlay/browser.ts', import.meta.url));

export default defineConfig({
  // Parallel builds (e2e work, the demo) can write elsewhere without clobbering .output/.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
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
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Firefox has no sidePanel API: WXT turns the side panel into a sidebar_action there.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'tabs', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [...CRM_MATCHES],
    // Custom CRM domains (Salesforce My Domain, on-premise Dynamics…) are requested at
    // runtime from the options page, never as <all_urls>.
    optional_host_permissions: ['https://*/*'],
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+L', mac: 'Alt+Shift+L' },
        description: '__MSG_commandQuickLog__',
      },
    },
  }),
});
