// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { CustomerView } from '../../../components/sidepanel/CustomerView';
import type { AppDB } from '../../../lib/db/app-db';
import { historyRow } from '../../../lib/db/repos/score-history';
import { AS_OF, action, customer, dropDb, freshDb, putCustomers, renderInPanel, score } from './support';

let db: AppDB;
const now = score('C-1', {
  tier: 'platinum',
  risk: 'high',
  riskScore: 70,
  churnRisk: 0.42,
  churnRiskLow: 0.3,
  churnRiskHigh: 0.55,
  clv: 1000,
  clvLow: 200,
  clvHigh: 1400,
  reasons: [
    { id: 'contact-gap', points: 30, params: { days: 75, cadence: 14 } },
    { id: 'single-threaded', points: 12, params: { threads: 1 } },
  ],
  nba: { kind: 'exec-sponsor', reason: 'reason.exec-sponsor.key-at-risk', due: AS_OF },
});
beforeEach(async () => {
  db = await freshDb();
  await putCustomers(db, [customer('C-1', { name: 'Initech' })]);
  await db.scores.put(now);
  await db.actions.put(action('C-1:exec-sponsor', 'C-1', { kind: 'exec-sponsor', why: { base: 50, tier: 1.3, risk: 1.21, goal: 1, learned: 1, floor: true } }));
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

const view = () =>
  renderInPanel(<CustomerView customerId="C-1" fromTab={false} unknownRecord={false} onPick={() => undefined} onClear={() => undefined} />, { db });

describe('ScoreDetail and RankWhy', () => {
  it('risk as a probability with its range, CLV with a wide range as thin history, changes since last week, a sparkline, why the action ranks there', async () => {
    // 2026-11-13 is a week before AS_OF (2026-11-20)
    const then = {
      ...now,
      tier: 'gold' as const,
      churnRisk: 0.3,
      riskScore: 55,
      reasons: [{ id: 'contact-gap', points: 18, params: { days: 68, cadence: 14 } }],
    };
    await db.scoreHistory.bulkPut([historyRow({ ...then, churnRisk: 0.25 }, '2026-10-01'), historyRow(then, '2026-11-13'), historyRow(now, AS_OF)]);
    const { container } = view();
    await waitFor(() => expect(container.querySelector('[data-rapport-since]')).not.toBeNull());
    const risk = container.querySelector('[data-rapport-risk]')!;
    expect([risk.getAttribute('data-value'), risk.getAttribute('data-low'), risk.getAttribute('data-high')]).toEqual(['0.42', '0.3', '0.55']);
    expect(risk.textContent).toBe('42 % chance of no purchase in 90 days · 80 % range 30 % – 55 %');
    const clv = container.querySelector('[data-rapport-clv]')!;
    expect(clv.textContent).toContain('80 % range $200 – $1,400');
    expect(clv.textContent).toContain('Thin history: the range is wide');
    expect(container.querySelector('[data-rapport-risk-trend]')!.getAttribute('data-points')).toBe('3');
    expect(screen.getByRole('img', { name: 'Churn risk over the last 90 days: from 25 % to 42 %' })).toBeTruthy();
    const since = container.querySelector('[data-rapport-since]')!;
    expect(since.getAttribute('data-rapport-since')).toBe('2026-11-13');
    expect(since.textContent).toContain('Churn risk 30 % → 42 % (+12 pp)');
    expect(since.textContent).toContain('Tier Gold → Platinum');
    expect(
      [...since.querySelectorAll('[data-rapport-factor-delta]')].map((e) => [e.getAttribute('data-rapport-factor-delta'), e.getAttribute('data-delta')]),
    ).toEqual([
      ['contact-gap', '12'],
      ['single-threaded', '12'],
    ]);
    const why = container.querySelector('[data-rapport-why]')!;
    expect(why.getAttribute('data-rapport-why')).toBe(String(Math.round(50 * 1.3 * 1.21 * 10) / 10));
    expect([...why.querySelectorAll('[data-rapport-why-part]')].map((e) => e.getAttribute('data-rapport-why-part'))).toEqual([
      'base',
      'tier',
      'riskUp',
      'floor',
    ]);
    expect(why.textContent).toContain('× 1.21: a protective action rises with churn risk');
    expect(why.textContent).toContain('held up: a key account at high risk keeps its protective actions');
  });

  it('without history says so instead of a trend or a change', async () => {
    const { container } = view();
    expect(await screen.findByText('No score from a week ago yet.')).toBeTruthy();
    expect(screen.getByText('Not enough history for a risk trend yet.')).toBeTruthy();
    expect(container.querySelector('[data-rapport-risk-trend]')!.getAttribute('data-points')).toBe('0');
  });
});
