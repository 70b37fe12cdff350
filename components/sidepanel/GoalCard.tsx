/** One goal: current value vs target, progress bar, pace forecast and weekly trend. */
import type { JSX } from 'react';
import type { Goal } from '../../lib/schemas/domain';
import type { GoalStatus } from '../../lib/sidepanel/goal-status';
import { formatDate, formatKpiNumber, formatNumber, kpiAttr } from '../../lib/sidepanel/format';
import { addDays } from '../../lib/clock';
import { Button, useCommonT, useLocale, useSettings } from '../common';
import { useSpT, type SidePanelKey } from './i18n';
import { TrendChart } from './TrendChart';

const PACE_KEY: Record<GoalStatus['status'], SidePanelKey> = {
  'on-track': 'sidepanel.goals.onTrack',
  behind: 'sidepanel.goals.behind',
  achieved: 'sidepanel.goals.achieved',
  'not-started': 'sidepanel.goals.notStarted',
  missed: 'sidepanel.goals.missed',
  'no-data': 'sidepanel.goals.noData',
};

export function GoalCard({
  goal,
  status,
  onEdit,
  onArchive,
}: {
  goal: Goal;
  status: GoalStatus | null;
  onEdit: () => void;
  onArchive: () => void;
}): JSX.Element {
  const t = useSpT();
  const ct = useCommonT();
  const locale = useLocale();
  const { scoring } = useSettings();
  const fmt = (v: number): string => formatKpiNumber(goal.metric, v, locale, scoring.currency);
  const pct = status?.progress === null || status?.progress === undefined ? null : Math.round(Math.max(0, Math.min(1, status.progress)) * 100);
  const scope =
    goal.scope.kind === 'all'
      ? t('sidepanel.goals.scopeAll')
      : goal.scope.kind === 'tier'
        ? t('sidepanel.goals.scopeTier', { tier: ct(`tier.${goal.scope.tier}`) })
        : t('sidepanel.goals.scopeSegment', { segment: goal.scope.segment });
  const titleId = `sp-goal-${goal.id}`;

  return (
    <article
      className="sp-goal sp-card"
      data-rapport-goal={goal.id}
      data-metric={goal.metric}
      data-current={kpiAttr(status?.current)}
      data-progress={kpiAttr(status?.progress)}
      data-pace={status?.status ?? ''}
      aria-labelledby={titleId}
    >
      <div className="sp-row sp-row--between">
        <h3 id={titleId} className="sp-h3">
          {goal.name}
        </h3>
        {status ? <span className={`sp-pace sp-pace--${status.status}`}>{t(PACE_KEY[status.status])}</span> : null}
      </div>
      <div className="sp-muted">
        {t(`sidepanel.goals.category.${goal.category}`)} · {ct(`kpi.${goal.metric}`)} · {scope} ·{' '}
        {t('sidepanel.goals.period', { start: formatDate(goal.periodStart, locale), end: formatDate(addDays(goal.periodEnd, -1), locale) })}
      </div>
      <div className="sp-row sp-row--between">
        <strong>
          {!status
            ? t('sidepanel.kpis.computing')
            : t('sidepanel.goals.current', { value: status.current === null ? ct('kpi.undefined') : fmt(status.current) })}
        </strong>
        <span className="sp-muted">
          {t('sidepanel.goals.baseline', { value: fmt(goal.baseline) })} → {t('sidepanel.goals.target', { value: fmt(goal.target) })}
        </span>
      </div>
      <div
        className="sp-progress"
        role="progressbar"
        aria-label={t('sidepanel.goals.progress', { name: goal.name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? t('sidepanel.goals.noData') : t('sidepanel.goals.progressText', { percent: formatNumber(pct, locale, 0) })}
      >
        <span style={{ width: `${pct ?? 0}%` }} />
      </div>
      {status && status.projected !== null ? (
        <div className="sp-muted">
          {t('sidepanel.goals.projected', { value: fmt(status.projected), date: formatDate(addDays(goal.periodEnd, -1), locale) })}
        </div>
      ) : null}
      {status && status.series.length >= 2 ? (
        <TrendChart
          label={t('sidepanel.goals.trend', { metric: ct(`kpi.${goal.metric}`) })}
          points={status.series.map((p) => p.value)}
          target={goal.target}
          format={fmt}
          firstLabel={formatDate(status.series[0]!.date, locale)}
          lastLabel={formatDate(status.series.at(-1)!.date, locale)}
        />
      ) : null}
      <div className="sp-row">
        <Button variant="ghost" aria-label={t('sidepanel.goals.editLabel', { name: goal.name })} onClick={onEdit}>
          {t('sidepanel.goals.edit')}
        </Button>
        <Button variant="ghost" aria-label={t('sidepanel.goals.archiveLabel', { name: goal.name })} onClick={onArchive}>
          {t('sidepanel.goals.archive')}
        </Button>
      </div>
    </article>
  );
}
