// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GoalsView } from '../../../components/sidepanel/GoalsView';
import { goalProgress } from '../../../lib/scoring/goals';
import { loadBook } from '../../../lib/sidepanel/queries';
import type { AppDB } from '../../../lib/db/app-db';
import { customer, dropDb, freshDb, panelBackground, putCustomers, renderInPanel, score } from './support';

let db: AppDB;
beforeEach(async () => {
  db = await freshDb();
  panelBackground();
  await putCustomers(db, [customer('A'), customer('B')]);
  await db.scores.bulkPut([score('A'), score('B')]);
  await db.feedback.bulkPut([
    { id: 'f1', customerId: 'A', date: '2026-10-04', kind: 'csat', score: 5 },
    { id: 'f2', customerId: 'B', date: '2026-10-20', kind: 'csat', score: 4 },
    { id: 'f3', customerId: 'B', date: '2026-11-06', kind: 'csat', score: 2 },
    { id: 'f4', customerId: 'A', date: '2026-07-06', kind: 'csat', score: 2 },
  ]);
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

describe('GoalsView', () => {
  it('creates a goal (after fixing field errors), shows progress from the data, edits and archives it', async () => {
    const { container } = renderInPanel(<GoalsView />, { db });
    await userEvent.click(await screen.findByRole('button', { name: 'New goal' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save goal' }));
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(await db.goals.count()).toBe(0);

    await userEvent.type(screen.getByLabelText('Name'), 'CSAT 90 this quarter');
    await userEvent.type(screen.getByLabelText('Baseline'), '50');
    await userEvent.type(screen.getByLabelText('Target'), '90');
    await userEvent.click(screen.getByRole('button', { name: 'Save goal' }));
    await waitFor(() => expect(container.querySelector('[data-rapport-goal]')).not.toBeNull());
    const [stored] = await db.goals.toArray();
    expect(stored).toMatchObject({ name: 'CSAT 90 this quarter', metric: 'csat', periodStart: '2026-10-01', periodEnd: '2027-01-01', archived: false });

    const card = container.querySelector('[data-rapport-goal]')!;
    const expected = goalProgress(stored!, await loadBook(db), '2026-11-20', new Map());
    // 2 of 3 CSAT responses in Q4 so far are 4–5.
    expect(expected.current).toBeCloseTo(66.667, 2);
    await waitFor(() => expect(card.getAttribute('data-current')).toBe(String(expected.current)));
    expect(card.getAttribute('data-pace')).toBe(expected.status);
    const bar = within(card as HTMLElement).getByRole('progressbar', { name: 'Progress towards CSAT 90 this quarter' });
    expect(bar.getAttribute('aria-valuenow')).toBe(String(Math.round(expected.progress! * 100)));

    await userEvent.click(screen.getByRole('button', { name: 'Edit goal CSAT 90 this quarter' }));
    const target = screen.getByLabelText('Target');
    await userEvent.clear(target);
    await userEvent.type(target, '50');
    await userEvent.click(screen.getByRole('button', { name: 'Save goal' }));
    expect(screen.getByRole('alert').textContent).toBe('The target must differ from the baseline.');
    await userEvent.clear(target);
    await userEvent.type(target, '80');
    await userEvent.click(screen.getByRole('button', { name: 'Save goal' }));
    await waitFor(async () => expect((await db.goals.get(stored!.id))?.target).toBe(80));
    expect(await db.goals.count()).toBe(1);

    await userEvent.click(screen.getByRole('button', { name: 'Archive goal CSAT 90 this quarter' }));
    await waitFor(() => expect(container.querySelector('[data-rapport-goal]')).toBeNull());
    expect((await db.goals.get(stored!.id))?.archived).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: /Show archived goals/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Restore goal CSAT 90 this quarter' }));
    await waitFor(() => expect(container.querySelector('[data-rapport-goal]')).not.toBeNull());
  });
});
