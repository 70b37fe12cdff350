/**
 * What happened to the actions Rapport showed: per kind, how many were done, dismissed, snoozed
 * or left to expire, acceptance and completion, and the mean change of churn risk four weeks
 * after a done action — for all tiers or one. Contract: each row `[data-rapport-outcome]` (the
 * kind) with `data-shown`, `data-acceptance`, `data-completion`, `data-risk-change`.
 */
import { useMemo, useState, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { outcomesRepo } from '../../lib/db/repos/outcomes';
import { TIERS, type Tier } from '../../lib/schemas/enums';
import { reportFor } from '../../lib/sidepanel/proof';
import { formatNumber, formatSigned, kpiAttr } from '../../lib/sidepanel/format';
import { Field, useCommonT, useLocale } from '../common';
import { useSidePanel } from './context';
import { useSpT } from './i18n';

export function ActionReport(): JSX.Element {
  const t = useSpT();
  const ct = useCommonT();
  const locale = useLocale();
  const { db } = useSidePanel();
  const [tier, setTier] = useState<Tier | 'all'>('all');
  const outcomes = useLiveQuery(() => outcomesRepo(db).all(), [db]);
  const rows = useMemo(() => (outcomes ? reportFor(outcomes, tier) : []), [outcomes, tier]);
  const pct = (x: number | null): string => (x === null ? '—' : t('sidepanel.kpis.unit.percent', { value: formatNumber(100 * x, locale, 0) }));
  const n = (x: number): string => formatNumber(x, locale, 0);
  return (
    <section aria-labelledby="sp-report-h" className="sp-view">
      <h3 id="sp-report-h" className="sp-h3">
        {t('sidepanel.report.heading')}
      </h3>
      {outcomes && outcomes.length === 0 ? (
        <p className="sp-muted">{t('sidepanel.report.none')}</p>
      ) : (
        <>
          <Field label={t('sidepanel.report.tier')}>
            {(p) => (
              <select {...p} className="r-input" value={tier} onChange={(e) => setTier(e.target.value as Tier | 'all')}>
                <option value="all">{t('sidepanel.report.all')}</option>
                {TIERS.map((x) => (
                  <option key={x} value={x}>
                    {ct(`tier.${x}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="sp-scroll-x">
            <table className="sp-table sp-card">
              <thead>
                <tr>
                  <th scope="col">{t('sidepanel.report.kind')}</th>
                  <th scope="col">{t('sidepanel.report.shown')}</th>
                  <th scope="col">{t('sidepanel.report.done')}</th>
                  <th scope="col">{t('sidepanel.report.dismissed')}</th>
                  <th scope="col">{t('sidepanel.report.snoozed')}</th>
                  <th scope="col">{t('sidepanel.report.expired')}</th>
                  <th scope="col">{t('sidepanel.report.acceptance')}</th>
                  <th scope="col">{t('sidepanel.report.completion')}</th>
                  <th scope="col">{t('sidepanel.report.riskChange')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={r.kind}
                    data-rapport-outcome={r.kind}
                    data-shown={r.shown}
                    data-acceptance={kpiAttr(r.acceptance)}
                    data-completion={kpiAttr(r.completion)}
                    data-risk-change={kpiAttr(r.riskChange)}
                  >
                    <th scope="row">{ct(`action.${r.kind}`)}</th>
                    <td>{n(r.shown)}</td>
                    <td>{n(r.done)}</td>
                    <td>{n(r.dismissed)}</td>
                    <td>{n(r.snoozed)}</td>
                    <td>{n(r.expired)}</td>
                    <td>{pct(r.acceptance)}</td>
                    <td>{pct(r.completion)}</td>
                    <td>
                      {r.riskChange === null
                        ? '—'
                        : t('sidepanel.report.riskChangeValue', {
                            value: t('sidepanel.kpis.pp', { value: formatSigned(100 * r.riskChange, locale, 1) }),
                            count: n(r.riskMeasured),
                          })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="r-hint">{t('sidepanel.report.hint')}</p>
        </>
      )}
    </section>
  );
}
