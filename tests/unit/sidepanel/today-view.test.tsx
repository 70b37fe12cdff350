// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TodayView } from '../../../components/sidepanel/TodayView';
import { createRouter } from '../../../lib/messaging/router';
import type { AppDB } from '../../../lib/db/app-db';
import type { Action } from '../../../lib/schemas/domain';
import type { Settings } from '../../../lib/schemas/settings';
import { AS_OF, action, customer, dropDb, freshDb, putCustomers, renderInPanel, score, settingsEn } from './support';

let db: AppDB;
const updates: unknown[] = [];
const saved: unknown[] = [];

beforeEach(async () => {
  db = await freshDb();
  updates.length = 0;
  saved.length = 0;
  await putCustomers(db, [
    customer('IRON', { name: 'Iron Works' }),
    customer('KEY', { name: 'Key Account Co', crmRefs: [{ crm: 'pipedrive', objectType: 'account', id: '1202' }] }),
    customer('GOLD', { name: 'Gold Medium' }),
    customer('LATER', { name: 'Not Yet' }),
  ]);
  await db.scores.bulkPut([
    score('IRON', { tier: 'iron', risk: 'high', riskScore: 80 }),
    score('KEY', { tier: 'platinum', risk: 'high', riskScore: 70 }),
    score('GOLD', { tier: 'gold', risk: 'medium', riskScore: 50 }),
    score('LATER', { tier: 'platinum', risk: 'high', riskScore: 90 }),
  ]);
  await db.actions.bulkPut([
    action('IRON:revisit', 'IRON', { due: '2026-11-01', reason: 'reason.revisit.overdue' }),
    action('KEY:exec-sponsor', 'KEY', { kind: 'exec-sponsor', due: AS_OF, reason: 'reason.exec-sponsor.key-at-risk' }),
    action('GOLD:survey', 'GOLD', { kind: 'survey', due: '2026-11-18', reason: 'reason.survey.never' }),
    action('LATER:revisit', 'LATER', { due: '2026-11-25' }),
    action('GOLD:revisit', 'GOLD', { status: 'done', due: '2026-11-02' }),
  ]);
  // The background's updateAction, reduced to the write it makes (the real handler also
  // rescores the customer; the e2e test runs it for real).
  const route = createRouter(
    {
      async updateAction(p) {
        updates.push(p);
        const a = (await db.actions.get(p.actionId))!;
        const next: Action = {
          ...a,
          status: p.status,
          updatedAt: 2,
          ...(p.snoozedUntil ? { snoozedUntil: p.snoozedUntil, due: p.snoozedUntil } : {}),
          ...(p.reason ? { statusReason: p.reason } : {}),
        };
        await db.actions.put(next);
        return next;
      },
      async updateActions({ updates: us }) {
        for (const p of us) {
          updates.push(p);
          const a = (await db.actions.get(p.actionId))!;
          await db.actions.put({ ...a, status: p.status, updatedAt: 2, ...(p.snoozedUntil ? { snoozedUntil: p.snoozedUntil, due: p.snoozedUntil } : {}) });
        }
        return { updated: us.length };
      },
      async saveSettings(p) {
        saved.push(p.settings);
        return p.settings as unknown as Settings;
      },
    },
    { extensionId: fakeBrowser.runtime.id, extensionOrigin: 'chrome-extension://test/' },
  );
  fakeBrowser.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    void route(msg, { id: fakeBrowser.runtime.id, url: 'chrome-extension://test/sidepanel.html' }).then(sendResponse);
    return true;
  });
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

const shown = (c: HTMLElement): string[][] =>
  [...c.querySelectorAll('[data-rapport-action]')].map((e) => [e.getAttribute('data-customer-id')!, e.getAttribute('data-kind')!, e.getAttribute('data-due')!]);

describe('TodayView', () => {
  it('ranks due and overdue actions with at-risk key accounts first, each with its reason', async () => {
    const { container } = renderInPanel(<TodayView />, { db, crmBases: { pipedrive: { origin: 'https://acme.pipedrive.com' } } });
    await waitFor(() => expect(shown(container)).toHaveLength(3));
    expect(shown(container)).toEqual([
      ['KEY', 'exec-sponsor', AS_OF],
      ['IRON', 'revisit', '2026-11-01'],
      ['GOLD', 'survey', '2026-11-18'],
    ]);
    const key = container.querySelector<HTMLElement>('[data-customer-id="KEY"]')!;
    expect(within(key).getByText('Key account at risk')).toBeTruthy();
    expect(within(key).getByText('A key account is at high churn risk: bring in an executive sponsor.')).toBeTruthy();
    expect(within(key).getByRole('link', { name: 'Open Key Account Co in Pipedrive' }).getAttribute('href')).toBe(
      'https://acme.pipedrive.com/organization/1202',
    );
    const iron = container.querySelector<HTMLElement>('[data-customer-id="IRON"]')!;
    expect(within(iron).getByText('Overdue by 19 d')).toBeTruthy();
    const today = container.querySelector('[data-rapport-today]')!;
    expect([today.getAttribute('data-planned'), today.getAttribute('data-backlog')]).toEqual(['3', '0']);
    // LATER is due in 5 days: it waits in "Later this week", closed
    expect(screen.getByText('3 planned for today · 0 more due or overdue wait · 1 due later this week')).toBeTruthy();
  });

  it('done removes the action, undo brings it back; snooze and dismiss send their date and reason', async () => {
    const { container } = renderInPanel(<TodayView />, { db });
    await waitFor(() => expect(shown(container)).toHaveLength(3));
    await userEvent.click(screen.getByRole('button', { name: 'Mark “Periodic revisit” for Iron Works as done' }));
    await waitFor(() => expect(shown(container).map((r) => r[0])).toEqual(['KEY', 'GOLD']));
    expect(screen.getByRole('status').textContent).toContain('Marked done: Periodic revisit for Iron Works.');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Undo'));
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(shown(container).map((r) => r[0])).toEqual(['KEY', 'IRON', 'GOLD']));

    await userEvent.click(screen.getByRole('button', { name: 'Snooze “Satisfaction survey” for Gold Medium' }));
    await userEvent.click(screen.getByRole('button', { name: '1 week' }));
    await waitFor(() => expect(shown(container).map((r) => r[0])).toEqual(['KEY', 'IRON']));

    await userEvent.click(screen.getByRole('button', { name: 'Dismiss “Executive sponsor” for Key Account Co' }));
    await userEvent.selectOptions(screen.getByLabelText('Why dismiss it?'), 'already-done');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss action' }));
    await waitFor(() => expect(shown(container).map((r) => r[0])).toEqual(['IRON']));
    expect(updates).toEqual([
      { actionId: 'IRON:revisit', status: 'done' },
      { actionId: 'IRON:revisit', status: 'open' },
      { actionId: 'GOLD:survey', status: 'snoozed', snoozedUntil: '2026-11-27' },
      { actionId: 'KEY:exec-sponsor', status: 'dismissed', reason: 'already-done' },
    ]);
  });

  it('says so when nothing is due', async () => {
    await db.actions.clear();
    renderInPanel(<TodayView />, { db });
    expect(await screen.findByText('Nothing is due. You are all caught up.')).toBeTruthy();
  });

  it('plans as many as the capacity; the rest waits in the backlog, which opens on demand; the capacity is saved', async () => {
    const { container } = renderInPanel(<TodayView />, { db, settings: { ...settingsEn, today: { capacity: 2 } } });
    await waitFor(() => expect(shown(container)).toHaveLength(2));
    const today = container.querySelector('[data-rapport-today]')!;
    expect([today.getAttribute('data-planned'), today.getAttribute('data-backlog')]).toEqual(['2', '1']);
    expect(shown(container).map((r) => r[0])).toEqual(['KEY', 'IRON']);
    await userEvent.click(screen.getByText('Overdue backlog (1)'));
    await waitFor(() => expect(shown(container).map((r) => r[0])).toEqual(['KEY', 'IRON', 'GOLD']));
    await userEvent.click(screen.getByText('Later this week (1)'));
    await waitFor(() => expect(shown(container).map((r) => r[0])).toEqual(['KEY', 'IRON', 'GOLD', 'LATER']));

    const cap = screen.getByLabelText('Actions per day');
    await userEvent.clear(cap);
    await userEvent.type(cap, '0');
    expect(screen.getByRole('alert').textContent).toBe('Enter a whole number from 1 to 100.');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.clear(cap);
    await userEvent.type(cap, '1');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(today.getAttribute('data-planned')).toBe('1'));
    expect(today.getAttribute('data-backlog')).toBe('2');
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ today: { capacity: 1 } });
  });

  it('filters by tier and kind', async () => {
    const { container } = renderInPanel(<TodayView />, { db });
    await waitFor(() => expect(shown(container)).toHaveLength(3));
    await userEvent.selectOptions(screen.getByLabelText('Tier'), 'gold');
    await waitFor(() => expect(shown(container).map((r) => r[0])).toEqual(['GOLD']));
    await userEvent.selectOptions(screen.getByLabelText('Action kind'), 'revisit');
    expect(await screen.findByText('Nothing planned for today with these filters.')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Tier'), '');
    await waitFor(() => expect(shown(container).map((r) => r[0])).toEqual(['IRON']));
  });

  it('snoozes all stale revisits at once, with undo', async () => {
    await putCustomers(db, [customer('OLD', { name: 'Old Revisit' })]);
    await db.actions.put(action('OLD:revisit', 'OLD', { due: '2026-08-01' }));
    const { container } = renderInPanel(<TodayView />, { db });
    // IRON's revisit is 19 days overdue (not stale), OLD's 111 days
    expect((await screen.findByText('1 revisits are more than 30 days overdue.')).textContent).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Snooze all for 2 weeks' }));
    await waitFor(() => expect(shown(container).map((r) => r[0])).not.toContain('OLD'));
    expect(updates).toEqual([{ actionId: 'OLD:revisit', status: 'snoozed', snoozedUntil: '2026-12-04' }]);
    expect(screen.getByRole('status').textContent).toContain('Snoozed 1 stale revisits until Dec 4, 2026.');
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(updates).toHaveLength(2));
    expect(updates[1]).toEqual({ actionId: 'OLD:revisit', status: 'open' });
  });
});
