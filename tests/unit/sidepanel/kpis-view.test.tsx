// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KpisView } from '../../../components/sidepanel/KpisView';
import { KpiCard } from '../../../components/sidepanel/KpiCard';
import { computeKpis } from '../../../lib/scoring/kpis';
import { loadBook } from '../../../lib/sidepanel/queries';
import { KPI_IDS } from '../../../lib/schemas/enums';
import type { AppDB } from '../../../lib/db/app-db';
import { customer, dropDb, freshDb, putCustomers, renderInPanel, score } from './support';
import { createCachedRow, KPI_COLUMNS } from '../../../lib/services/cached-rows';
import { KPI_COLUMNS_KEY } from '../../../lib/sidepanel/kpi-columns';

let db: AppDB;
beforeEach(async () => {
  db = await freshDb();
  await putCustomers(db, [customer('A'), customer('B'), customer('C')]);
  await db.scores.bulkPut([score('A', { tier: 'platinum', clv: 5000 }), score('B', { tier: 'gold', clv: 800 }), score('C', { tier: 'iron', clv: 50 })]);
  await db.transactions.bulkPut([
    { id: 't1', customerId: 'A', date: '2026-10-05', amount: 100 },
    { id: 't2', customerId: 'A', date: '2026-11-03', amount: 120 },
    { id: 't3', customerId: 'A', date: '2026-11-15', amount: 80 },
    { id: 't4', customerId: 'B', date: '2026-10-20', amount: 300 },
    { id: 't5', customerId: 'C', date: '2026-11-10', amount: 40 },
  ]);
  await db.feedback.bulkPut([
    { id: 'f1', customerId: 'A', date: '2026-11-04', kind: 'csat', score: 5 },
    { id: 'f2', customerId: 'B', date: '2026-11-06', kind: 'csat', score: 2 },
    { id: 'f3', customerId: 'C', date: '2026-11-12', kind: 'complaint' },
  ]);
  await db.interactions.bulkPut([{ id: 'i1', customerId: 'B', date: '2026-11-02', channel: 'call', summary: 'x' }]);
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

const attrs = (el: Element): [string | null, string | null] => [el.getAttribute('data-value'), el.getAttribute('data-previous')];

describe('KpisView', () => {
  it('shows the same figures from the KPI columns the background stores as from the book', async () => {
    const figures = async (): Promise<string[]> => {
      const { container, unmount } = renderInPanel(<KpisView />, { db, asOf: '2026-12-03' });
      await waitFor(() => expect(container.querySelectorAll('[data-rapport-kpi][data-value]')).toHaveLength(KPI_IDS.length));
      const out = KPI_IDS.filter((id) => id !== 'clv').map((id) => attrs(container.querySelector(`[data-rapport-kpi="${id}"]`)!).join('/'));
      unmount();
      return out;
    };
    const fromBook = await figures();
    await createCachedRow(KPI_COLUMNS, {
      db: () => db,
      now: () => 1,
      later: () => () => undefined,
      onError: (e) => {
        throw e;
      },
    }).build();
    expect(await db.meta.get(KPI_COLUMNS_KEY)).toBeDefined();
    expect(await figures()).toEqual(fromBook);
    expect(fromBook).toContain('50/');
  });

  it('defaults to the last complete month: every KPI vs the days before, both ranges labelled, a 12-month trend in each', async () => {
    const { container } = renderInPanel(<KpisView />, { db, asOf: '2026-12-03' });
    await waitFor(() => expect(container.querySelectorAll('[data-rapport-kpi]')).toHaveLength(KPI_IDS.length));
    const box = container.querySelector('[data-period-start]')!;
    expect([box.getAttribute('data-period-start'), box.getAttribute('data-period-end')]).toEqual(['2026-11-01', '2026-12-01']);
    expect(box.querySelector('[data-rapport-range="period"]')!.textContent).toBe('Nov 1, 2026 – Nov 30, 2026');
    expect(box.querySelector('[data-rapport-range="compare"]')!.textContent).toBe('Oct 2, 2026 – Oct 31, 2026');
    const expected = computeKpis(await loadBook(db), { start: '2026-11-01', end: '2026-12-01' });
    for (const id of KPI_IDS) {
      const el = box.querySelector(`[data-rapport-kpi="${id}"]`)!;
      const want = (v: number | null): string => (v === null ? '' : String(v));
      expect(attrs(el), id).toEqual([want(expected[id].value), want(expected[id].previous)]);
    }
    // CSAT: 1 of 2 responses scored 4–5.
    const csat = box.querySelector('[data-rapport-kpi="csat"]')!;
    expect(csat.getAttribute('data-value')).toBe('50');
    // No CSAT last period: undefined, shown as a dash, not 0.
    expect(csat.getAttribute('data-previous')).toBe('');
    expect(csat.textContent).toContain('Previous: —');
    await waitFor(() => expect(box.querySelectorAll('[data-rapport-trend]')).toHaveLength(KPI_IDS.length));
    expect(csat.querySelector('[data-rapport-trend]')!.getAttribute('data-points')).toBe('12');
    expect(csat.querySelector('[data-rapport-trend] svg')!.getAttribute('aria-label')).toContain('Trend over 12 periods');
  });

  it('a rate on too few customers says so instead of a change; month to date is compared with the same days', async () => {
    const { container } = renderInPanel(<KpisView />, { db, asOf: '2026-12-03' });
    await waitFor(() => expect(container.querySelector('[data-rapport-kpi="repurchase-rate"]')).not.toBeNull());
    // repurchase rate: 50 % of 2 buyers vs 0 % of 2: too few to compare, not a green +50
    const retention = container.querySelector('[data-rapport-kpi="repurchase-rate"]')!;
    expect(attrs(retention)).toEqual(['50', '0']);
    expect(retention.textContent).toContain('Too few to compare (only 2 behind this figure)');
    expect(retention.querySelector('.sp-delta--worse, .sp-delta--better')).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: 'Month to date' }));
    await waitFor(() => expect(container.querySelector('[data-period-start]')?.getAttribute('data-period-end')).toBe('2026-12-04'));
    expect(container.querySelector('[data-period-start]')!.getAttribute('data-period-start')).toBe('2026-12-01');
    expect(screen.getByText('So far')).toBeTruthy();
    expect(container.querySelector('[data-rapport-range="compare"]')!.textContent).toBe('Nov 1, 2026 – Nov 3, 2026');
  });

  it('recomputes for another period and refuses a reversed custom range', async () => {
    const { container } = renderInPanel(<KpisView />, { db });
    await screen.findByRole('radio', { name: 'Last quarter' });
    await userEvent.click(screen.getByRole('radio', { name: 'Last quarter' }));
    await waitFor(() => expect(container.querySelector('[data-period-start]')?.getAttribute('data-period-start')).toBe('2026-07-01'));
    expect(container.querySelector('[data-period-start]')!.getAttribute('data-period-end')).toBe('2026-10-01');
    await userEvent.click(screen.getByRole('radio', { name: 'Custom' }));
    const from = screen.getByLabelText('From');
    await userEvent.clear(from);
    await userEvent.type(from, '2026-12-01');
    expect(screen.getByRole('alert').textContent).toContain('end not before start');
    expect(container.querySelector('[data-period-start]')).toBeNull();
  });
});

describe('KpiCard', () => {
  it('shows a rate change in percentage points', () => {
    renderInPanel(<KpiCard id="retention" figure={{ value: 60, previous: 65.2, base: 40, previousBase: 50 }} trend={null} trendPeriods={[]} />, { db });
    expect(screen.getByText('Change: −5.2 pp')).toBeTruthy();
  });
});
