/**
 * The content script's runtime: on every navigation (full load, SPA URL change, hash change)
 * pick the CRM's descriptor, classify the page, and show the record overlay or the list chips —
 * each navigation gets its own AbortController, so nothing from the previous page survives it.
 * Selector drift seen on a page is reported once the page has settled (lib/dom/drift.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { descriptorFor } from '../crm/registry';
import { driftMessage, settleDrift, startDrift } from '../dom/drift';
import type { DataChanged, GetRecordRequest } from '../messaging/protocol';
import type { Settings } from '../schemas/settings';
import { onSettingsChanged, readSettings } from '../settings/read';
import { browser } from './browser';
import { loadOverlayT, type OverlayT } from './i18n';
import type { Locale } from '../i18n';
import { ListChips } from './list-chips';
import { RecordOverlay, TITLE_TIMEOUT_MS } from './record-overlay';
import { pageTheme } from './theme';

/** When a page counts as settled for drift reports: the record title has had its chance to render. */
const SETTLE_MS = TITLE_TIMEOUT_MS + 500;

export function startOverlay(ctx: ContentScriptContext): void {
  let nav: AbortController | null = null;
  let lastHref = '';
  let record: RecordOverlay | null = null;
  let list: ListChips | null = null;
  let settings: Settings | null = null;
  let i18n: { t: OverlayT; locale: Locale; language: Settings['language'] } | null = null;

  /** `href`: WXT's location-change event fires before `location` updates, so it passes the new URL. */
  const route = async (force = false, href = location.href): Promise<void> => {
    if (!force && href === lastHref) return;
    lastHref = href;
    nav?.abort();
    const controller = new AbortController();
    nav = controller;
    const signal = AbortSignal.any([controller.signal, ctx.signal]);
    record = null;
    list = null;
    RecordOverlay.removeAll();
    ListChips.clear();
    startDrift((r) => console.warn(driftMessage(r)));

    settings ??= await readSettings();
    if (signal.aborted) return;
    const crm = descriptorFor(location.hostname, settings.crm.customDomains);
    if (!crm || !settings.crm.enabled[crm.id]) return;
    const features = settings.crm.features[crm.id];
    const page = crm.parseUrl(new URL(href));
    if (page.kind === 'other') return;
    const settle = setTimeout(() => signal.aborted || settleDrift(), SETTLE_MS);
    signal.addEventListener('abort', () => clearTimeout(settle));
    if (i18n?.language !== settings.language) i18n = { ...(await loadOverlayT(settings.language)), language: settings.language };
    if (signal.aborted) return;
    const { t, locale } = i18n;
    if (page.kind === 'record' && features.recordBadge) {
      record = new RecordOverlay(crm, page, { t, locale, currency: settings.scoring.currency, theme: pageTheme });
      await record.start(signal);
    } else if (page.kind === 'list' && features.listChips) {
      list = new ListChips(crm, page, t, pageTheme);
      list.start(signal);
    }
  };

  void route();
  ctx.addEventListener(window, 'wxt:locationchange', (e) => void route(false, e.newUrl.href));
  ctx.addEventListener(window, 'hashchange', () => void route());
  ctx.addEventListener(window, 'popstate', () => void route());
  onSettingsChanged((s) => {
    settings = s;
    void route(true);
  }, ctx.signal);

  const onMessage = (message: unknown, _sender: unknown, reply: (answer: unknown) => void): undefined => {
    const type = (message as { type?: string } | null)?.type;
    if (type === ('rapport:data-changed' satisfies DataChanged['type']) && nav) {
      void record?.refresh(nav.signal);
      list?.refresh(nav.signal);
    }
    if (type === ('rapport:get-record' satisfies GetRecordRequest['type'])) {
      const l = record?.lookup;
      reply(l ? { crm: l.ref.crm, objectType: l.ref.objectType, recordId: l.ref.id, name: l.name, email: l.email, domain: l.domain } : null);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    nav?.abort();
    RecordOverlay.removeAll();
    ListChips.clear();
  });
}
