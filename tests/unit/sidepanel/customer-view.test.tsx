// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CustomerView } from '../../../components/sidepanel/CustomerView';
import type { AppDB } from '../../../lib/db/app-db';
import { STORIES } from '../../../lib/sample/stories';
import { action, customer, dropDb, freshDb, putCustomers, renderInPanel, score, settingsEn } from './support';

const globex = STORIES[1]!;
let db: AppDB;
beforeEach(async () => {
  db = await freshDb();
  await putCustomers(db, [
    customer(globex.customerId, {
      name: globex.name,
      crmRefs: [{ crm: 'salesforce', objectType: 'account', id: globex.crmIds.salesforce }],
    }),
    customer('C-2', { name: 'Globetrotter <b>Inc</b>' }),
  ]);
  await db.scores.put(
    score(globex.customerId, {
      tier: 'platinum',
      risk: 'high',
      riskScore: 78,
      reasons: [
        { id: 'recent-contact', points: -5, params: { days: 3 } },
        { id: 'contact-gap', points: 30, params: { days: 75, cadence: 14 } },
        { id: 'single-threaded', points: 12, params: { threads: 1 } },
      ],
      rfm: { r: 2, f: 5, m: 5, segment: "Can't Lose Them" },
      nba: { kind: 'exec-sponsor', reason: 'reason.exec-sponsor.key-at-risk', due: '2026-11-27' },
    }),
  );
  await db.contacts.put({ id: 'k1', customerId: globex.customerId, name: 'Hank Scorpio', role: 'VP Ops', isDecisionMaker: false });
  await db.interactions.bulkPut([
    { id: 'i1', customerId: globex.customerId, date: '2026-09-01', channel: 'call', summary: 'Older call', sentiment: 'neutral' },
    {
      id: 'i2',
      customerId: globex.customerId,
      date: '2026-09-06',
      channel: 'email',
      summary: '=HYPERLINK("x")',
      nextStep: 'Send proposal',
      nextStepDue: '2026-09-20',
    },
  ]);
  await db.actions.put(action('a1', globex.customerId, { kind: 'exec-sponsor', reason: 'reason.exec-sponsor.key-at-risk' }));
});
afterEach(async () => {
  cleanup();
  await dropDb(db);
});

describe('CustomerView', () => {
  it('explains the risk score factor by factor, with CLV, RFM, coverage, timeline and CRM link', async () => {
    const { container } = renderInPanel(
      <CustomerView customerId={globex.customerId} fromTab={false} unknownRecord={false} onPick={() => undefined} onClear={() => undefined} />,
      { db, crmBases: { salesforce: { origin: 'https://globex.lightning.force.com' } } },
    );
    await screen.findByRole('heading', { name: globex.name });
    const factors = [...container.querySelectorAll('[data-rapport-factor]')].map((f) => [f.getAttribute('data-rapport-factor'), f.getAttribute('data-points')]);
    expect(factors).toEqual([
      ['contact-gap', '30'],
      ['single-threaded', '12'],
      ['recent-contact', '-5'],
    ]);
    expect(container.querySelector('[data-rapport-factor="contact-gap"]')!.textContent).toBe('No contact for 75 days (revisit every 14 days)+30 pts');
    expect(container.querySelector('[data-rapport-factor="recent-contact"]')!.textContent).toContain('−5 pts');
    expect(screen.getByText('R2 F5 M5 · Can’t Lose Them')).toBeTruthy();
    expect(screen.getAllByText('A key account is at high churn risk: bring in an executive sponsor.').length).toBe(2);
    expect(screen.getByText('Single-threaded: one contact holds this relationship.')).toBeTruthy();
    expect(screen.getByText(/No decision maker known/)).toBeTruthy();
    const timeline = container.querySelectorAll('.sp-timeline li');
    expect([...timeline].map((li) => li.querySelector('.sp-summary')!.textContent)).toEqual(['=HYPERLINK("x")', 'Older call']);
    const link = screen.getByRole('link', { name: `Open ${globex.name} in Salesforce` });
    expect(link.getAttribute('href')).toBe(`https://globex.lightning.force.com/lightning/r/Account/${globex.crmIds.salesforce}/view`);
  });

  it('finds customers by name (rendered as text) and picks one', async () => {
    const onPick = vi.fn();
    renderInPanel(<CustomerView customerId={null} fromTab={false} unknownRecord={false} onPick={onPick} onClear={() => undefined} />, { db });
    expect(screen.getByText(/Open a customer record in your CRM/)).toBeTruthy();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find a customer' }), 'glob');
    const hostile = await screen.findByRole('button', { name: 'Globetrotter <b>Inc</b>' });
    expect(hostile.querySelector('b')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: globex.name }));
    expect(onPick).toHaveBeenCalledWith(globex.customerId);
  });

  it('speaks 简体中文', async () => {
    renderInPanel(<CustomerView customerId={globex.customerId} fromTab unknownRecord={false} onPick={() => undefined} onClear={() => undefined} />, {
      db,
      settings: { ...settingsEn, language: 'zh_CN' },
    });
    await screen.findByText('为什么是这个风险分？');
    expect(screen.getByText('已 75 天未联系（回访周期 14 天）')).toBeTruthy();
    expect(screen.getByText('正在显示当前标签页中打开的客户。')).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/不能失去的客户/)).toBeTruthy());
  });
});
