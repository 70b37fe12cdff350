/**
 * KPIs for an honest period: by default the last complete month (never a period that has barely
 * begun against a whole one), or a period to date against the same days of the previous one, or
 * a custom range — both ranges labelled. DOM contract: a container with `data-period-start` /
 * `data-period-end` (ISO, end exclusive) holding one `[data-rapport-kpi="<id>"]` per KPI (see
 * KpiCard). Computed from the KPI columns the background stores, or in the Worker from the book
 * while they are being rebuilt (useKpiTable); the `clv` KPI (a model refit per period, in the
 * Worker) comes after the others and its card appears when it is ready.
 */
import { useState, type JSX } from 'react';
import { KPI_IDS, TIERS } from '../../lib/schemas/enums';
import type { KpiComparison } from '../../lib/scoring/kpis';
import { useComputed } from './useComputed';
import { useKpiTable } from './useKpiTable';
import { customPeriod, lastCompletePeriod, lastDay, selectPeriod, DEFAULT_PRESET, PERIOD_PRESETS, type PeriodPreset } from '../../lib/sidepanel/periods';
import { formatDate, kpiAttr } from '../../lib/sidepanel/format';
import { RadioGroup, useCommonT, useLocale } from '../common';
import { useSidePanel } from './context';
import { useSpT, type SidePanelKey } from './i18n';
import { KpiCard, useKpiText } from './KpiCard';
import { ViewEmpty } from './empty/ViewEmpty';

export function KpisView(): JSX.Element {
  const t = useSpT();
  const ct = useCommonT();
  const locale = useLocale();
  const show = useKpiText();
  const { asOf } = useSidePanel();
  const [preset, setPreset] = useState<PeriodPreset>(DEFAULT_PRESET);
  const lastMonth = lastCompletePeriod('month', asOf);
  const [from, setFrom] = useState(lastMonth.start);
  const [to, setTo] = useState(lastDay(lastMonth));

  const sel = selectPeriod(preset, asOf, preset === 'custom' ? customPeriod(from, to) : null);
  const key = sel ? `${sel.period.start}/${sel.period.end}/${sel.compare.start}/${sel.compare.end}/${sel.trend[0]!.start}` : '';
  const { result: table, error } = useKpiTable(sel ? { period: sel.period, compare: sel.compare, trend: sel.trend } : null, key);
  // CLV refits the purchase models from the whole book: asked for once the other figures show
  const { result: clv } = useComputed(sel && table ? { kind: 'clv', period: sel.period, compare: sel.compare } : null, table ? key : '');
  const { result: clvTrend } = useComputed(sel && clv ? { kind: 'clv-trend', trend: sel.trend } : null, clv ? key : '');

  const range = (start: string, endExclusive: string): string =>
    t('sidepanel.kpis.range', { start: formatDate(start, locale), end: formatDate(lastDay({ start, end: endExclusive }), locale) });

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
      {!sel ? (
        <p className="r-error" role="alert">
          {t('sidepanel.kpis.invalidRange')}
        </p>
      ) : (
        <div data-period-start={sel.period.start} data-period-end={sel.period.end} className="sp-view">
          <dl className="sp-ranges">
            <dt>{t(sel.toDate ? 'sidepanel.kpis.shownToDate' : 'sidepanel.kpis.shown')}</dt>
            <dd data-rapport-range="period">{range(sel.period.start, sel.period.end)}</dd>
            <dt>{t(sel.toDate ? 'sidepanel.kpis.comparedSameDays' : 'sidepanel.kpis.compared')}</dt>
            <dd data-rapport-range="compare">{range(sel.compare.start, sel.compare.end)}</dd>
          </dl>
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
                  if (id !== 'clv') return <KpiCard key={id} id={id} figure={table.all[id]} trend={table.trend[id]} trendPeriods={sel.trend} />;
                  if (!clv)
                    return (
                      <div key={id} className="sp-kpi sp-card" aria-busy="true">
                        <h3 className="sp-kpi-name">{ct('kpi.clv')}</h3>
                        <p className="sp-muted" role="status">
                          {t('sidepanel.kpis.computing')}
                        </p>
                      </div>
                    );
                  const figure: KpiComparison = { ...clv.all, base: null, previousBase: null };
                  return <KpiCard key={id} id={id} figure={figure} trend={clvTrend ?? null} trendPeriods={sel.trend} />;
                })}
              </div>
              {clv ? (
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
                        data-value={kpiAttr(clv.byTier[tier].value)}
                        data-previous={kpiAttr(clv.byTier[tier].previous)}
                      >
                        <th scope="row">{ct(`tier.${tier}`)}</th>
                        <td>{show('clv', clv.byTier[tier].value)}</td>
                        <td>{show('clv', clv.byTier[tier].previous)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </>
          )}
        </div>
      )}
    </section>
  );
}
