/**
 * KPIs for a chosen period vs the previous one of the same length. DOM contract: a container
 * with `data-period-start` / `data-period-end` (ISO, end exclusive) holding one
 * `[data-rapport-kpi="<id>"]` per KPI with `data-value` / `data-previous` (raw numbers, "" when
 * undefined). Computed once per period or data change (memoised), not per render.
 */
import { useState, type JSX } from 'react';
import { KPI_IDS, TIERS, type KpiId } from '../../lib/schemas/enums';
import { useComputed } from './useComputed';
import { customPeriod, lastDay, presetPeriod, previousPeriod, PERIOD_PRESETS, type Period, type PeriodPreset } from '../../lib/sidepanel/periods';
import { formatDate, formatKpiNumber, formatMoney, formatSigned, kpiAttr, KPI_UNIT, LOWER_IS_BETTER } from '../../lib/sidepanel/format';
import { RadioGroup, useCommonT, useLocale, useSettings } from '../shared';
import { useSidePanel } from './context';
import { useSpT, type SidePanelKey } from './i18n';
import { ViewEmpty } from './empty/ViewEmpty';

export function KpisView(): JSX.Element {
  const t = useSpT();
  const ct = useCommonT();
  const locale = useLocale();
  const { scoring } = useSettings();
  const { asOf } = useSidePanel();
  const [preset, setPreset] = useState<PeriodPreset>('month');
  const monthly = presetPeriod('month', asOf);
  const [from, setFrom] = useState(monthly.start);
  const [to, setTo] = useState(lastDay(monthly));

  const period: Period | null = preset === 'custom' ? customPeriod(from, to) : presetPeriod(preset, asOf);
  // Computed off the main thread, once per period and data change.
  const { result: table, error } = useComputed(period ? { kind: 'kpis', period } : null, period ? `${period.start}/${period.end}` : '');
  const prev = period ? previousPeriod(period) : null;

  const show = (id: KpiId, v: number | null): string => {
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

  return (
    <section aria-labelledby="sp-kpis-h" className="sp-view">
      <h2 id="sp-kpis-h" className="sp-h2">
        {t('sidepanel.kpis.heading')}
      </h2>
      <ViewEmpty />
      <RadioGroup
        label={t('sidepanel.kpis.period')}
        name="sp-period"
        options={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`sidepanel.kpis.preset.${p}` as SidePanelKey) }))}
        value={preset}
        onChange={setPreset}
      />
      {preset === 'custom' ? (
        <div className="sp-row">
          <label className="sp-field">
            <span className="r-label">{t('sidepanel.kpis.from')}</span>
            <input className="r-input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="sp-field">
            <span className="r-label">{t('sidepanel.kpis.to')}</span>
            <input className="r-input" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
      ) : null}
      {!period ? (
        <p className="r-error" role="alert">
          {t('sidepanel.kpis.invalidRange')}
        </p>
      ) : (
        <div data-period-start={period.start} data-period-end={period.end} className="sp-view">
          <p className="sp-muted">
            {t('sidepanel.kpis.range', { start: formatDate(period.start, locale), end: formatDate(lastDay(period), locale) })}{' '}
            {prev ? t('sidepanel.kpis.vs', { start: formatDate(prev.start, locale), end: formatDate(lastDay(prev), locale) }) : null}
          </p>
          {error ? (
            <p className="r-error" role="alert">
              {error}
            </p>
          ) : !table ? (
            <p className="sp-muted" role="status">
              {t('sidepanel.kpis.computing')}
            </p>
          ) : (
            <>
              <div className="sp-kpis">
                {KPI_IDS.map((id) => {
                  const { value, previous } = table.all[id];
                  const delta = value !== null && previous !== null ? value - previous : null;
                  const better = delta === null || delta === 0 ? null : LOWER_IS_BETTER.has(id) ? delta < 0 : delta > 0;
                  return (
                    <div key={id} className="sp-kpi sp-card" data-rapport-kpi={id} data-value={kpiAttr(value)} data-previous={kpiAttr(previous)}>
                      <h3 className="sp-kpi-name">{ct(`kpi.${id}`)}</h3>
                      <div className="sp-kpi-value" title={value === null ? t('sidepanel.kpis.undefinedHint') : undefined}>
                        {show(id, value)}
                      </div>
                      <div className="sp-muted">{t('sidepanel.kpis.previous', { value: show(id, previous) })}</div>
                      {delta !== null && delta !== 0 ? (
                        <div className={better ? 'sp-delta--better' : 'sp-delta--worse'}>
                          {t('sidepanel.kpis.change', {
                            delta:
                              KPI_UNIT[id] === 'money'
                                ? `${delta > 0 ? '+' : '−'}${formatMoney(Math.abs(delta), locale, scoring.currency)}`
                                : formatSigned(delta, locale, KPI_UNIT[id] === 'count' ? 0 : 1),
                          })}
                        </div>
                      ) : null}
                    </div>
                  );
                })}
              </div>
              <table className="sp-tiers sp-card">
                <caption className="sp-h4">{t('sidepanel.kpis.clvByTier')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('sidepanel.pyramid.tier')}</th>
                    <th scope="col">{ct('kpi.clv')}</th>
                    <th scope="col">{t('sidepanel.kpis.previousCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {TIERS.map((tier) => (
                    <tr
                      key={tier}
                      data-rapport-kpi-tier={tier}
                      data-value={kpiAttr(table.clvByTier[tier].value)}
                      data-previous={kpiAttr(table.clvByTier[tier].previous)}
                    >
                      <th scope="row">{ct(`tier.${tier}`)}</th>
                      <td>{show('clv', table.clvByTier[tier].value)}</td>
                      <td>{show('clv', table.clvByTier[tier].previous)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
    </section>
  );
}
