/**
 * The extension API in the content script, without the webextension polyfill (about 10 KB):
 * Firefox's promise-based `browser`, else Chrome's `chrome` (MV3 APIs return promises too).
 * wxt.config.ts resolves `wxt/browser` to this module in the content-script build, so WXT's own
 * content-script code and the shared messaging and settings readers use it as well. The one
 * difference from the polyfill that matters here: a `runtime.onMessage` listener answers with
 * `sendResponse` (Chrome ignores a returned promise).
 */
import type { WxtBrowser } from 'wxt/browser';

const g = globalThis as unknown as { browser?: WxtBrowser; chrome: WxtBrowser };

export const browser: WxtBrowser = g.browser?.runtime?.id ? g.browser : g.chrome;
