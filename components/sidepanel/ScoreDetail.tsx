/**
 * A customer's score read over time: churn risk as a probability with its 80 % range, CLV with
 * its range ("thin history" when wide), a risk sparkline over the last 90 days and what changed
 * since last week (risk, tier, the factors that moved) — from the score history. Contract:
 * `[data-rapport-risk]` with `data-value` / `data-low` / `data-high` (0–1), `[data-rapport-clv]`
 * with `data-value` / `data-low` / `data-high`, `[data-rapport-risk-trend]` with `data-points`,
 * each moved factor `[data-rapport-factor-delta]` with `data-delta`.
 */
import type { JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays } from '../../lib/clock';
import { scoreHistoryRepo } from '../../lib/db/repos/score-history';
import type { Score } from '../../lib/schemas/domain';
import { factorDeltas, riskPoints, thinHistory } from '../../lib/sidepanel/score-change';
import { formatMoney, formatNumber, formatSigned, kpiAttr } from '../../lib/sidepanel/format';
import { useCommonT, useLocale, useSettings } from '../common';
import { useSidePanel } from './context';
import { useSpT } from './i18n';
import { useReasonText } from './reasons';
import { Sparkline } from './Sparkline';

const TREND_DAYS = 90;

export function ScoreDetail({ score, currency }: { score: Score; currency: string }): JSX.Element {
  const t = useSpT();
  const ct = useCommonT();
  const locale = useLocale();
  const reason = useReasonText();
  const { scoring } = useSettings();
  const { db, asOf } = useSidePanel();
  const id = score.customerId;
  const history = useLiveQuery(async () => {
    const repo = scoreHistoryRepo(db);
    const [rows, week] = await Promise.all([repo.forCustomer(id, addDays(asOf, -TREND_DAYS)), repo.at(id, addDays(asOf, -7))]);
    return { rows, week };
  }, [db, id, asOf]);
  const pct = (p: number): string => t('sidepanel.kpis.unit.percent', { value: formatNumber(100 * p, locale, 0) });
  const money = (v: number): string => formatMoney(v, locale, currency);
  const points = history ? riskPoints(history.rows) : [];
  const week = history?.week;
  const deltas = week ? factorDeltas(score.reasons, week.reasons) : [];
  const riskNow = score.churnRisk !== undefined ? 100 * score.churnRisk : score.riskScore;
  const riskThen = week ? (week.churnRisk !== undefined ? 100 * week.churnRisk : week.riskScore) : null;
  const points1 = (v: number): string => formatNumber(v, locale, 0);

  return (
    <section className="sp-card" aria-labelledby="sp-score-h">
      <h4 id="sp-score-h" className="sp-h4">
        {t('sidepanel.score.risk')}
      </h4>
      {score.churnRisk !== undefined ? (
        <p data-rapport-risk="" data-value={score.churnRisk} data-low={kpiAttr(score.churnRiskLow)} data-high={kpiAttr(score.churnRiskHigh)}>
          <strong>{t('sidepanel.score.riskValue', { value: pct(score.churnRisk), days: scoring.riskHorizonDays })}</strong>
          {score.churnRiskLow !== undefined && score.churnRiskHigh !== undefined ? (
            <span className="sp-muted"> · {t('sidepanel.score.riskRange', { low: pct(score.churnRiskLow), high: pct(score.churnRiskHigh) })}</span>
          ) : null}
        </p>
      ) : null}
      <p data-rapport-clv="" data-value={score.clv} data-low={kpiAttr(score.clvLow)} data-high={kpiAttr(score.clvHigh)}>
        {t('sidepanel.customer.clv')}: <strong>{money(score.clv)}</strong>
        {score.clvLow !== undefined && score.clvHigh !== undefined ? (
          <span className="sp-muted"> · {t('sidepanel.score.clvRange', { low: money(score.clvLow), high: money(score.clvHigh) })}</span>
        ) : null}
        {thinHistory(score.clv, score.clvLow, score.clvHigh) ? <span className="sp-warning-tag"> {t('sidepanel.score.thin')}</span> : null}
      </p>
      <div data-rapport-risk-trend="" data-points={points.length}>
        {points.length >= 2 ? (
          <Sparkline
            label={t('sidepanel.score.trend', {
              days: TREND_DAYS,
              first: t('sidepanel.kpis.unit.percent', { value: points1(points[0]!) }),
              last: t('sidepanel.kpis.unit.percent', { value: points1(points.at(-1)!) }),
            })}
            points={points}
          />
        ) : (
          <p className="sp-muted">{t('sidepanel.score.trendNone')}</p>
        )}
      </div>
      <h5 className="sp-h5">{t('sidepanel.score.sinceWeek')}</h5>
      {!history ? null : !week ? (
        <p className="sp-muted">{t('sidepanel.score.noWeek')}</p>
      ) : (
        <ul className="sp-plain" data-rapport-since={week.date}>
          {riskThen !== null && Math.round(riskNow) !== Math.round(riskThen) ? (
            <li>
              {t('sidepanel.score.riskMoved', {
                then: t('sidepanel.kpis.unit.percent', { value: points1(riskThen) }),
                now: t('sidepanel.kpis.unit.percent', { value: points1(riskNow) }),
                delta: t('sidepanel.kpis.pp', { value: formatSigned(riskNow - riskThen, locale, 0) }),
              })}
            </li>
          ) : null}
          {week.tier !== score.tier ? <li>{t('sidepanel.score.tierMoved', { then: ct(`tier.${week.tier}`), now: ct(`tier.${score.tier}`) })}</li> : null}
          {deltas.length === 0 ? <li className="sp-muted">{t('sidepanel.score.noChange')}</li> : null}
          {deltas.map((d) => (
            <li key={d.id} data-rapport-factor-delta={d.id} data-delta={d.delta}>
              {t('sidepanel.score.factorMoved', { factor: reason.factor(d.id, d.params), then: points1(d.then), now: points1(d.now) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
