/**
 * "How good is my risk score?": the back-test stored after every full rescore — ROC AUC of
 * Rapport's risk vs recency alone vs the purchase model alone, calibration by band, precision of
 * the high band, the cut-off and horizon, learnt or priors and why — said plainly when the score
 * does not beat recency; then the report of what happened to actions (ActionReport).
 * Contract: `[data-rapport-backtest]` with `data-auc`, `data-recency-auc`, `data-bgnbd-auc`,
 * `data-verdict`.
 */
import type { JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { scoresRepo } from '../../lib/db/repos/scores';
import type { RiskBacktest } from '../../lib/scoring/book-backtest';
import { verdict } from '../../lib/sidepanel/proof';
import { formatDate, formatNumber, kpiAttr } from '../../lib/sidepanel/format';
import { useCommonT, useLocale } from '../common';
import { useSidePanel } from './context';
import { useSpT, type SidePanelKey } from './i18n';
import { ActionReport } from './ActionReport';

export function ProofView(): JSX.Element {
  const t = useSpT();
  const { db } = useSidePanel();
  const stored = useLiveQuery(async () => ({ backtest: await scoresRepo(db).getBacktest() }), [db]);
  return (
    <section aria-labelledby="sp-proof-h" className="sp-view">
      <h2 id="sp-proof-h" className="sp-h2">
        {t('sidepanel.proof.heading')}
      </h2>
      {!stored ? (
        <p className="sp-muted">{t('sidepanel.loading')}</p>
      ) : stored.backtest ? (
        <Backtest b={stored.backtest} />
      ) : (
        <p className="sp-muted">{t('sidepanel.proof.none')}</p>
      )}
      <ActionReport />
    </section>
  );
}

function Backtest({ b }: { b: RiskBacktest }): JSX.Element {
  const t = useSpT();
  const ct = useCommonT();
  const locale = useLocale();
  const v = verdict(b);
  const auc = (x: number | null): string => (x === null ? t('sidepanel.proof.notMeasured') : formatNumber(x, locale, 2));
  const pct = (x: number | null): string => (x === null ? '—' : t('sidepanel.kpis.unit.percent', { value: formatNumber(100 * x, locale, 1) }));
  const n = (x: number): string => formatNumber(x, locale, 0);
  const why = b.fallback ? t(`sidepanel.proof.fallback.${b.fallback}` as SidePanelKey) : t('sidepanel.proof.fallback.unknown');
  return (
    <div
      className="sp-view"
      data-rapport-backtest=""
      data-auc={kpiAttr(b.auc)}
      data-recency-auc={kpiAttr(b.recencyAuc)}
      data-bgnbd-auc={kpiAttr(b.bgnbdAuc)}
      data-verdict={v}
    >
      <p>{t('sidepanel.proof.setup', { cutoff: formatDate(b.cutoff, locale), days: n(b.horizonDays), customers: n(b.customers), churned: n(b.churned) })}</p>
      <p className={v === 'beats' ? 'sp-card sp-verdict' : 'sp-card sp-verdict sp-warn'} role="note">
        {v === 'not-measurable'
          ? t('sidepanel.proof.notMeasurable')
          : t(v === 'beats' ? 'sidepanel.proof.beats' : 'sidepanel.proof.doesNotBeat', { auc: auc(b.auc), recency: auc(b.recencyAuc) })}
      </p>
      <table className="sp-table sp-card">
        <caption className="sp-h4">{t('sidepanel.proof.aucHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sidepanel.proof.method')}</th>
            <th scope="col">{t('sidepanel.proof.auc')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('sidepanel.proof.rapport')}</th>
            <td>{auc(b.auc)}</td>
          </tr>
          <tr>
            <th scope="row">{t('sidepanel.proof.recency')}</th>
            <td>{auc(b.recencyAuc)}</td>
          </tr>
          <tr>
            <th scope="row">{t('sidepanel.proof.bgnbd')}</th>
            <td>{auc(b.bgnbdAuc)}</td>
          </tr>
        </tbody>
      </table>
      <p className="r-hint">{t('sidepanel.proof.aucHint')}</p>
      <table className="sp-table sp-card">
        <caption className="sp-h4">{t('sidepanel.proof.calibration')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sidepanel.proof.band')}</th>
            <th scope="col">{t('sidepanel.proof.customers')}</th>
            <th scope="col">{t('sidepanel.proof.predicted')}</th>
            <th scope="col">{t('sidepanel.proof.observed')}</th>
          </tr>
        </thead>
        <tbody>
          {b.calibration.map((c) => (
            <tr key={c.band} data-rapport-band={c.band} data-predicted={kpiAttr(c.predicted)} data-observed={kpiAttr(c.observed)}>
              <th scope="row">{ct(`risk.${c.band}`)}</th>
              <td>{n(c.customers)}</td>
              <td>{pct(c.predicted)}</td>
              <td>{pct(c.observed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('sidepanel.proof.overall', { predicted: pct(b.meanPredicted), observed: pct(b.observedRate) })}</p>
      <p>
        {b.highPrecision === null
          ? t('sidepanel.proof.highEmpty')
          : t('sidepanel.proof.highPrecision', { value: pct(b.highPrecision), days: n(b.horizonDays) })}
      </p>
      <p>{b.model === 'learned' ? t('sidepanel.proof.learned') : t('sidepanel.proof.prior', { why })}</p>
    </div>
  );
}
