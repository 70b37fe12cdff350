// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QuickLogApp } from '../../../components/popup/QuickLogApp';
import { RapportPage } from '../../../components/common';
import { AppDB } from '../../../lib/db/app-db';
import { customersRepo } from '../../../lib/db/repos/customers';
import { createInteractionsHandlers, type RescoreFn } from '../../../lib/services/interactions';
import { customerDetails, type PopupContext, type PopupServices } from '../../../lib/popup/popup-services';
import { draftKey, draftsItem, loadDraft, saveDraft } from '../../../lib/popup/draft';
import { emptyDraft } from '../../../lib/popup/quicklog-form';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schemas/settings';
import type { Score } from '../../../lib/schemas/domain';

const AS_OF = '2026-11-20';
const sender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const GLOBEX = { id: 'C-1002', name: 'Globex Industrial', domain: 'globex.example' };

const score = (customerId: string, riskScore: number): Score => ({
  customerId,
  tier: 'platinum',
  risk: riskScore >= 65 ? 'high' : 'medium',
  riskScore,
  reasons: [],
  clv: 5000,
  pAlive: 0.7,
  rfm: { r: 2, f: 5, m: 5, segment: "Can't Lose Them" },
  nba: { kind: 'exec-sponsor', reason: 'contact-gap', due: '2026-11-27' },
  computedAt: 1,
});

let db: AppDB;
let settings: Settings;
let close: ReturnType<typeof vi.fn<() => void>>;

function services(ctx: Partial<PopupContext>, over: Partial<PopupServices> = {}): PopupServices {
  const rescore: RescoreFn = async (d, id) => {
    const s = score(id, 50);
    await d.scores.put(s);
    return s;
  };
  const h = createInteractionsHandlers({
    db: () => db,
    settings: async () => settings,
    rescore,
    broadcast: async () => undefined,
    asOf: () => AS_OF,
    newId: () => `id-${Math.random().toString(36).slice(2)}`,
    now: () => 1,
  });
  return {
    resolveContext: async () => ({ record: null, customer: null, candidates: [], emptyBook: false, ...ctx }),
    search: (query, limit) => h.searchCustomers({ query, limit }, sender),
    details: (id) => customerDetails(db, id),
    log: (p) => h.logInteraction({ direction: undefined, ...p } as Parameters<typeof h.logInteraction>[0], sender),
    undo: (p) => h.undoInteraction(p, sender),
    track: async (r) => {
      const c = {
        id: `SF-${r.recordId}`,
        name: r.name ?? r.recordId,
        emails: [],
        createdAt: AS_OF,
        crmRefs: [{ crm: r.crm, objectType: r.objectType, id: r.recordId }],
      };
      await customersRepo(db).put(c);
      return { id: c.id, name: c.name };
    },
    openOptions: () => undefined,
    close,
    ...over,
  };
}

function renderPopup(s: PopupServices, lang: Settings['language'] = 'en'): void {
  render(
    <RapportPage settings={{ ...settings, language: lang }}>
      <QuickLogApp services={s} asOf={AS_OF} draftDelayMs={0} />
    </RapportPage>,
  );
}

beforeEach(async () => {
  db = new AppDB(`test-popup-${Math.random()}`);
  settings = { ...DEFAULT_SETTINGS };
  close = vi.fn<() => void>();
  await customersRepo(db).bulkPut([
    { ...GLOBEX, emails: [], createdAt: '2020-01-01', crmRefs: [{ crm: 'salesforce', objectType: 'account', id: '001Dn00000GlbXqIAJ' }] },
    { id: 'C-1005', name: '上海华腾贸易有限公司', domain: 'huateng.example', emails: [], createdAt: '2020-01-01', crmRefs: [] },
  ]);
  await db.contacts.add({ id: 'k1', customerId: 'C-1002', name: 'Dana Board', isDecisionMaker: true });
  await db.scores.put(score('C-1002', 81));
});

afterEach(async () => {
  cleanup();
  await db.delete();
});

const record = { crm: 'salesforce' as const, objectType: 'account' as const, recordId: '001Dn00000GlbXqIAJ', name: 'Globex Industrial' };

describe('popup quick-log', () => {
  it('opens on the CRM tab customer with Summary focused and saves with the keyboard only', async () => {
    const user = userEvent.setup();
    renderPopup(services({ record, customer: GLOBEX }));
    const summary = await screen.findByRole('textbox', { name: 'Summary' });
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByRole('combobox', { name: 'Customer' })).toHaveProperty('value', 'Globex Industrial');
    expect(screen.getByLabelText('Date')).toHaveProperty('value', AS_OF);
    await user.keyboard('Asked for the renewal call with their CFO');
    await user.tab(); // → Channel (Call is chosen)
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: /Call/ }));
    await user.keyboard('3'); // Meeting
    expect(screen.getByRole('radio', { name: /Meeting/ })).toHaveProperty('checked', true);
    await user.tab(); // → Sentiment (none chosen: first option is the stop)
    await user.keyboard('3'); // Negative
    expect(screen.getByRole('radiogroup', { name: 'Sentiment' })).toBeTruthy();
    await user.keyboard('{Control>}{Enter}{/Control}');
    const saved = await screen.findByText('Saved for Globex Industrial');
    const marker = saved.closest('[data-rapport-saved]') as HTMLElement;
    expect(marker.dataset.customerId).toBe('C-1002');
    expect(marker.dataset.nba).toBe('exec-sponsor');
    expect(screen.getByText(/Next: Executive sponsor, by Nov 27, 2026/)).toBeTruthy();
    const rows = await db.interactions.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      customerId: 'C-1002',
      date: AS_OF,
      channel: 'meeting',
      sentiment: 'negative',
      direction: 'outbound',
      summary: 'Asked for the renewal call with their CFO',
    });
    expect(await loadDraft(draftKey('C-1002'))).toBeNull();
  });

  it('without a CRM record starts in Customer; pinyin search, arrows and Enter pick one', async () => {
    const user = userEvent.setup();
    renderPopup(services({}));
    const input = await screen.findByRole('combobox', { name: 'Customer' });
    await waitFor(() => expect(document.activeElement).toBe(input));
    await user.keyboard('htmy');
    const option = await screen.findByRole('option', { name: /上海华腾贸易有限公司/ });
    expect(option.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Summary' })));
    await user.keyboard('月度回访，客户满意');
    await user.keyboard('{Meta>}{Enter}{/Meta}');
    const marker = await screen.findByText('Saved for 上海华腾贸易有限公司');
    expect((marker.closest('[data-rapport-saved]') as HTMLElement).dataset.customerId).toBe('C-1005');
    expect(await db.interactions.where('customerId').equals('C-1005').count()).toBe(1);
  });

  it('shows field errors, saves nothing and keeps the draft', async () => {
    const user = userEvent.setup();
    renderPopup(services({ record, customer: GLOBEX }));
    const summary = await screen.findByRole('textbox', { name: 'Summary' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Feedback' }), 'csat');
    await user.type(screen.getByRole('spinbutton', { name: 'Score' }), '9');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Write a short summary.')).toBeTruthy();
    expect(screen.getByText('CSAT is a whole number from 1 to 5.')).toBeTruthy();
    expect(summary.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(summary);
    expect(await db.interactions.count()).toBe(0);
    await waitFor(async () => expect((await loadDraft(draftKey('C-1002')))?.feedbackScore).toBe('9'));
  });

  it('an error from the background names the field and keeps the draft', async () => {
    const user = userEvent.setup();
    renderPopup(services({ record, customer: GLOBEX }));
    await screen.findByRole('textbox', { name: 'Summary' });
    await user.keyboard('Quick check-in');
    await db.customers.delete('C-1002'); // gone before the save reaches the background
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Not saved: There is no customer “C-1002”; pick one from the list or track the CRM record first.')).toBeTruthy();
    // The error's `field` puts it beside the Customer field too.
    expect(screen.getAllByText('There is no customer “C-1002”; pick one from the list or track the CRM record first.')).toHaveLength(1);
    expect(screen.queryByText(/Saved for/)).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Summary' })).toHaveProperty('value', 'Quick check-in');
    expect((await loadDraft(draftKey('C-1002')))?.summary).toBe('Quick check-in');
  });

  it('zh_CN: an error from the background reads in Chinese, beside its field', async () => {
    const user = userEvent.setup();
    renderPopup(services({ record, customer: GLOBEX }), 'zh_CN');
    await screen.findByRole('textbox', { name: '摘要' });
    await user.keyboard('回访');
    await db.customers.delete('C-1002');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('未保存：没有客户“C-1002”；请从列表中选择，或先跟踪该 CRM 记录。')).toBeTruthy();
    expect(screen.getByText('没有客户“C-1002”；请从列表中选择，或先跟踪该 CRM 记录。')).toBeTruthy();
  });

  it('refuses a customer on the never-log list with a clear message', async () => {
    settings = { ...settings, neverLog: ['globex.example'] };
    const user = userEvent.setup();
    renderPopup(services({ record, customer: GLOBEX }));
    await screen.findByRole('textbox', { name: 'Summary' });
    await waitFor(() => expect(screen.getByText('Platinum')).toBeTruthy()); // details loaded
    await user.keyboard('Lunch{Control>}{Enter}{/Control}');
    expect(await screen.findByText(/Not saved: Globex Industrial matches “globex.example” on your privacy “never log” list/)).toBeTruthy();
    expect(await db.interactions.count()).toBe(0);
  });

  it('restores a draft for the customer, and undo brings the text back', async () => {
    await saveDraft(draftKey('C-1002'), { ...emptyDraft(GLOBEX), summary: 'Half-written note', channel: 'visit' }, Date.now());
    const user = userEvent.setup();
    renderPopup(services({ record, customer: GLOBEX }));
    expect(await screen.findByText('Your unsaved draft was restored.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Summary' })).toHaveProperty('value', 'Half-written note');
    expect(screen.getByRole('radio', { name: /Visit/ })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved for Globex Industrial');
    expect(await draftsItem.getValue()).toEqual({});
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone: the interaction was removed.')).toBeTruthy();
    expect(await db.interactions.count()).toBe(0);
    expect(screen.getByRole('textbox', { name: 'Summary' })).toHaveProperty('value', 'Half-written note');
  });

  it('suggests the customer’s contacts and ticks decision-maker for a known one', async () => {
    const user = userEvent.setup();
    renderPopup(services({ record, customer: GLOBEX }));
    const contact = await screen.findByRole('combobox', { name: 'Contact' });
    await waitFor(() => expect(document.querySelector('datalist option[value="Dana Board"]')).not.toBeNull());
    await user.type(contact, 'Dana Board');
    expect(screen.getByRole('checkbox', { name: 'Decision-maker' })).toHaveProperty('checked', true);
  });

  it('on an unknown CRM record offers its candidates, or tracks it as a new customer', async () => {
    const user = userEvent.setup();
    const unknown = { ...record, recordId: '001Dn00000ZzUnkIAF', name: 'Unknown Prospect Ltd' };
    renderPopup(services({ record: unknown, candidates: [GLOBEX] }));
    const input = await screen.findByRole('combobox', { name: 'Customer' });
    expect(input).toHaveProperty('value', 'Unknown Prospect Ltd');
    expect(screen.getByText(/“Unknown Prospect Ltd” on this Salesforce page is not a tracked customer yet/)).toBeTruthy();
    expect(await screen.findByRole('option', { name: /Globex Industrial/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Track “Unknown Prospect Ltd” as a new customer' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Summary' })));
    await user.keyboard('Intro call{Control>}{Enter}{/Control}');
    const saved = await screen.findByText('Saved for Unknown Prospect Ltd');
    expect((saved.closest('[data-rapport-saved]') as HTMLElement).dataset.customerId).toBe('SF-001Dn00000ZzUnkIAF');
  });

  it('Esc closes the popup; the first Esc only closes an open customer list', async () => {
    const user = userEvent.setup();
    renderPopup(services({}));
    await screen.findByRole('combobox', { name: 'Customer' });
    await user.keyboard('glo');
    await screen.findByRole('option', { name: /Globex/ });
    await user.keyboard('{Escape}');
    expect(close).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(close).toHaveBeenCalledOnce();
  });

  it('speaks 简体中文 when the settings say so', async () => {
    renderPopup(services({ record, customer: GLOBEX }), 'zh_CN');
    expect(await screen.findByRole('textbox', { name: '摘要' })).toBeTruthy();
    for (const name of ['客户', '日期']) expect(screen.getByLabelText(name)).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: '渠道' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: '客户情绪' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '保存' })).toBeTruthy();
  });
});
