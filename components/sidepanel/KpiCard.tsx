/**
 * One KPI: its value for the period, the comparison period's value, the change (percentage
 * points for rates; "too few to compare" when a figure stands on fewer than 20 customers or
 * responses) and the trend over the last periods. Contract: `[data-rapport-kpi="<id>"]` with
 * `data-value` / `data-previous` (raw numbers, "" when undefined).
 */
import type { JSX } from 'react';
import type { KpiId } from '../../lib/schemas/enums';
import type { KpiComparison } from '../../lib/scoring/kpis';
import { kpiChange } from '../../lib/sidepanel/kpi-change';
import { formatDate, formatKpiNumber, formatMoney, formatSigned, kpiAttr, KPI_UNIT } from '../../lib/sidepanel/format';
import type { Period } from '../../lib/sidepanel/periods';
import { useCommonT, useLocale, useSettings } from '../common';
import { useSpT } from './i18n';
import { TrendChart } from './TrendChart';

export function useKpiText(): (id: KpiId, v: number | null) => string {
  const t = useSpT();
  const ct = useCommonT();
  const locale = useLocale();
  const { scoring } = useSettings();
  return (id, v) => {
    if (v === null || !Number.isFinite(v)) return ct('kpi.undefined');
    const n = formatKpiNumber(id, v, locale, scoring.currency);
    const unit = KPI_UNIT[id];
    return unit === 'percent'
      ? t('sidepanel.kpis.unit.percent', { value: n })
      : unit === 'perMonth'
        ? t('sidepanel.kpis.unit.perMonth', { value: n })
        : unit === 'per100'
          ? t('sidepanel.kpis.unit.per100', { value: n })
          : n;
  };
}

export interface KpiCardProps {
  id: KpiId;
  figure: KpiComparison;
  /** One value per trend period (null while it is being computed). */
  trend: (number | null)[] | null;
  trendPeriods: readonly Period[];
}

export function KpiCard({ id, figure, trend, trendPeriods }: KpiCardProps): JSX.Element {
  const t = useSpT();
  const ct = useCommonT();
  const locale = useLocale();
  const { scoring } = useSettings();
  const show = useKpiText();
  const { value, previous } = figure;
  const change = kpiChange(id, figure);
  const deltaText = (delta: number): string =>
    KPI_UNIT[id] === 'money'
      ? `${delta > 0 ? '+' : delta < 0 ? '−' : ''}${formatMoney(Math.abs(delta), locale, scoring.currency)}`
      : change.kind === 'change' && change.points
        ? t('sidepanel.kpis.pp', { value: formatSigned(delta, locale, 1) })
        : formatSigned(delta, locale, KPI_UNIT[id] === 'count' ? 0 : KPI_UNIT[id] === 'score' ? 1 : 2);
  const bare = (v: number): string => (KPI_UNIT[id] === 'money' ? formatMoney(v, locale, scoring.currency) : formatKpiNumber(id, v, locale, scoring.currency));
  const first = trendPeriods[0];
  const last = trendPeriods[trendPeriods.length - 1];
  const known = trend?.filter((v): v is number => v !== null && Number.isFinite(v)) ?? [];
  return (
    <div className="sp-kpi sp-card" data-rapport-kpi={id} data-value={kpiAttr(value)} data-previous={kpiAttr(previous)}>
      <h3 className="sp-kpi-name">{ct(`kpi.${id}`)}</h3>
      <div className="sp-kpi-value" title={value === null ? t('sidepanel.kpis.undefinedHint') : undefined}>
        {show(id, value)}
      </div>
      <div className="sp-muted">{t('sidepanel.kpis.previous', { value: show(id, previous) })}</div>
      {change.kind === 'too-few' ? (
        <div className="sp-muted" data-rapport-too-few="">
          {t('sidepanel.kpis.tooFew', { count: change.base })}
        </div>
      ) : change.kind === 'change' ? (
        <div className={change.better === null ? 'sp-muted' : change.better ? 'sp-delta--better' : 'sp-delta--worse'}>
          {t('sidepanel.kpis.change', { delta: deltaText(change.delta) })}
        </div>
      ) : null}
      {trend && first && last ? (
        <TrendChart
          label={
            known.length
              ? t('sidepanel.kpis.trendLabel', {
                  count: trend.length,
                  first: show(id, trend[0] ?? null),
                  last: show(id, trend[trend.length - 1] ?? null),
                  min: show(id, Math.min(...known)),
                  max: show(id, Math.max(...known)),
                })
              : t('sidepanel.kpis.trendEmpty', { count: trend.length })
          }
          points={trend}
          format={bare}
          firstLabel={formatDate(first.start, locale)}
          lastLabel={formatDate(last.start, locale)}
        />
      ) : null}
    </div>
  );
}
