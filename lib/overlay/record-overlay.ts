/**
 * The record-page overlay: exactly one host `[data-rapport-overlay="record"]` right after the
 * record title, for the record the URL shows now. Re-mounts when the CRM re-renders its header,
 * floats when the header cannot be found (the selector drift report says so, without customer data).
 * Details opens the card (focus moves into it); Esc in the card or on the page closes it.
 */
import type { RecordLookupInput } from '../schemas/messages';
import type { CrmDescriptor, RecordPage } from '../crm/types';
import type { Locale } from '../i18n';
import { send } from '../messaging/client';
import { h } from './dom';
import { errorMessage, type OverlayT } from './i18n';
import { renderRecord, type RecordView } from './record-view';
import { isCloseFromCard } from './card-close';
import { browser } from './browser';
import { onDomChange, waitFor } from './wait';

const HOST_SEL = '[data-rapport-overlay="record"]';

const failed = (t: OverlayT, e: unknown): RecordView => ({ state: 'error', message: errorMessage(t, e) });
/** How long to wait for the CRM to render the record title before floating. */
export const TITLE_TIMEOUT_MS = 3000;

export interface RecordOverlayOptions {
  t: OverlayT;
  locale: Locale;
  currency: string;
  theme: () => 'dark' | 'light';
}

export class RecordOverlay {
  private readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private view: RecordView = { state: 'loading' };
  private expanded = false;
  private floating = false;
  lookup: RecordLookupInput | null = null;

  constructor(
    private readonly crm: CrmDescriptor,
    private readonly page: RecordPage,
    private readonly opts: RecordOverlayOptions,
  ) {
    this.host = h('rapport-overlay', { 'data-rapport-overlay': 'record', 'data-crm': crm.id, 'data-record-id': page.recordId });
    this.shadow = this.host.attachShadow({ mode: 'open' });
  }

  static removeAll(): void {
    document.querySelectorAll(HOST_SEL).forEach((el) => el.remove());
  }

  async start(signal: AbortSignal): Promise<void> {
    RecordOverlay.removeAll();
    this.render();
    const title = await waitFor(() => this.crm.findTitle(document, this.page), signal, TITLE_TIMEOUT_MS);
    if (signal.aborted) return;
    if (title) this.mountAfter(title);
    else {
      // The drift report names the missing title (lib/dom/drift.ts); the card floats meanwhile.
      this.floating = true;
      this.host.setAttribute('data-floating', '');
      document.body.append(this.host);
    }
    signal.addEventListener('abort', () => this.host.remove());
    this.closeOnEscape(signal);
    // CRMs re-render headers: put the same host back next to the current title.
    onDomChange(
      () => this.keepMounted(),
      signal,
      (n) => this.host.contains(n) || n === this.host,
    );
    await this.load(signal);
  }

  /**
   * Esc closes the open card and puts focus back on Details: pressed in the card (its frame posts
   * "close", lib/overlay/card-close.ts) or on the page. Only the user's own key press counts.
   */
  private closeOnEscape(signal: AbortSignal): void {
    const origin = new URL(browser.runtime.getURL('/')).origin;
    window.addEventListener(
      'message',
      (e) => {
        if (this.expanded && isCloseFromCard(e, this.shadow.querySelector('iframe#rapport-card'), origin)) this.setExpanded(false, signal);
      },
      { signal },
    );
    window.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && e.isTrusted && !e.defaultPrevented && this.expanded) this.setExpanded(false, signal);
      },
      { signal },
    );
  }

  /** Open or close the card; focus goes into the card when it opens and back to Details when it closes. */
  private setExpanded(open: boolean, signal?: AbortSignal): void {
    this.expanded = open;
    // Closing: take focus out of the card frame before it is removed, so the rest of the key
    // press that closed it (its keyup) lands on the page, not on a frame that no longer exists.
    if (!open) this.shadow.querySelector<HTMLButtonElement>('button[aria-expanded]')?.focus();
    this.render(signal);
    if (open) this.shadow.querySelector<HTMLIFrameElement>('iframe#rapport-card')?.focus();
    else this.shadow.querySelector<HTMLButtonElement>('button[aria-expanded]')?.focus();
  }

  /** Data changed somewhere (quick-log, import, action): fetch again, keep the card state. */
  async refresh(signal: AbortSignal): Promise<void> {
    await this.load(signal);
  }

  private mountAfter(title: Element): void {
    this.host.removeAttribute('data-floating');
    this.floating = false;
    title.after(this.host);
  }

  private keepMounted(): void {
    document.querySelectorAll(HOST_SEL).forEach((el) => el !== this.host && el.remove());
    const title = this.crm.findTitle(document, this.page);
    if (!title || title.nextElementSibling === this.host) return;
    const floated = this.floating;
    this.mountAfter(title);
    if (floated) this.render();
  }

  private async load(signal: AbortSignal): Promise<void> {
    const { crm, objectType, recordId, ...shown } = this.crm.readRecord(document, this.page);
    this.lookup = { ref: { crm, objectType, id: this.crm.canonicalId?.(recordId) ?? recordId }, ...shown };
    try {
      const o = await send('getRecordOverlay', { lookup: this.lookup });
      if (signal.aborted) return;
      this.view = o.state === 'ready' ? o : { state: 'unknown-customer', linkable: o.linkable, name: shown.name ?? '' };
    } catch (e) {
      if (signal.aborted) return;
      this.view = failed(this.opts.t, e);
    }
    this.render(signal);
  }

  private render(signal?: AbortSignal): void {
    const v = this.view;
    const host = this.host;
    host.setAttribute('data-state', v.state);
    host.setAttribute('data-theme', this.opts.theme());
    for (const a of ['data-tier', 'data-risk', 'data-nba']) host.removeAttribute(a);
    if (v.state === 'ready') {
      host.setAttribute('data-tier', v.score.tier);
      host.setAttribute('data-risk', v.score.risk);
      if (v.score.nba) host.setAttribute('data-nba', v.score.nba.kind);
    }
    const again = (): void => {
      if (signal && !signal.aborted) void this.load(signal);
    };
    const fail = (e: unknown): void => {
      this.view = failed(this.opts.t, e);
      this.render(signal);
    };
    renderRecord(this.shadow, v, {
      ...this.opts,
      expanded: this.expanded,
      floating: this.floating,
      theme: this.opts.theme(),
      onToggle: () => this.setExpanded(!this.expanded, signal),
      onTrack: (customerId) => {
        if (this.lookup) send('trackCustomer', { lookup: this.lookup, ...(customerId ? { customerId } : {}) }).then(again, fail);
      },
      onOpenPicker: () => {
        send('getLinkCandidates', {}).then((picker) => {
          if (signal?.aborted || v.state !== 'unknown-customer') return;
          this.view = { ...v, picker };
          this.render(signal);
        }, fail);
      },
      onRetry: again,
    });
  }
}
