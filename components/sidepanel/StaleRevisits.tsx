/**
 * Revisits more than STALE_DAYS overdue, handled together: snooze them all for two weeks or
 * dismiss them all (one `updateActions` message), with undo.
 */
import { useState, type JSX } from 'react';
import { addDays } from '../../lib/clock';
import { send } from '../../lib/messaging/client';
import { STALE_DAYS, type PlanEntry } from '../../lib/sidepanel/plan';
import { formatDate, formatNumber } from '../../lib/sidepanel/format';
import { Button, useErrorText, useLocale } from '../common';
import { useSidePanel } from './context';
import { useSpT } from './i18n';
import type { Toast } from './TodayView';

export function StaleRevisits({ stale, onToast }: { stale: readonly PlanEntry[]; onToast: (t: Toast) => void }): JSX.Element | null {
  const t = useSpT();
  const locale = useLocale();
  const errorText = useErrorText();
  const { asOf } = useSidePanel();
  const [busy, setBusy] = useState(false);
  if (stale.length === 0) return null;
  const ids = stale.map((e) => e.action.id);
  const count = formatNumber(ids.length, locale, 0);

  const run = async (how: 'snoozed' | 'dismissed'): Promise<void> => {
    const until = addDays(asOf, 14);
    setBusy(true);
    onToast({ text: t('sidepanel.plan.working', { count }) });
    try {
      await send('updateActions', {
        updates: ids.map((actionId) => (how === 'snoozed' ? { actionId, status: how, snoozedUntil: until } : { actionId, status: how, reason: 'stale' })),
      });
      onToast({
        text:
          how === 'snoozed' ? t('sidepanel.plan.didSnoozeStale', { count, date: formatDate(until, locale) }) : t('sidepanel.plan.didDismissStale', { count }),
        undo: async () => {
          await send('updateActions', { updates: ids.map((actionId) => ({ actionId, status: 'open' as const })) });
          onToast({ text: t('sidepanel.plan.didUndoStale', { count }) });
        },
      });
    } catch (e) {
      onToast({ text: t('sidepanel.today.error', { message: errorText(e) }), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sp-card sp-stale" data-rapport-stale={ids.length}>
      <p>{t('sidepanel.plan.stale', { count, days: STALE_DAYS })}</p>
      <div className="sp-row">
        <Button disabled={busy} onClick={() => void run('snoozed')}>
          {t('sidepanel.plan.snoozeStale')}
        </Button>
        <Button variant="danger" disabled={busy} onClick={() => void run('dismissed')}>
          {t('sidepanel.plan.dismissStale')}
        </Button>
      </div>
    </div>
  );
}
