/** The customer profile body (see CustomerView). */
import { useState, type JSX } from 'react';
import type { CustomerProfile } from '../../lib/sidepanel/queries';
import { formatDate, formatMoney, formatNumber, formatSigned } from '../../lib/sidepanel/format';
import { RiskChip, TierChip, Button, useCommonT, useLocale, useSettings } from '../common';
import { CrmLinks } from './CrmLinks';
import { useSpT } from './i18n';
import { useReasonText } from './reasons';
import { ScoreDetail } from './ScoreDetail';
import { RankWhy } from './RankWhy';

const PAGE = 20;
const TOP_FACTORS = 5;

export function CustomerProfileView({ profile }: { profile: CustomerProfile }): JSX.Element {
  const t = useSpT();
  const ct = useCommonT();
  const locale = useLocale();
  const { scoring } = useSettings();
  const reason = useReasonText();
  const [shown, setShown] = useState(PAGE);
  const { customer, score, contacts, interactions, feedback, purchases, actions, nextSteps } = profile;
  const currency = purchases.currency ?? scoring.currency;
  const decisionMakers = contacts.filter((c) => c.isDecisionMaker).length;
  const [allFactors, setAllFactors] = useState(false);
  const sorted = score ? [...score.reasons].sort((a, b) => Math.abs(b.points) - Math.abs(a.points)) : [];
  // the largest few say why; the rest on demand
  const factors = allFactors ? sorted : sorted.slice(0, TOP_FACTORS);
  const nbaWhy = score?.nba ? actions.find((a) => a.kind === score.nba!.kind)?.why : undefined;

  return (
    <article className="sp-profile" data-rapport-customer={customer.id} aria-labelledby="sp-profile-name">
      <header className="sp-profile-head">
        <h3 id="sp-profile-name" className="sp-h3">
          {customer.name}
        </h3>
        <div className="sp-row">
          {score ? (
            <>
              <TierChip tier={score.tier} />
              <RiskChip risk={score.risk} score={score.riskScore} />
            </>
          ) : (
            <span className="sp-muted">{t('sidepanel.customer.notScored')}</span>
          )}
          {customer.segment ? <span className="sp-muted">{customer.segment}</span> : null}
        </div>
        <CrmLinks refs={customer.crmRefs} name={customer.name} />
      </header>

      {score ? (
        <dl className="sp-facts">
          <div>
            <dt>{t('sidepanel.customer.pAlive')}</dt>
            <dd>{t('sidepanel.kpis.unit.percent', { value: formatNumber(score.pAlive * 100, locale, 0) })}</dd>
          </div>
          <div>
            <dt>{t('sidepanel.customer.rfm')}</dt>
            <dd>{t('sidepanel.customer.rfmValue', { r: score.rfm.r, f: score.rfm.f, m: score.rfm.m, segment: reason.segment(score.rfm.segment) })}</dd>
          </div>
          <div>
            <dt>{t('sidepanel.customer.lastContact')}</dt>
            <dd>{score.lastContact ? formatDate(score.lastContact, locale) : t('sidepanel.customer.never')}</dd>
          </div>
          <div>
            <dt>{t('sidepanel.customer.purchases')}</dt>
            <dd>{t('sidepanel.customer.purchasesValue', { count: purchases.count, total: formatMoney(purchases.total, locale, currency) })}</dd>
          </div>
        </dl>
      ) : null}

      {score ? <ScoreDetail score={score} currency={currency} /> : null}

      {score?.nba ? (
        <section className="sp-card" aria-labelledby="sp-nba-h">
          <h4 id="sp-nba-h" className="sp-h4">
            {t('sidepanel.customer.nba')}
          </h4>
          <p>
            <strong>{ct(`action.${score.nba.kind}`)}</strong> · {t('sidepanel.today.due', { date: formatDate(score.nba.due, locale) })}
          </p>
          <p className="sp-muted">{reason.text(score.nba.reason, score.nba.params)}</p>
          {nbaWhy ? <RankWhy why={nbaWhy} /> : null}
        </section>
      ) : null}

      {score ? (
        <section className="sp-card" aria-labelledby="sp-why-h">
          <h4 id="sp-why-h" className="sp-h4">
            {t('sidepanel.customer.why')}
          </h4>
          <p className="r-hint">{t('sidepanel.customer.whyHint')}</p>
          <ul className="sp-factors">
            {factors.map((f) => (
              <li key={f.id} data-rapport-factor={f.id} data-points={f.points}>
                <span className="sp-factor-text">{reason.factor(f.id, f.params)}</span>
                <span className={`sp-points ${f.points > 0 ? 'sp-points--up' : f.points < 0 ? 'sp-points--down' : ''}`}>
                  {t('sidepanel.customer.points', { points: formatSigned(f.points, locale, 0) })}
                </span>
              </li>
            ))}
            {sorted.length > TOP_FACTORS ? (
              <li>
                <Button variant="ghost" onClick={() => setAllFactors((v) => !v)} aria-expanded={allFactors}>
                  {allFactors ? t('sidepanel.customer.fewerFactors') : t('sidepanel.customer.allFactors', { count: sorted.length })}
                </Button>
              </li>
            ) : null}
            <li className="sp-factor-total">
              <span>{t('sidepanel.customer.total')}</span>
              <strong>{formatNumber(score.riskScore, locale, 0)}</strong>
            </li>
          </ul>
        </section>
      ) : null}

      {actions.length ? (
        <section className="sp-card" aria-labelledby="sp-actions-h">
          <h4 id="sp-actions-h" className="sp-h4">
            {t('sidepanel.customer.actions')}
          </h4>
          <ul className="sp-plain">
            {actions.map((a) => (
              <li key={a.id}>
                <strong>{ct(`action.${a.kind}`)}</strong> · {t('sidepanel.today.due', { date: formatDate(a.due, locale) })}
                {a.status === 'snoozed' && a.snoozedUntil ? ` · ${t('sidepanel.customer.snoozedUntil', { date: formatDate(a.snoozedUntil, locale) })}` : ''}
                <div className="sp-muted">{reason.text(a.reason)}</div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="sp-card" aria-labelledby="sp-steps-h">
        <h4 id="sp-steps-h" className="sp-h4">
          {t('sidepanel.customer.nextSteps')}
        </h4>
        {nextSteps.length ? (
          <ul className="sp-plain">
            {nextSteps.map((s, i) => (
              <li key={`${s.date}-${i}`}>
                {s.text}
                {s.due ? <span className="sp-muted"> · {t('sidepanel.today.due', { date: formatDate(s.due, locale) })}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="sp-muted">{t('sidepanel.customer.noNextSteps')}</p>
        )}
      </section>

      <section className="sp-card" aria-labelledby="sp-contacts-h">
        <h4 id="sp-contacts-h" className="sp-h4">
          {t('sidepanel.customer.contacts')}
        </h4>
        {contacts.length ? (
          <>
            <p data-rapport-coverage={decisionMakers}>{t('sidepanel.customer.coverage', { dm: decisionMakers, total: contacts.length })}</p>
            {contacts.length === 1 ? <p className="sp-warn">{t('sidepanel.customer.singleThreaded')}</p> : null}
            {decisionMakers === 0 ? <p className="sp-warn">{t('sidepanel.customer.noDecisionMaker')}</p> : null}
            <ul className="sp-plain">
              {contacts.map((c) => (
                <li key={c.id}>
                  {c.name}
                  {c.role ? <span className="sp-muted"> · {c.role}</span> : null}
                  {c.isDecisionMaker ? <span className="sp-badge"> {t('sidepanel.customer.decisionMaker')}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="sp-muted">{t('sidepanel.customer.noContacts')}</p>
        )}
      </section>

      <section className="sp-card" aria-labelledby="sp-timeline-h">
        <h4 id="sp-timeline-h" className="sp-h4">
          {t('sidepanel.customer.timeline')}
        </h4>
        {interactions.length ? (
          <>
            <ol className="sp-timeline">
              {interactions.slice(0, shown).map((i) => (
                <li key={i.id} data-sentiment={i.sentiment}>
                  <div className="sp-row">
                    <time dateTime={i.date}>{formatDate(i.date, locale)}</time>
                    <span>{ct(`channel.${i.channel}`)}</span>
                    {i.direction ? <span className="sp-muted">{ct(`direction.${i.direction}`)}</span> : null}
                    {i.sentiment ? <span className={`sp-sentiment sp-sentiment--${i.sentiment}`}>{ct(`sentiment.${i.sentiment}`)}</span> : null}
                    {i.contact ? <span className="sp-muted">{i.contact}</span> : null}
                  </div>
                  <div className="sp-summary">{i.summary}</div>
                  {i.nextStep ? (
                    <div className="sp-muted">
                      → {i.nextStep}
                      {i.nextStepDue ? ` (${formatDate(i.nextStepDue, locale)})` : ''}
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
            {interactions.length > shown ? (
              <Button variant="ghost" onClick={() => setShown((n) => n + PAGE)}>
                {t('sidepanel.customer.showMore')}
              </Button>
            ) : null}
          </>
        ) : (
          <p className="sp-muted">{t('sidepanel.customer.noInteractions')}</p>
        )}
      </section>

      <section className="sp-card" aria-labelledby="sp-feedback-h">
        <h4 id="sp-feedback-h" className="sp-h4">
          {t('sidepanel.customer.feedback')}
        </h4>
        {feedback.length ? (
          <ul className="sp-plain">
            {feedback.slice(0, 30).map((f) => (
              <li key={f.id}>
                <time dateTime={f.date}>{formatDate(f.date, locale)}</time> ·{' '}
                <strong>
                  {f.kind === 'complaint' ? t('sidepanel.customer.feedback.complaint') : t(`sidepanel.customer.feedback.${f.kind}`, { score: f.score ?? '—' })}
                </strong>
                {f.comment ? <div className="sp-summary">{f.comment}</div> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="sp-muted">{t('sidepanel.customer.noFeedback')}</p>
        )}
      </section>
    </article>
  );
}
