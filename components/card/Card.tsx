/**
 * The overlay's expanded card (entrypoints/card, an extension-origin iframe the CRM page cannot
 * read). It asks the background for the card of the record its tab shows — never naming one —
 * reloads when data changes, and offers Undo after every decision. Keyboard: focus moves into the
 * card when it opens; Esc asks the overlay to close it (lib/overlay/card-close.ts).
 */
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import { browser } from 'wxt/browser';
import { Button, useErrorText, useLocale, useSettings, useT } from '../common';
import { send } from '../../lib/messaging/client';
import type { CardData, DataChanged } from '../../lib/messaging/protocol';
import { CLOSE_CARD, type CloseCard } from '../../lib/overlay/card-close';
import type { CardDecision } from './CardAction';
import { CardView } from './CardView';
import { CARD_CATALOG, day } from './format';
import './card.css';

type State = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'ready'; data: CardData };
interface Undo {
  actionId: string;
  text: string;
}

export function Card(): JSX.Element {
  const t = useT(CARD_CATALOG);
  const locale = useLocale();
  const settings = useSettings();
  const errorText = useErrorText();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [undo, setUndo] = useState<Undo | null>(null);
  const main = useRef<HTMLElement>(null);
  const focused = useRef(false);

  const load = useCallback(() => {
    send('getCard', {}).then(
      (data) => setState({ kind: 'ready', data }),
      (error: unknown) => setState({ kind: 'error', error }),
    );
  }, []);

  useEffect(() => {
    load();
    const onMessage = (m: unknown): undefined => {
      if ((m as DataChanged | null)?.type === 'rapport:data-changed') load();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [load]);

  // Esc closes the card (an open Dismiss / Snooze panel takes the first Esc): the overlay closes
  // the frame and puts focus back on its Details button. The card asks only once the whole key
  // press has been handled here (keyup, then a new task): a frame removed while one of its key
  // events is still in flight can leave the browser waiting on that event for good.
  useEffect(() => {
    let armed = false;
    const onDown = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') armed = !e.defaultPrevented;
    };
    const onUp = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || !armed) return;
      armed = false;
      setTimeout(() => window.parent.postMessage({ type: CLOSE_CARD } satisfies CloseCard, '*'), 0);
    };
    window.addEventListener('keydown', onDown);
    window.addEventListener('keyup', onUp);
    return () => {
      window.removeEventListener('keydown', onDown);
      window.removeEventListener('keyup', onUp);
    };
  }, []);

  // Opened from the keyboard or the mouse, the card takes focus once its content is there (only once).
  useEffect(() => {
    if (state.kind !== 'ready' || focused.current) return;
    focused.current = true;
    // Without scrolling: the card is taller than its frame, and its top (with the actions) must stay in view.
    main.current?.focus({ preventScroll: true });
  }, [state.kind]);

  const decide = (data: CardData, actionId: string, d: CardDecision): void => {
    const action = data.actions.find((a) => a.id === actionId);
    const name = action ? t(`action.${action.kind}` as never) : '';
    const payload =
      d.status === 'done'
        ? { actionId, status: d.status }
        : d.status === 'dismissed'
          ? { actionId, status: d.status, reason: d.reason }
          : { actionId, status: d.status, snoozedUntil: d.until };
    send('updateAction', payload).then(
      () => {
        setUndo({
          actionId,
          text:
            d.status === 'done'
              ? t('card.markedDone', { action: name })
              : d.status === 'dismissed'
                ? t('card.markedDismissed', { action: name })
                : t('card.markedSnoozed', { action: name, date: day(locale, d.until) }),
        });
        load();
      },
      (error: unknown) => setState({ kind: 'error', error }),
    );
  };

  const revert = (u: Undo): void => {
    setUndo(null);
    send('updateAction', { actionId: u.actionId, status: 'open' }).then(load, (error: unknown) => setState({ kind: 'error', error }));
  };

  if (state.kind === 'loading') return <p role="status">{t('card.loading')}</p>;
  if (state.kind === 'error')
    return (
      <p role="alert">
        {t('card.error', { message: errorText(state.error) })} <Button onClick={load}>{t('card.retry')}</Button>
      </p>
    );
  return (
    <main ref={main} tabIndex={-1} aria-label={t('card.region', { name: state.data.customer.name })}>
      {undo ? (
        <p className="card-undo" role="status" data-rapport-undo={undo.actionId}>
          {undo.text} <Button onClick={() => revert(undo)}>{t('card.undo')}</Button>
        </p>
      ) : null}
      <CardView t={t} locale={locale} currency={settings.scoring.currency} data={state.data} onDecide={(id, d) => decide(state.data, id, d)} />
    </main>
  );
}
