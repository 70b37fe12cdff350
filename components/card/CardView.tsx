/**
 * The card's content for one customer, what to do first: when it was scored (and "Sample data"
 * for a sample customer), churn risk with its 80 % range, CLV with its range, the next step and
 * why it comes first, the actions (Done / Dismiss / Snooze, visible without scrolling at the
 * card's default size); then the reasons (signed points), what changed since last week with the
 * 12-week sparkline (or the day of the first score), and open next steps.
 */
import type { JSX, ReactNode } from 'react';
import type { CardData } from '../../lib/messaging/protocol';
import type { Locale } from '../../lib/i18n';
import { CardAction, type CardDecision } from './CardAction';
import { Sparkline } from './Sparkline';
import { day, money, percent, say, scoredWhen, type CardT } from './format';

const signed = (n: number): string => `${n >= 0 ? '+' : '−'}${Math.abs(Math.round(n))}`;

export interface CardViewProps {
  t: CardT;
  locale: Locale;
  currency: string;
  data: CardData;
  onDecide(actionId: string, decision: CardDecision): void;
}

function Section({ title, children }: { title: string; children: ReactNode }): JSX.Element {
  return (
    <section className="card-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export function CardView({ t, locale, currency, data, onDecide }: CardViewProps): JSX.Element {
  const s = data.score;
  const due = (iso: string): string => t('card.due', { date: day(locale, iso) });
  const risk =
    s.churnRisk !== undefined && s.churnRiskLow !== undefined && s.churnRiskHigh !== undefined
      ? t('card.riskRange', { value: percent(locale, s.churnRisk), low: percent(locale, s.churnRiskLow), high: percent(locale, s.churnRiskHigh) })
      : s.churnRisk !== undefined
        ? percent(locale, s.churnRisk)
        : t('card.riskScore', { score: Math.round(s.riskScore) });
  const clv =
    s.clvLow !== undefined && s.clvHigh !== undefined
      ? t('card.clvRange', { value: money(locale, currency, s.clv), low: money(locale, currency, s.clvLow), high: money(locale, currency, s.clvHigh) })
      : money(locale, currency, s.clv);
  const week = data.lastWeek;
  const nba = s.nba;
  return (
    <div className="card" data-customer-id={data.customer.id}>
      <p className="card-head">
        <span className="card-scored" data-computed-at={s.computedAt}>
          {scoredWhen(t, locale, s.computedAt, data.asOf)}
        </span>
        {data.sample ? (
          <span className="r-badge r-badge--sample" data-rapport-sample="" title={t('card.sampleTitle')}>
            {t('card.sample')}
          </span>
        ) : null}
      </p>
      <dl className="card-facts">
        <dt>{t('card.risk')}</dt>
        <dd data-rapport-card="risk">
          {t(`risk.${s.risk}`)} · {risk}
        </dd>
        <dt>{t('card.clv')}</dt>
        <dd data-rapport-card="clv">{clv}</dd>
        <dt>{t('card.pAlive')}</dt>
        <dd>{percent(locale, s.pAlive)}</dd>
        <dt>{t('card.lastContact')}</dt>
        <dd>{s.lastContact ? day(locale, s.lastContact) : t('card.never')}</dd>
      </dl>
      {/* What to do comes before why: the actions are visible without scrolling. */}
      {nba ? (
        <Section title={t('card.next')}>
          <p data-rapport-card="next" data-kind={nba.kind}>
            <b>{t(`action.${nba.kind}` as never)}</b> ({due(nba.due)}) —{' '}
            {t('card.nbaWhy', { tier: t(`tier.${s.tier}`), risk: t(`risk.${s.risk}`), reason: say(t, nba.reason, nba.params) })}
          </p>
        </Section>
      ) : null}
      <Section title={t('card.actions')}>
        {data.actions.length ? (
          <ol className="card-actions">
            {data.actions.map((a) => (
              <CardAction key={a.id} t={t} action={a} customer={data.customer.name} asOf={data.asOf} due={due} onDecide={(d) => onDecide(a.id, d)} />
            ))}
          </ol>
        ) : (
          <p className="muted">{t('card.noActions')}</p>
        )}
      </Section>
      <Section title={t('card.reasons')}>
        {s.reasons.length ? (
          <ul className="card-reasons">
            {s.reasons.slice(0, 6).map((f) => (
              <li key={f.id}>
                <span className={`pts ${f.points >= 0 ? 'up' : 'down'}`}>{signed(f.points)}</span> {say(t, `factor.${f.id}`, f.params)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('card.noReasons')}</p>
        )}
      </Section>
      <Section title={t('card.changes')}>
        {/* One point is no trend: the day of the first score says why there is nothing to compare. */}
        {data.trend.length > 1 ? (
          <div className="card-trend">
            <Sparkline points={data.trend} label={t('card.trendLabel', { values: data.trend.map((p) => Math.round(p.riskScore)).join(', ') })} />
            <span className="muted">{t('card.trend')}</span>
          </div>
        ) : null}
        {week ? (
          <ul className="card-changes" data-rapport-card="changes">
            <li>{t('card.changesRisk', { from: Math.round(week.riskScore), to: Math.round(s.riskScore) })}</li>
            {week.tier !== s.tier ? <li>{t('card.changesTier', { from: t(`tier.${week.tier}`), to: t(`tier.${s.tier}`) })}</li> : null}
            {week.changes.length ? (
              week.changes.map((c) => (
                <li key={c.id} data-factor={c.id}>
                  <span className={`pts ${c.delta >= 0 ? 'up' : 'down'}`}>{signed(c.delta)}</span> {say(t, `factor.${c.id}`, c.params)}
                </li>
              ))
            ) : (
              <li className="muted">{t('card.noChanges')}</li>
            )}
          </ul>
        ) : (
          <p className="muted" data-rapport-card="first-scored">
            {t('card.firstScored', { date: day(locale, data.firstScored) })}
          </p>
        )}
      </Section>
      {data.openNextSteps.length ? (
        <Section title={t('card.nextSteps')}>
          <ul>
            {data.openNextSteps.map((n, i) => (
              <li key={i}>
                {n.text}
                {n.due ? ` (${due(n.due)})` : ''}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
