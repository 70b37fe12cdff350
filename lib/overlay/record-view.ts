/**
 * Renders the record overlay into its shadow root: badge row (tier, risk, next best action),
 * an expandable card (why this risk, CLV, P(alive), last contact, next steps, actions with
 * done / dismiss / snooze), and the "track this customer" and error states. Text only.
 */
import type { RecordOverlay } from '../messaging/protocol';
import type { Locale } from '../i18n';
import { h } from './dom';
import { sentence, type OverlayT } from './i18n';
import { RECORD_CSS } from './styles';

export type RecordView =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'unknown-customer'; candidates: { id: string; name: string }[]; name: string }
  | Extract<RecordOverlay, { state: 'ready' }>;

export interface ViewContext {
  t: OverlayT;
  locale: Locale;
  currency: string;
  expanded: boolean;
  floating: boolean;
  onToggle(): void;
  onAction(actionId: string, status: 'done' | 'dismissed' | 'snoozed'): void;
  onTrack(customerId?: string): void;
  onRetry(): void;
}

const STATUS_BUTTONS = [
  ['done', 'overlay.done'],
  ['dismissed', 'overlay.dismiss'],
  ['snoozed', 'overlay.snooze'],
] as const;

const fmtDate = (iso: string, locale: Locale): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale === 'zh_CN' ? 'zh-CN' : 'en', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

function button(label: string, onClick: () => void, attrs: Record<string, string | boolean> = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    onClick();
  });
  return b;
}

function readyBody(v: Extract<RecordView, { state: 'ready' }>, c: ViewContext): Node[] {
  const { t, locale } = c;
  const s = v.score;
  const due = (date: string): string => t('overlay.due', { date: fmtDate(date, locale) });
  const tier = h('span', { class: `chip t-${s.tier}`, title: t('tier.label') }, t(`tier.${s.tier}`));
  const risk = h(
    'span',
    { class: `chip r-${s.risk}`, title: t('risk.label') },
    t('overlay.riskScore', { band: t(`risk.${s.risk}`), score: Math.round(s.riskScore) }),
  );
  const nba = s.nba ? h('span', { class: 'nba', title: t('nba.label') }, h('b', {}, t(`action.${s.nba.kind}`)), ` · ${due(s.nba.due)}`) : null;
  const toggle = button(c.expanded ? t('overlay.hideDetails') : t('overlay.details'), c.onToggle, {
    'aria-expanded': String(c.expanded),
    'aria-controls': 'rapport-card',
  });
  const bar = h('div', { class: 'bar', role: 'group', 'aria-label': t('overlay.region') }, tier, risk, nba, toggle);

  const reasons = h(
    'ul',
    {},
    ...s.reasons.map((f) =>
      h(
        'li',
        {},
        h('span', { class: `pts ${f.points >= 0 ? 'up' : 'down'}` }, `${f.points >= 0 ? '+' : '−'}${Math.abs(Math.round(f.points))}`),
        ' ',
        sentence(t, `factor.${f.id}`, f.params),
      ),
    ),
  );
  const money = new Intl.NumberFormat(locale === 'zh_CN' ? 'zh-CN' : 'en', { style: 'currency', currency: c.currency, maximumFractionDigits: 0 });
  const facts = h(
    'dl',
    {},
    h('dt', {}, t('overlay.clv')),
    h('dd', {}, money.format(s.clv)),
    h('dt', {}, t('overlay.pAlive')),
    h('dd', {}, `${Math.round(s.pAlive * 100)}%`),
    h('dt', {}, t('overlay.lastContact')),
    h('dd', {}, s.lastContact ? fmtDate(s.lastContact, locale) : t('overlay.never')),
  );
  const steps = v.openNextSteps.length
    ? [h('h3', {}, t('overlay.nextSteps')), h('ul', {}, ...v.openNextSteps.map((n) => h('li', {}, n.text, n.due ? ` (${due(n.due)})` : '')))]
    : [];
  const actions = v.actions.length
    ? h(
        'ol',
        {},
        ...v.actions.map((a) => {
          const label = t('overlay.actionLabel', { action: t(`action.${a.kind}`), customer: v.customer.name });
          return h(
            'li',
            { 'data-action-kind': a.kind },
            h(
              'div',
              { class: 'act' },
              h('span', {}, h('b', {}, t(`action.${a.kind}`)), ' — ', sentence(t, a.reason), ` (${due(a.due)})`),
              ...STATUS_BUTTONS.map(([status, key]) => button(t(key), () => c.onAction(a.id, status), { 'aria-label': `${t(key)}: ${label}` })),
            ),
          );
        }),
      )
    : h('p', { class: 'muted' }, t('overlay.noActions'));
  const card = h(
    'div',
    { class: 'card', id: 'rapport-card', hidden: !c.expanded },
    h('h3', {}, t('overlay.why')),
    reasons,
    facts,
    ...steps,
    h('h3', {}, t('overlay.actions')),
    actions,
    ...(v.sample ? [h('p', { class: 'muted', 'data-rapport-sample': '' }, t('overlay.sample'))] : []),
  );
  return [bar, card];
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
    case 'unknown-customer':
      body = [
        h(
          'div',
          { class: 'bar', role: 'group', 'aria-label': t('overlay.track') },
          h('span', { class: 'muted' }, t('overlay.unknown')),
          ...view.candidates.map((cand) => button(t('overlay.linkTo', { name: cand.name }), () => c.onTrack(cand.id))),
          button(view.name ? t('overlay.create', { name: view.name }) : t('overlay.track'), () => c.onTrack()),
        ),
      ];
      break;
    case 'ready':
      body = readyBody(view, c);
      break;
  }
  const style = h('style', {}, RECORD_CSS);
  const note = c.floating ? h('div', { class: 'note' }, t('overlay.floating')) : null;
  shadow.replaceChildren(style, ...(note ? [note] : []), ...body);
}
