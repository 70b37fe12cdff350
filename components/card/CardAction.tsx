/**
 * One recommended action on the card: Done, Dismiss with a reason (a short list or the user's
 * own words) and Snooze (tomorrow, next week, next month or a date); Esc closes an open panel.
 * What was done is reported up, so the card can offer Undo.
 */
import { useId, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { Button } from '../common';
import type { Action } from '../../lib/schemas/domain';
import { addDays } from '../../lib/clock';
import { say, snoozeDates, type CardT } from './format';

export type CardDecision = { status: 'done' } | { status: 'dismissed'; reason: string } | { status: 'snoozed'; until: string };

const REASONS = ['not-relevant', 'already-done', 'wrong-customer', 'other'] as const;
type Reason = (typeof REASONS)[number];

export interface CardActionProps {
  t: CardT;
  action: Action;
  customer: string;
  asOf: string;
  due: (iso: string) => string;
  onDecide(decision: CardDecision): void;
}

export function CardAction({ t, action, customer, asOf, due, onDecide }: CardActionProps): JSX.Element {
  const id = useId();
  const [open, setOpen] = useState<'dismiss' | 'snooze' | null>(null);
  const [reason, setReason] = useState<Reason>('not-relevant');
  const [other, setOther] = useState('');
  const [until, setUntil] = useState(addDays(asOf, 14));
  const buttons = useRef<HTMLDivElement>(null);
  // Esc closes an open Dismiss / Snooze panel first (back to its button); the next Esc closes the card.
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>): void => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    buttons.current?.querySelector<HTMLButtonElement>(`button[aria-controls="${id}-${open}"]`)?.focus();
    setOpen(null);
  };
  const name = t(`action.${action.kind}` as never);
  const label = t('card.actionLabel', { action: name, customer });
  const dates = snoozeDates(asOf);
  const max = addDays(asOf, 365);
  return (
    <li className="card-action" data-action-kind={action.kind} onKeyDown={onKeyDown}>
      <div>
        <b>{name}</b> — {say(t, action.reason)} ({due(action.due)})
      </div>
      <div className="card-buttons" ref={buttons}>
        <Button variant="primary" aria-label={`${t('card.done')}: ${label}`} onClick={() => onDecide({ status: 'done' })}>
          {t('card.done')}
        </Button>
        <Button
          aria-expanded={open === 'dismiss'}
          aria-controls={`${id}-dismiss`}
          aria-label={`${t('card.dismiss')}: ${label}`}
          onClick={() => setOpen(open === 'dismiss' ? null : 'dismiss')}
        >
          {t('card.dismiss')}
        </Button>
        <Button
          aria-expanded={open === 'snooze'}
          aria-controls={`${id}-snooze`}
          aria-label={`${t('card.snooze')}: ${label}`}
          onClick={() => setOpen(open === 'snooze' ? null : 'snooze')}
        >
          {t('card.snooze')}
        </Button>
      </div>
      {open === 'dismiss' ? (
        <fieldset id={`${id}-dismiss`} className="card-panel">
          <legend>{t('card.dismissReason')}</legend>
          {REASONS.map((r) => (
            <label key={r}>
              <input type="radio" name={`${id}-reason`} value={r} checked={reason === r} onChange={() => setReason(r)} /> {t(`card.reason.${r}`)}
            </label>
          ))}
          {reason === 'other' ? (
            <label>
              {t('card.reasonOther')} <input type="text" maxLength={500} value={other} onChange={(e) => setOther(e.target.value)} />
            </label>
          ) : null}
          <Button
            variant="danger"
            disabled={reason === 'other' && !other.trim()}
            onClick={() => onDecide({ status: 'dismissed', reason: reason === 'other' ? other.trim() : reason })}
          >
            {t('card.dismissConfirm')}
          </Button>
        </fieldset>
      ) : null}
      {open === 'snooze' ? (
        <div id={`${id}-snooze`} className="card-panel" role="group" aria-label={`${t('card.snooze')}: ${label}`}>
          <Button onClick={() => onDecide({ status: 'snoozed', until: dates.tomorrow })}>{t('card.snoozeTomorrow')}</Button>
          <Button onClick={() => onDecide({ status: 'snoozed', until: dates.week })}>{t('card.snoozeWeek')}</Button>
          <Button onClick={() => onDecide({ status: 'snoozed', until: dates.month })}>{t('card.snoozeMonth')}</Button>
          <label>
            {t('card.snoozeDate')} <input type="date" min={dates.tomorrow} max={max} value={until} onChange={(e) => setUntil(e.target.value)} />
          </label>
          <Button disabled={!until || until <= asOf || until > max} onClick={() => onDecide({ status: 'snoozed', until })}>
            {t('card.snoozeApply')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
