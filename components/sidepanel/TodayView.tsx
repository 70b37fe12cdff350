/**
 * Today as one rep's day: the plan (as many actions as the capacity in settings, chosen by the
 * queue's priority — at-risk key accounts first), and what waits: the overdue backlog and what
 * falls due later this week, each in a bucket that opens on demand. Filters by tier and kind;
 * stale revisits can be snoozed or dismissed together. Each action can be done, snoozed or
 * dismissed with undo. Contract: the container carries `data-rapport-today` with
 * `data-planned` / `data-backlog`; each action `[data-rapport-action]` (see ActionRow), in the
 * order shown.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { send } from '../../lib/messaging/client';
import { loadToday, TODAY_LIMIT, type QueueItem, type RankedAction, type TodayData } from '../../lib/sidepanel/today';
import { earlyAnswers, takeTodayEarly } from './early-today';
import { NO_FILTERS, planDay, type PlanFilters } from '../../lib/sidepanel/plan';
import { formatDate, formatNumber } from '../../lib/sidepanel/format';
import { useCommonT, useErrorText, useLocale, useSettings } from '../common';
import { useSidePanel } from './context';
import { useSpT } from './i18n';
import { ActionRow, type ActionOutcome } from './ActionRow';
import { VirtualList } from './VirtualList';
import { TodayControls } from './TodayControls';
import { StaleRevisits } from './StaleRevisits';
import { ViewEmpty } from './empty/ViewEmpty';

export interface Toast {
  text: string;
  undo?: () => Promise<void>;
  error?: boolean;
}

export function TodayView(): JSX.Element {
  const t = useSpT();
  const errorText = useErrorText();
  const ct = useCommonT();
  const locale = useLocale();
  const settings = useSettings();
  const { db, asOf, contentShown } = useSidePanel();
  const [capacity, setCapacity] = useState(settings.today.capacity);
  useEffect(() => setCapacity(settings.today.capacity), [settings.today.capacity]);
  const [filters, setFilters] = useState<PlanFilters>(NO_FILTERS);
  const [open, setOpen] = useState({ backlog: false, week: false });
  const due = capacity + (open.backlog ? TODAY_LIMIT : 0);
  const week = open.week ? TODAY_LIMIT : 0;
  // the entry's early read shows first; the live query starts once it has (never both at once)
  const [early, setEarly] = useState(() => ({ pending: takeTodayEarly(db, asOf, capacity), data: null as TodayData | null }));
  useEffect(() => {
    let live = true;
    void early.pending?.then((d) => live && setEarly({ pending: null, data: d }));
    return () => {
      live = false;
    };
  }, [early.pending]);
  const waiting = early.pending !== null;
  const liveData = useLiveQuery(
    () => (waiting ? Promise.resolve(undefined) : loadToday(db, asOf, { filters, due, week })),
    [db, asOf, filters, due, week, waiting],
  );
  const data = liveData ?? (early.data && earlyAnswers({ filters, due, week }, capacity) ? early.data : undefined);
  const ranked = data?.ranked;
  // filtered here, at once (a read for other filters still gives every count right)
  const plan = useMemo(() => (ranked ? planDay(ranked, asOf, capacity, filters) : null), [ranked, asOf, capacity, filters]);
  const customerOf = (id: string): QueueItem['customer'] | undefined => data?.known.get(id);
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

  useEffect(() => {
    if (data) contentShown();
  }, [data, contentShown]);

  // The acted-on row is gone; keep the keyboard user's place on its undo.
  useEffect(() => {
    if (toast?.undo) undoRef.current?.focus();
  }, [toast]);

  // rows whose customer is still being read appear a moment later (never a loading flash of the whole view)
  if (!plan) return <p className="sp-muted">{t('sidepanel.loading')}</p>;
  const shown = (list: readonly RankedAction[]): QueueItem[] =>
    list.flatMap((r) => {
      const customer = customerOf(r.action.customerId);
      return customer ? [{ ...r, customer }] : [];
    });
  const n = (v: number): string => formatNumber(v, locale, 0);
  const list = (entries: readonly RankedAction[], label: string): JSX.Element => (
    <VirtualList
      items={shown(entries.slice(0, TODAY_LIMIT))}
      label={label}
      rowKey={(i) => i.action.id}
      estimateSize={118}
      renderRow={(item) => <ActionRow item={item} onAct={act} />}
    />
  );
  const more = (count: number): JSX.Element | null =>
    count > TODAY_LIMIT ? <p className="sp-muted">{t('sidepanel.plan.more', { shown: n(TODAY_LIMIT), count: n(count) })}</p> : null;
  const nothingDue = data!.total === 0;

  return (
    <section aria-labelledby="sp-today-h" className="sp-view" data-rapport-today="" data-planned={plan.planned.length} data-backlog={plan.backlog.length}>
      <h2 id="sp-today-h" className="sp-h2">
        {t('sidepanel.plan.heading')}
      </h2>
      <p className="sp-muted" data-rapport-due-count={plan.planned.length + plan.backlog.length}>
        {t('sidepanel.plan.summary', { planned: n(plan.planned.length), backlog: n(plan.backlog.length), week: n(plan.week.length) })}
      </p>
      <TodayControls
        capacity={capacity}
        onCapacity={setCapacity}
        filters={filters}
        onFilters={setFilters}
        onMessage={(text, error) => setToast({ text, error })}
      />
      {nothingDue ? (
        <ViewEmpty text={t('sidepanel.today.empty')} />
      ) : plan.planned.length === 0 ? (
        <p className="sp-empty">{t('sidepanel.plan.empty')}</p>
      ) : (
        list(plan.planned, t('sidepanel.plan.planList'))
      )}
      <StaleRevisits stale={plan.stale} onToast={setToast} />
      {plan.backlog.length > 0 ? (
        <details
          className="sp-bucket"
          open={open.backlog}
          onToggle={(e) => {
            const isOpen = e.currentTarget.open;
            setOpen((o) => ({ ...o, backlog: isOpen }));
          }}
        >
          <summary>{t('sidepanel.plan.backlog', { count: n(plan.backlog.length) })}</summary>
          {open.backlog ? list(plan.backlog, t('sidepanel.plan.backlogList')) : null}
          {open.backlog ? more(plan.backlog.length) : null}
        </details>
      ) : null}
      {plan.week.length > 0 ? (
        <details
          className="sp-bucket"
          open={open.week}
          onToggle={(e) => {
            const isOpen = e.currentTarget.open;
            setOpen((o) => ({ ...o, week: isOpen }));
          }}
        >
          <summary>{t('sidepanel.plan.week', { count: n(plan.week.length) })}</summary>
          {open.week ? list(plan.week, t('sidepanel.plan.weekList')) : null}
          {open.week ? more(plan.week.length) : null}
        </details>
      ) : null}
      {toast ? (
        <div className="sp-toast" role="status" aria-live="polite">
          <span className={toast.error ? 'sp-error' : undefined}>{toast.text}</span>
          {toast.undo ? (
            <button
              ref={undoRef}
              type="button"
              className="r-btn r-btn--secondary"
              onClick={() => void toast.undo?.().catch((e: unknown) => setToast({ text: errorText(e), error: true }))}
            >
              {t('sidepanel.today.undo')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
