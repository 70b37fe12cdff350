/** One action in the Today queue, with done / snooze / dismiss and links. */
import { useState, type JSX } from 'react';
import { addDays, daysBetween } from '../../lib/clock';
import type { QueueItem } from '../../lib/sidepanel/today';
import { formatDate } from '../../lib/sidepanel/format';
import { isIsoDate } from '../../lib/sidepanel/periods';
import { Button, RiskChip, TierChip, useCommonT, useLocale } from '../common';
import { CrmLinks } from './CrmLinks';
import { useSidePanel } from './context';
import { useSpT } from './i18n';
import { useReasonText } from './reasons';

export type ActionOutcome = { status: 'done' } | { status: 'snoozed'; until: string } | { status: 'dismissed'; reason: DismissReason };

export const DISMISS_REASONS = ['not-relevant', 'already-done', 'wrong-customer', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export function ActionRow({ item, onAct }: { item: QueueItem; onAct: (item: QueueItem, outcome: ActionOutcome) => Promise<void> }): JSX.Element {
  const t = useSpT();
  const ct = useCommonT();
  const locale = useLocale();
  const reason = useReasonText();
  const { asOf, openCustomer } = useSidePanel();
  const [open, setOpen] = useState<'snooze' | 'dismiss' | null>(null);
  const [until, setUntil] = useState(addDays(asOf, 3));
  const [why, setWhy] = useState<DismissReason>('not-relevant');
  const [busy, setBusy] = useState(false);
  const { action, customer, score } = item;
  const actionName = ct(`action.${action.kind}`);
  const names = { action: actionName, name: customer.name };
  const overdue = daysBetween(action.due, asOf);
  const id = `sp-act-${action.id}`;

  const run = async (o: ActionOutcome): Promise<void> => {
    setBusy(true);
    try {
      await onAct(item, o);
    } finally {
      setBusy(false);
      setOpen(null);
    }
  };

  return (
    <article
      className="sp-action"
      data-rapport-action={action.id}
      data-customer-id={action.customerId}
      data-kind={action.kind}
      data-due={action.due}
      data-risk={score?.risk}
      aria-labelledby={`${id}-title`}
    >
      <div className="sp-row sp-row--between">
        <button
          type="button"
          className="sp-linkbtn"
          id={`${id}-title`}
          onClick={() => openCustomer(customer.id)}
          aria-label={t('sidepanel.today.openCustomer', { name: customer.name })}
        >
          {customer.name}
        </button>
        <span className="sp-row">
          {item.keyAccountAtRisk ? <span className="sp-warning-tag">{t('sidepanel.today.keyAccount')}</span> : null}
          {score ? <TierChip tier={score.tier} /> : null}
          {score ? <RiskChip risk={score.risk} score={score.riskScore} /> : null}
        </span>
      </div>
      <div className="sp-row">
        <span className="sp-action-kind">{actionName}</span>
        {overdue > 0 ? (
          <span className="sp-overdue">{t('sidepanel.today.overdue', { days: overdue })}</span>
        ) : overdue === 0 ? (
          <span className="sp-due">{t('sidepanel.today.dueToday')}</span>
        ) : (
          <span className="sp-due">{t('sidepanel.today.due', { date: formatDate(action.due, locale) })}</span>
        )}
      </div>
      <p className="sp-muted sp-reason">{reason.text(action.reason)}</p>
      <div className="sp-action-buttons">
        <Button variant="primary" disabled={busy} aria-label={t('sidepanel.today.doneLabel', names)} onClick={() => void run({ status: 'done' })}>
          {t('sidepanel.today.done')}
        </Button>
        <Button
          disabled={busy}
          aria-expanded={open === 'snooze'}
          aria-controls={`${id}-snooze`}
          aria-label={t('sidepanel.today.snoozeLabel', names)}
          onClick={() => setOpen(open === 'snooze' ? null : 'snooze')}
        >
          {t('sidepanel.today.snooze')}
        </Button>
        <Button
          disabled={busy}
          aria-expanded={open === 'dismiss'}
          aria-controls={`${id}-dismiss`}
          aria-label={t('sidepanel.today.dismissLabel', names)}
          onClick={() => setOpen(open === 'dismiss' ? null : 'dismiss')}
        >
          {t('sidepanel.today.dismiss')}
        </Button>
        <CrmLinks refs={customer.crmRefs} name={customer.name} compact />
      </div>
      {open === 'snooze' ? (
        <div className="sp-popover" id={`${id}-snooze`} role="group" aria-label={t('sidepanel.today.snoozeLabel', names)}>
          <Button onClick={() => void run({ status: 'snoozed', until: addDays(asOf, 1) })}>{t('sidepanel.today.snooze1d')}</Button>
          <Button onClick={() => void run({ status: 'snoozed', until: addDays(asOf, 7) })}>{t('sidepanel.today.snooze1w')}</Button>
          <label className="sp-field">
            <span className="r-label">{t('sidepanel.today.snoozeCustom')}</span>
            <input className="r-input" type="date" min={addDays(asOf, 1)} value={until} onChange={(e) => setUntil(e.target.value)} />
          </label>
          <Button disabled={!isIsoDate(until) || until <= asOf} onClick={() => void run({ status: 'snoozed', until })}>
            {t('sidepanel.today.snoozeApply')}
          </Button>
        </div>
      ) : null}
      {open === 'dismiss' ? (
        <form
          className="sp-popover"
          id={`${id}-dismiss`}
          aria-label={t('sidepanel.today.dismissLabel', names)}
          onSubmit={(e) => {
            e.preventDefault();
            void run({ status: 'dismissed', reason: why });
          }}
        >
          <label className="sp-field">
            <span className="r-label">{t('sidepanel.today.dismissReason')}</span>
            <select className="r-select" value={why} onChange={(e) => setWhy(e.target.value as DismissReason)}>
              {DISMISS_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`sidepanel.today.dismissReason.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="danger">
            {t('sidepanel.today.dismissConfirm')}
          </Button>
          <Button onClick={() => setOpen(null)}>{t('sidepanel.today.cancel')}</Button>
        </form>
      ) : null}
    </article>
  );
}
