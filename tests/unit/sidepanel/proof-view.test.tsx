// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProofView } from '../../../components/sidepanel/ProofView';
import { BACKTEST_KEY } from '../../../lib/db/repos/scores';
import type { RiskBacktest } from '../../../lib/scoring/book-backtest';
import type { ActionOutcomeRow } from '../../../lib/schemas/history';
import { reportFor, verdict } from '../../../lib/sidepanel/proof';
import type { AppDB } from '../../../lib/db/app-db';
import { dropDb, freshDb, renderInPanel } from './support';

let db: AppDB;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

const backtest = (over: Partial<RiskBacktest> = {}): RiskBacktest => ({
  cutoff: '2026-09-04',
  asOf: '2026-12-03',
  horizonDays: 90,
  customers: 1800,
  churned: 540,
  auc: 0.71,
  recencyAuc: 0.74,
  bgnbdAuc: 0.69,
  meanPredicted: 0.32,
  observedRate: 0.3,
  calibration: [
    { band: 'low', customers: 1000, predicted: 0.12, observed: 0.1 },
    { band: 'medium', customers: 500, predicted: 0.45, observed: 0.41 },
    { band: 'high', customers: 300, predicted: 0.78, observed: 0.7 },
  ],
  highPrecision: 0.7,
  model: 'prior',
  fallback: 'too-few-churners',
  beatsRecency: false,
  ...over,
});

let n = 0;
const outcome = (
  kind: ActionOutcomeRow['kind'],
  tier: ActionOutcomeRow['tier'],
  o: ActionOutcomeRow['outcome'],
  risk?: [number, number],
): ActionOutcomeRow => ({
  id: `o${n++}`,
  customerId: `C${n}`,
  actionId: `C${n}:${kind}`,
  kind,
  tier,
  outcome: o,
  date: '2026-10-01',
  ...(risk ? { riskBefore: risk[0], riskAfter: risk[1] } : {}),
});

describe('verdict and reportFor', () => {
  it('reads the back-test plainly', () => {
    expect(verdict({ auc: 0.8, recencyAuc: 0.7, beatsRecency: true })).toBe('beats');
    expect(verdict({ auc: 0.7, recencyAuc: 0.74, beatsRecency: false })).toBe('does-not-beat');
    expect(verdict({ auc: null, recencyAuc: 0.7, beatsRecency: null })).toBe('not-measurable');
  });

  it('narrows the report to a tier, most shown first', () => {
    const rows = [
      outcome('revisit', 'gold', 'done'),
      outcome('survey', 'gold', 'dismissed'),
      outcome('survey', 'iron', 'done'),
      outcome('survey', 'iron', 'expired'),
    ];
    expect(reportFor(rows, 'all').map((r) => [r.kind, r.shown])).toEqual([
      ['survey', 3],
      ['revisit', 1],
    ]);
    expect(reportFor(rows, 'iron').map((r) => [r.kind, r.acceptance, r.completion])).toEqual([['survey', 1, 0.5]]);
  });
});

describe('ProofView', () => {
  it('says plainly when the risk score does not beat recency, with calibration, precision and why priors', async () => {
    await db.meta.put({ key: BACKTEST_KEY, value: backtest() });
    const { container } = renderInPanel(<ProofView />, { db });
    const box = await waitFor(() => {
      const el = container.querySelector('[data-rapport-backtest]');
      if (!el) throw new Error('no back-test yet');
      return el;
    });
    expect([box.getAttribute('data-auc'), box.getAttribute('data-recency-auc'), box.getAttribute('data-verdict')]).toEqual(['0.71', '0.74', 'does-not-beat']);
    expect(box.textContent).toContain('does not rank the customers who left better than recency alone (0.71 vs 0.74)');
    expect(box.textContent).toContain('Scored as of Sep 4, 2026');
    expect(box.textContent).toContain('in the 90 days after: 1,800 customers, 540 of them did not buy again');
    const high = box.querySelector('[data-rapport-band="high"]')!;
    expect(high.textContent).toBe('High risk30078 %70 %');
    expect(box.textContent).toContain('Of the customers in the high band, 70 % did not buy again within 90 days.');
    expect(box.textContent).toContain('uses priors (general weights), not your history: too few customers left to learn what leaving looks like.');
  });

  it('says when the score beats recency, and shows the action report by tier', async () => {
    await db.meta.put({ key: BACKTEST_KEY, value: backtest({ auc: 0.8, beatsRecency: true, model: 'learned' }) });
    await db.actionOutcomes.bulkPut([
      outcome('revisit', 'gold', 'done', [0.6, 0.45]),
      outcome('revisit', 'gold', 'dismissed'),
      outcome('revisit', 'iron', 'snoozed'),
      outcome('survey', 'iron', 'expired'),
    ]);
    const { container } = renderInPanel(<ProofView />, { db });
    expect(await screen.findByText(/ranks the customers who left better than recency alone \(0\.8 vs 0\.74\)/)).toBeTruthy();
    expect(screen.getByText('The risk model was learnt from your book’s history.')).toBeTruthy();
    await waitFor(() => expect(container.querySelector('[data-rapport-outcome="revisit"]')).not.toBeNull());
    const revisit = container.querySelector('[data-rapport-outcome="revisit"]')!;
    expect([revisit.getAttribute('data-shown'), revisit.getAttribute('data-acceptance'), revisit.getAttribute('data-risk-change')]).toEqual([
      '3',
      '0.5',
      String(0.45 - 0.6),
    ]);
    expect(revisit.textContent).toContain('−15 pp (1 measured)');
    await userEvent.selectOptions(screen.getByLabelText('Tier'), 'iron');
    await waitFor(() => expect(container.querySelector('[data-rapport-outcome="revisit"]')!.getAttribute('data-shown')).toBe('1'));
    expect(container.querySelector('[data-rapport-outcome="survey"]')!.getAttribute('data-completion')).toBe('0');
  });

  it('without a back-test, says when one will come', async () => {
    renderInPanel(<ProofView />, { db });
    expect(await screen.findByText(/No back-test yet/)).toBeTruthy();
    expect(await screen.findByText('No action has been done, dismissed, snoozed or left to expire yet.')).toBeTruthy();
  });
});
