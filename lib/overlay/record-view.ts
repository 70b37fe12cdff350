/**
 * Renders the record overlay into its shadow root: badge row (tier, risk with its top reasons,
 * next best action), the expanded card as an extension-origin iframe (components/card: the page
 * cannot read it), and the "not linked" (link prompt, track) and error states. Text only.
 */
import type { RecordOverlay } from '../messaging/protocol';
import type { Locale } from '../i18n';
import { h } from './dom';
import { sentence, type OverlayT } from './i18n';
import { RECORD_CSS } from './styles';
import { browser } from './browser';

export type RecordView =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  /** No exact match. `picker`: the names the user asked for (absent until a trusted click opens it). */
  | { state: 'unknown-customer'; linkable: boolean; name: string; picker?: { id: string; name: string }[] }
  | Extract<RecordOverlay, { state: 'ready' }>;

export interface ViewContext {
  t: OverlayT;
  locale: Locale;
  currency: string;
  expanded: boolean;
  floating: boolean;
  theme: 'dark' | 'light';
  onToggle(): void;
  onTrack(customerId?: string): void;
  onOpenPicker(): void;
  onRetry(): void;
}

const fmtDate = (iso: string, locale: Locale): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale === 'zh_CN' ? 'zh-CN' : 'en', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

/** A button that acts only on the user's own click: page script's `.click()` / dispatched events are not trusted. */
export function button(label: string, onClick: () => void, attrs: Record<string, string | boolean> = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    if (e.isTrusted) onClick();
  });
  return b;
}

/** The card page (entrypoints/card): an extension-origin iframe the CRM page cannot read into. */
const cardUrl = (theme: 'dark' | 'light'): string => `${browser.runtime.getURL('/card.html')}?theme=${theme}`;

function readyBody(v: Extract<RecordView, { state: 'ready' }>, c: ViewContext): Node[] {
  const { t, locale } = c;
  const s = v.score;
  const tier = h('span', { class: `chip t-${s.tier}`, title: t('tier.label') }, t(`tier.${s.tier}`));
  const risk = h(
    'span',
    { class: `chip r-${s.risk}`, title: t('risk.label') },
    t('overlay.riskScore', { band: t(`risk.${s.risk}`), score: Math.round(s.riskScore) }),
  );
  // The top reasons, in words, next to the risk (the card has all of them with their points).
  const why = s.reasons.length
    ? h(
        'span',
        { class: 'why' },
        s.reasons
          .slice(0, 2)
          .map((f) => sentence(t, `factor.${f.id}`, f.params))
          .join('; '),
      )
    : null;
  const nba = s.nba
    ? h('span', { class: 'nba', title: t('nba.label') }, h('b', {}, t(`action.${s.nba.kind}`)), ` · ${t('overlay.due', { date: fmtDate(s.nba.due, locale) })}`)
    : null;
  const toggle = button(c.expanded ? t('overlay.hideDetails') : t('overlay.details'), c.onToggle, {
    'aria-expanded': String(c.expanded),
    'aria-controls': 'rapport-card',
  });
  const bar = h('div', { class: 'bar', role: 'group', 'aria-label': t('overlay.region') }, tier, risk, why, nba, toggle);
  return [bar];
}

/**
 * The card iframe stays the same element while the card is open: re-rendering the badge row
 * (data changed, the CRM re-rendered) must not reload it, or the card would lose its Undo.
 */
function syncCard(shadow: ShadowRoot, view: RecordView, c: ViewContext): void {
  const frame = shadow.querySelector('iframe#rapport-card');
  if (view.state === 'ready' && c.expanded) {
    if (!frame)
      shadow.append(h('iframe', { class: 'card', id: 'rapport-card', src: cardUrl(c.theme), title: c.t('overlay.cardTitle', { name: view.customer.name }) }));
  } else frame?.remove();
}

export function renderRecord(shadow: ShadowRoot, view: RecordView, c: ViewContext): void {
  const { t } = c;
  let body: Node[];
  switch (view.state) {
    case 'loading':
      body = [h('div', { class: 'bar muted', role: 'status' }, t('overlay.loading'))];
      break;
    case 'error':
      body = [h('div', { class: 'bar', role: 'alert' }, t('overlay.error', { message: view.message }), button(t('overlay.retry'), c.onRetry))];
      break;
    case 'unknown-customer': {
      // Nothing of a possible match shows until the user asks: names only in the picker, never scores.
      const picker = view.picker
        ? view.picker.length
          ? view.picker.map((cand) => button(t('overlay.linkTo', { name: cand.name }), () => c.onTrack(cand.id), { 'data-link-candidate': '' }))
          : [h('span', { class: 'muted' }, t('overlay.noCandidates'))]
        : view.linkable
          ? [button(t('overlay.linkPrompt'), c.onOpenPicker, { 'aria-haspopup': 'true' })]
          : [];
      body = [
        h(
          'div',
          { class: 'bar', role: 'group', 'aria-label': t('overlay.track') },
          h('span', { class: 'muted' }, t('overlay.unknown')),
          ...picker,
          button(view.name ? t('overlay.create', { name: view.name }) : t('overlay.track'), () => c.onTrack()),
        ),
      ];
      break;
    }
    case 'ready':
      body = readyBody(view, c);
      break;
  }
  const note = c.floating ? h('div', { class: 'note' }, t('overlay.floating')) : null;
  let main = shadow.querySelector('div.main');
  if (!main) {
    main = h('div', { class: 'main' });
    shadow.replaceChildren(h('style', {}, RECORD_CSS), main);
  }
  main.replaceChildren(...(note ? [note] : []), ...body);
  syncCard(shadow, view, c);
}
