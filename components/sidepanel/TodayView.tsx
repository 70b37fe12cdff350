/**
 * Today: the ranked queue of due and overdue actions across customers, at-risk key accounts
 * first (预警). Each can be done, snoozed (1 day, 1 week, a date) or dismissed with a reason,
 * with undo; each links to the customer and, where we can build it, the CRM record.
 */
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { send } from '../../lib/messaging/client';
import { loadTodayQueue, TODAY_LIMIT, type QueueItem } from '../../lib/sidepanel/today';
import { formatDate, formatNumber } from '../../lib/sidepanel/format';
import { useCommonT, useErrorText, useLocale } from '../shared';
import { useSidePanel } from './context';
import { useSpT } from './i18n';
import { ActionRow, type ActionOutcome } from './ActionRow';
import { VirtualList } from './VirtualList';
import { ViewEmpty } from './empty/ViewEmpty';

interface Toast {
  text: string;
  undo?: () => Promise<void>;
  error?: boolean;
}

export function TodayView(): JSX.Element {
  const t = useSpT();
  const errorText = useErrorText();
  const ct = useCommonT();
  const locale = useLocale();
  const { db, asOf } = useSidePanel();
  const queue = useLiveQuery(() => loadTodayQueue(db, asOf, TODAY_LIMIT), [db, asOf]);
  const [toast, setToast] = useState<Toast | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  const act = useCallback(
    async (item: QueueItem, outcome: ActionOutcome): Promise<void> => {
      const names = { action: ct(`action.${item.action.kind}`), name: item.customer.name };
      try {
        await send('updateAction', {
          actionId: item.action.id,
          status: outcome.status,
          ...(outcome.status === 'snoozed' ? { snoozedUntil: outcome.until } : {}),
          ...(outcome.status === 'dismissed' ? { reason: outcome.reason } : {}),
        });
      } catch (e) {
        setToast({ text: t('sidepanel.today.error', { message: errorText(e) }), error: true });
        return;
      }
      const text =
        outcome.status === 'done'
          ? t('sidepanel.today.didDone', names)
          : outcome.status === 'snoozed'
            ? t('sidepanel.today.didSnooze', { ...names, date: formatDate(outcome.until, locale) })
            : t('sidepanel.today.didDismiss', names);
      setToast({
        text,
        undo: async () => {
          await send('updateAction', { actionId: item.action.id, status: 'open' });
          setToast({ text: t('sidepanel.today.didUndo', names) });
        },
      });
    },
    [ct, t, locale, errorText],
  );

  // The acted-on row is gone; keep the keyboard user's place on its undo.
  useEffect(() => {
    if (toast?.undo) undoRef.current?.focus();
  }, [toast]);

  if (!queue) return <p className="sp-muted">{t('sidepanel.loading')}</p>;

  return (
    <section aria-labelledby="sp-today-h" className="sp-view">
      <div className="sp-row sp-row--between">
        <h2 id="sp-today-h" className="sp-h2">
          {t('sidepanel.today.heading')}
        </h2>
        <span className="sp-muted" data-rapport-due-count={queue.total}>
          {t('sidepanel.today.count', { count: formatNumber(queue.total, locale, 0) })}
        </span>
      </div>
      {queue.items.length === 0 ? (
        <ViewEmpty text={t('sidepanel.today.empty')} />
      ) : (
        <VirtualList
          items={queue.items}
          label={t('sidepanel.today.list')}
          rowKey={(i) => i.action.id}
          estimateSize={118}
          renderRow={(item) => <ActionRow item={item} onAct={act} />}
        />
      )}
      {queue.total > queue.items.length ? <p className="sp-muted">{t('sidepanel.today.more', { count: queue.items.length })}</p> : null}
      {toast ? (
        <div className="sp-toast" role="status" aria-live="polite">
          <span className={toast.error ? 'sp-error' : undefined}>{toast.text}</span>
          {toast.undo ? (
            <button
              ref={undoRef}
              type="button"
              className="r-btn r-btn--secondary"
              onClick={() => void toast.undo?.().catch((e: unknown) => setToast({ text: String(e), error: true }))}
            >
              {t('sidepanel.today.undo')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
