// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { renderRecord, type RecordView, type ViewContext } from '../../lib/overlay/record-view';
import { makeT } from '../../lib/overlay/i18n';

const ctx = (): ViewContext => ({
  t: makeT({ 'overlay.linkPrompt': 'Link to an existing customer…', 'overlay.create': 'Create customer “{name}”', 'overlay.linkTo': 'Link to {name}' }),
  locale: 'en',
  currency: 'USD',
  expanded: false,
  floating: false,
  onToggle: vi.fn(),
  theme: 'light',
  onTrack: vi.fn(),
  onOpenPicker: vi.fn(),
  onRetry: vi.fn(),
});

const shadowWith = (view: RecordView, c: ViewContext): ShadowRoot => {
  const host = document.createElement('div');
  document.body.append(host);
  const sr = host.attachShadow({ mode: 'open' });
  renderRecord(sr, view, c);
  return sr;
};
const buttons = (sr: ShadowRoot): HTMLButtonElement[] => [...sr.querySelectorAll('button')];
/** A click as the browser dispatches it for the user (page script cannot make one). */
const userClick = (b: HTMLElement): void => {
  const e = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  b.dispatchEvent(e);
};

describe('the card iframe', () => {
  const ready = {
    state: 'ready',
    customer: { id: 'C-2', name: 'Globex' },
    score: { tier: 'gold', risk: 'high', riskScore: 70, reasons: [{ id: 'recency', points: 30, params: { days: 90 } }], nba: null },
    actions: [],
    openNextSteps: [],
  } as unknown as RecordView;

  it('is opened by the toggle and kept (not reloaded) while the badge row re-renders', () => {
    const c = { ...ctx(), expanded: true };
    const sr = shadowWith(ready, c);
    const frame = sr.querySelector('iframe#rapport-card')!;
    expect(frame.getAttribute('src')).toMatch(/card\.html\?theme=light$/);
    renderRecord(sr, ready, c);
    renderRecord(sr, ready, c);
    expect(sr.querySelectorAll('iframe')).toHaveLength(1);
    expect(sr.querySelector('iframe')).toBe(frame);
    renderRecord(sr, ready, { ...c, expanded: false });
    expect(sr.querySelector('iframe')).toBeNull();
  });

  it('never holds customer data in the page’s DOM beyond the badge row (tier, risk, top reasons, action)', () => {
    const sr = shadowWith(ready, { ...ctx(), expanded: true });
    expect(sr.textContent).not.toMatch(/CLV|\$/);
  });
});

describe('overlay buttons act only on trusted clicks', () => {
  it('page script’s .click() and dispatched events on Link / Create do nothing', () => {
    const c = ctx();
    const sr = shadowWith({ state: 'unknown-customer', linkable: true, name: 'Acme' }, c);
    const [link, create] = buttons(sr);
    expect(link!.textContent).toBe('Link to an existing customer…');
    link!.click();
    create!.click();
    create!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(c.onOpenPicker).not.toHaveBeenCalled();
    expect(c.onTrack).not.toHaveBeenCalled();
    userClick(link!);
    userClick(create!);
    expect(c.onOpenPicker).toHaveBeenCalledOnce();
    expect(c.onTrack).toHaveBeenCalledWith();
  });

  it('the prompt names no candidate until the picker was opened, then only names', () => {
    const c = ctx();
    const closed = shadowWith({ state: 'unknown-customer', linkable: true, name: 'Acme' }, c);
    expect(closed.textContent).not.toContain('Globex');
    const open = shadowWith({ state: 'unknown-customer', linkable: true, name: 'Acme', picker: [{ id: 'C-2', name: 'Globex' }] }, c);
    const pick = buttons(open).find((b) => b.hasAttribute('data-link-candidate'))!;
    expect(pick.textContent).toBe('Link to Globex');
    pick.click();
    expect(c.onTrack).not.toHaveBeenCalled();
    userClick(pick);
    expect(c.onTrack).toHaveBeenCalledWith('C-2');
  });
});
