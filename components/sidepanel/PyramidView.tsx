/**
 * The customer pyramid: customers and value per tier as bars proportional to the customers in
 * each, how many moved in and out of each tier over the last four weeks (score history), and who
 * moved tier since a snapshot. Contract: each tier row `[data-rapport-tier]` with
 * `data-customers`, `data-clv`, `data-width` (bar, % of the largest tier), `data-in`, `data-out`.
 */
import { useEffect, useMemo, type JSX } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { TIERS, type Tier } from '../../lib/schemas/enums';
import { loadPyramid, namesOf } from '../../lib/sidepanel/queries';
import { send } from '../../lib/messaging/client';
import { barWidths, planSnapshots, summarisePyramid, tierFlows, tierMoves, type TierMove } from '../../lib/sidepanel/pyramid';
import { scoreHistoryRepo } from '../../lib/db/repos/score-history';
import { addDays } from '../../lib/clock';
import { formatDate, formatMoney, formatNumber } from '../../lib/sidepanel/format';
import { TierChip, useCommonT, useLocale, useSettings } from '../common';
import { useSidePanel } from './context';
import { useSpT } from './i18n';
import { VirtualList } from './VirtualList';
import { ViewEmpty } from './empty/ViewEmpty';

/** The tier moves shown per row: the last four weeks. */
const FLOW_DAYS = 28;

export function PyramidView(): JSX.Element {
  const t = useSpT();
  const ct = useCommonT();
  const locale = useLocale();
  const { scoring } = useSettings();
  const { db, asOf, openCustomer } = useSidePanel();
  const data = useLiveQuery(() => loadPyramid(db), [db]);
  const flows = useLiveQuery(async () => tierFlows(await scoreHistoryRepo(db).tierMoves(addDays(asOf, -FLOW_DAYS), asOf)), [db, asOf]);

  // Taking this week's snapshot is a write: the background takes it; the live query sees it.
  useEffect(() => {
    void send('recordTierSnapshot', { asOf }).catch(() => undefined);
  }, [asOf]);

  const { summary, baseline, moves } = useMemo(() => {
    if (!data) return { summary: [], baseline: null, moves: [] as TierMove[] };
    const current: Record<string, Tier> = {};
    for (const s of data.scores) current[s.customerId] = s.tier;
    const plan = planSnapshots(data.snapshots, current, asOf);
    return { summary: summarisePyramid(data.scores), baseline: plan.baseline, moves: tierMoves(plan.baseline, current) };
  }, [data, asOf]);

  const names = useLiveQuery(
    () =>
      namesOf(
        db,
        moves.map((m) => m.customerId),
      ),
    [db, moves],
  );

  if (!data) return <p className="sp-muted">{t('sidepanel.loading')}</p>;
  if (!data.scores.length) return <ViewEmpty text={t('sidepanel.noData')} />;
  const widths = barWidths(summary);

  return (
    <section aria-labelledby="sp-pyramid-h" className="sp-view">
      <h2 id="sp-pyramid-h" className="sp-h2">
        {t('sidepanel.pyramid.heading')}
      </h2>
      <table className="sp-pyramid" aria-label={t('sidepanel.pyramid.table')}>
        <tbody>
          {TIERS.map((tier) => {
            const s = summary.find((x) => x.tier === tier)!;
            return (
              <tr
                key={tier}
                data-rapport-tier={tier}
                data-customers={s.customers}
                data-clv={s.clv}
                data-width={widths[tier]}
                data-in={flows?.[tier].in ?? ''}
                data-out={flows?.[tier].out ?? ''}
              >
                <th scope="row">{ct(`tier.${tier}`)}</th>
                <td className="sp-pyramid-shape">
                  <span className="sp-pyramid-bar" data-tier={tier} style={{ width: `${widths[tier]}%` }} aria-hidden="true" />
                </td>
                <td>
                  <div>{t('sidepanel.pyramid.customers', { count: formatNumber(s.customers, locale, 0) })}</div>
                  <div className="sp-muted">{t('sidepanel.pyramid.share', { percent: formatNumber(s.share * 100, locale, 1) })}</div>
                  {flows ? (
                    <div className="sp-muted">
                      {t('sidepanel.pyramid.flow', {
                        in: formatNumber(flows[tier].in, locale, 0),
                        out: formatNumber(flows[tier].out, locale, 0),
                        days: FLOW_DAYS,
                      })}
                    </div>
                  ) : null}
                </td>
                <td>
                  <div>{t('sidepanel.pyramid.value', { value: formatMoney(s.clv, locale, scoring.currency) })}</div>
                  <div className="sp-muted">{t('sidepanel.pyramid.valueShare', { percent: formatNumber(s.valueShare * 100, locale, 1) })}</div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {baseline && !(baseline.asOf === asOf && moves.length === 0) ? (
        <>
          <h3 className="sp-h3">{t('sidepanel.pyramid.moves', { date: formatDate(baseline.asOf, locale) })}</h3>
          {moves.length === 0 ? (
            <p className="sp-muted">{t('sidepanel.pyramid.noMoves', { date: formatDate(baseline.asOf, locale) })}</p>
          ) : (
            <VirtualList
              items={moves}
              label={t('sidepanel.pyramid.moves', { date: formatDate(baseline.asOf, locale) })}
              rowKey={(m) => m.customerId}
              estimateSize={40}
              className="sp-moves"
              renderRow={(m) => (
                <div className="sp-move" data-rapport-move={m.direction} data-customer-id={m.customerId}>
                  <button type="button" className="sp-linkbtn" onClick={() => openCustomer(m.customerId)}>
                    {names?.get(m.customerId) ?? m.customerId}
                  </button>
                  <span className={`sp-move-dir sp-move-dir--${m.direction}`}>
                    {t(m.direction === 'up' ? 'sidepanel.pyramid.moveUp' : 'sidepanel.pyramid.moveDown', {
                      from: ct(`tier.${m.from}`),
                      to: ct(`tier.${m.to}`),
                    })}
                  </span>
                  <TierChip tier={m.to} />
                </div>
              )}
            />
          )}
        </>
      ) : (
        <p className="sp-muted">{t('sidepanel.pyramid.firstSnapshot')}</p>
      )}
    </section>
  );
}
