// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PyramidView } from '../../../components/sidepanel/PyramidView';
import { SNAPSHOT_KEY } from '../../../lib/sidepanel/pyramid';
import { historyRow } from '../../../lib/db/repos/score-history';
import type { AppDB } from '../../../lib/db/app-db';
import { customer, dropDb, freshDb, panelBackground, putCustomers, renderInPanel, score } from './support';

let db: AppDB;
beforeEach(async () => {
  db = await freshDb();
  panelBackground();
  await putCustomers(db, [customer('A', { name: 'Acme' }), customer('B', { name: 'Bolt' }), customer('C', { name: 'Crane' })]);
  await db.scores.bulkPut([score('A', { tier: 'platinum', clv: 9000 }), score('B', { tier: 'gold', clv: 1000 }), score('C', { tier: 'lead', clv: -200 })]);
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

describe('PyramidView', () => {
  it('counts tier moves in and out over the last four weeks from the score history', async () => {
    // AS_OF 2026-11-20: B was Platinum on 2026-10-20 (before the window) and is Gold now
    await db.scoreHistory.bulkPut([
      historyRow(score('B', { tier: 'platinum' }), '2026-10-20'),
      historyRow(score('B', { tier: 'gold' }), '2026-11-10'),
      historyRow(score('A', { tier: 'platinum' }), '2026-10-20'),
    ]);
    const { container } = renderInPanel(<PyramidView />, { db });
    await waitFor(() => expect(container.querySelector('[data-rapport-tier="gold"]')?.getAttribute('data-in')).toBe('1'));
    const row = (t: string) => container.querySelector(`[data-rapport-tier="${t}"]`)!;
    expect([row('platinum').getAttribute('data-in'), row('platinum').getAttribute('data-out')]).toEqual(['0', '1']);
    expect(row('gold').textContent).toContain('+1 in, −0 out in 28 days');
  });

  it('shows customers and CLV per tier', async () => {
    renderInPanel(<PyramidView />, { db });
    const table = await screen.findByRole('table', { name: 'Customers and value by tier' });
    const rows = table.querySelectorAll('[data-rapport-tier]');
    expect([...rows].map((r) => [r.getAttribute('data-rapport-tier'), r.getAttribute('data-customers'), r.getAttribute('data-clv')])).toEqual([
      ['platinum', '1', '9000'],
      ['gold', '1', '1000'],
      ['iron', '0', '0'],
      ['lead', '1', '-200'],
    ]);
    expect(table.textContent).toContain('90 % of value');
    expect([...rows].map((r) => r.getAttribute('data-width'))).toEqual(['100', '100', '0', '100']);
    // The first visit records this week's snapshot.
    await waitFor(async () => expect((await db.meta.get(SNAPSHOT_KEY))?.value).toHaveLength(1));
    expect(screen.getByText(/tracked from today/)).toBeTruthy();
  });

  it('lists who moved tier since the snapshot a week ago; a name opens the customer', async () => {
    await db.meta.put({ key: SNAPSHOT_KEY, value: [{ asOf: '2026-11-10', tiers: { A: 'gold', B: 'platinum', C: 'lead' } }] });
    const openCustomer = vi.fn();
    renderInPanel(<PyramidView />, { db, openCustomer });
    const list = await screen.findByRole('list', { name: /Tier changes since/ });
    const moves = [...list.querySelectorAll('[data-rapport-move]')].map((m) => [m.getAttribute('data-customer-id'), m.getAttribute('data-rapport-move')]);
    expect(moves).toEqual([
      ['B', 'down'],
      ['A', 'up'],
    ]);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Bolt' })).toBeTruthy());
    await userEvent.click(screen.getByRole('button', { name: 'Bolt' }));
    expect(openCustomer).toHaveBeenCalledWith('B');
    expect(list.textContent).toContain('Down: Platinum → Gold');
  });
});
