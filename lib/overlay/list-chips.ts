/**
 * Tier/risk chips on list views: one `[data-rapport-overlay="row"]` per visible row whose
 * record Rapport knows. Idempotent and keyed by record id at the insertion point, so CRM
 * re-renders, virtualisation, sorting and pagination never duplicate or misplace a chip.
 */
import { send } from '../messaging/client';
import type { RowChip } from '../messaging/protocol';
import type { CrmDescriptor, ListPage } from '../crm/types';
import { h } from './dom';
import type { OverlayT } from './i18n';
import { CHIP_CSS } from './styles';
import { onDomChange } from './wait';

const SEL = '[data-rapport-overlay="row"]';

export class ListChips {
  private cache = new Map<string, RowChip | null>();
  private inflight = false;

  constructor(
    private readonly crm: CrmDescriptor,
    private readonly page: ListPage,
    private readonly t: OverlayT,
    private readonly theme: () => 'dark' | 'light',
  ) {}

  start(signal: AbortSignal): void {
    void this.sync(signal);
    onDomChange(
      () => void this.sync(signal),
      signal,
      (n) => n instanceof Element && n.closest(SEL) !== null,
    );
    signal.addEventListener('abort', () => ListChips.clear());
  }

  /** Data changed: forget cached chips and redraw. */
  refresh(signal: AbortSignal): void {
    this.cache.clear();
    void this.sync(signal);
  }

  static clear(): void {
    document.querySelectorAll(SEL).forEach((el) => el.remove());
  }

  private async sync(signal: AbortSignal): Promise<void> {
    const rows = this.crm.listRows(document, this.page).map((r) => ({ ...r, key: this.crm.canonicalId?.(r.recordId) ?? r.recordId }));
    const byMount = new Map(rows.map((r) => [r.mount, r]));
    // Chips whose row now shows another record (virtualised/sorted lists reuse rows), or gone rows.
    document.querySelectorAll<HTMLElement>(SEL).forEach((chip) => {
      const row = chip.parentElement ? byMount.get(chip.parentElement) : undefined;
      if (!row || row.key !== chip.dataset.recordId) chip.remove();
    });
    const unknown = [...new Set(rows.filter((r) => !this.cache.has(r.key)).map((r) => r.key))];
    if (unknown.length && !this.inflight) {
      this.inflight = true;
      try {
        const got = await send('getRowChips', { crm: this.crm.id, objectType: this.page.objectType, ids: unknown.slice(0, 500) });
        for (const id of unknown) this.cache.set(id, got[id] ?? null);
      } catch {
        // The background restarts with the service worker; the next DOM change retries.
      } finally {
        this.inflight = false;
      }
      if (signal.aborted) return;
    }
    for (const r of rows) {
      const data = this.cache.get(r.key);
      if (!data || r.mount.querySelector(`:scope > ${SEL}[data-record-id="${CSS.escape(r.key)}"]`)) continue;
      r.mount.append(this.chip(r.key, data));
    }
  }

  private chip(id: string, c: RowChip): HTMLElement {
    const host = h('rapport-chip', {
      'data-rapport-overlay': 'row',
      'data-record-id': id,
      'data-tier': c.tier,
      'data-risk': c.risk,
      'data-theme': this.theme(),
    });
    const sr = host.attachShadow({ mode: 'open' });
    const t = this.t;
    sr.append(
      h('style', {}, CHIP_CSS),
      h('span', { class: `chip t-${c.tier}`, title: t('tier.label') }, t(`tier.${c.tier}`)),
      h('span', { class: `chip r-${c.risk}`, title: t('risk.label') }, t(`risk.${c.risk}`)),
    );
    return host;
  }
}
