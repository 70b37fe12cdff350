// @vitest-environment happy-dom
/**
 * The overlay's card (components/card): "Sample data" on a sample customer, the day of the first
 * score instead of a one-point trend, what to do before why, and the keyboard — focus moves in
 * when it opens, Esc closes an open panel first and then asks the overlay to close the card.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { JSX } from 'react';
import { RapportPage, useLocale, useT } from '../../../components/common';
import { CardView } from '../../../components/card/CardView';
import { CARD_CATALOG } from '../../../components/card/format';
import { CLOSE_CARD } from '../../../lib/overlay/card-close';
import type { CardData } from '../../../lib/messaging/protocol';
import type { Action, Score } from '../../../lib/schemas/domain';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/schemas/settings';

const getCard = vi.hoisted(() => vi.fn<() => Promise<unknown>>());
vi.mock('../../../lib/messaging/client', () => ({ send: (type: string) => (type === 'getCard' ? getCard() : Promise.resolve({})) }));
// Imported after the mock is set up (vi.mock is hoisted above the imports).
const { Card } = await import('../../../components/card/Card');

const AS_OF = '2026-11-20';
const score: Score = {
  customerId: 'C-1004',
  tier: 'iron',
  risk: 'low',
  riskScore: 22,
  reasons: [{ id: 'tenure', points: -6 }],
  clv: 3200,
  pAlive: 0.92,
  rfm: { r: 5, f: 1, m: 2, segment: 'New Customers' },
  nba: { kind: 'onboard', reason: 'new-customer', due: '2026-11-23' },
  computedAt: Date.parse(`${AS_OF}T08:00:00Z`),
};
const action: Action = {
  id: 'A-1',
  customerId: 'C-1004',
  kind: 'onboard',
  reason: 'new-customer',
  due: '2026-11-23',
  status: 'open',
  createdAt: 1,
} as Action;
const newCustomer: CardData = {
  asOf: AS_OF,
  customer: { id: 'C-1004', name: 'Umbrella Health' },
  score,
  actions: [action],
  openNextSteps: [],
  trend: [{ date: AS_OF, riskScore: 22 }],
  firstScored: AS_OF,
  sample: true,
};

function View({ data }: { data: CardData }): JSX.Element {
  const t = useT(CARD_CATALOG);
  return <CardView t={t} locale={useLocale()} currency="USD" data={data} onDecide={() => undefined} />;
}
const show = (data: CardData, language: Settings['language'] = 'en'): void => {
  render(
    <RapportPage settings={{ ...DEFAULT_SETTINGS, language }}>
      <View data={data} />
    </RapportPage>,
  );
};

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('card content', () => {
  it('marks a sample customer “Sample data” (and 示例数据), and nobody else', () => {
    show(newCustomer);
    expect(document.querySelector('[data-rapport-sample]')?.textContent).toBe('Sample data');
    cleanup();
    show(newCustomer, 'zh_CN');
    expect(document.querySelector('[data-rapport-sample]')?.textContent).toBe('示例数据');
    cleanup();
    show({ ...newCustomer, sample: false });
    expect(document.querySelector('[data-rapport-sample]')).toBeNull();
  });

  it('with one score so far says when it was first scored: no lone sparkline dot, no empty list item', () => {
    show(newCustomer);
    expect(document.querySelector('[data-rapport-trend]')).toBeNull();
    expect(screen.queryByText('Risk over the last 12 weeks')).toBeNull();
    expect(document.querySelector('[data-rapport-card="first-scored"]')?.textContent).toBe('First scored on Nov 20, 2026: nothing to compare with yet.');
    for (const li of document.querySelectorAll('li')) expect(li.textContent?.trim()).not.toBe('');
    cleanup();
    show(newCustomer, 'zh_CN');
    expect(document.querySelector('[data-rapport-card="first-scored"]')?.textContent).toBe('首次评分于 2026年11月20日，暂无可比较的数据。');
  });

  it('draws the trend once there are two points', () => {
    show({
      ...newCustomer,
      trend: [{ date: '2026-11-13', riskScore: 30 }, ...newCustomer.trend],
      lastWeek: { date: '2026-11-13', riskScore: 30, tier: 'iron', changes: [] },
    });
    expect(document.querySelector('[data-rapport-trend]')?.getAttribute('data-points')).toBe('2');
    expect(document.querySelector('[data-rapport-card="first-scored"]')).toBeNull();
  });

  it('puts what to do (next step, Done / Dismiss / Snooze) before why (reasons, changes)', () => {
    show(newCustomer);
    const done = screen.getByRole('button', { name: /^Done:/ });
    const why = screen.getByRole('heading', { name: 'Why this risk' });
    expect(done.compareDocumentPosition(why) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe('card keyboard', () => {
  const openCard = async (): Promise<HTMLElement> => {
    getCard.mockResolvedValue(newCustomer);
    render(
      <RapportPage settings={DEFAULT_SETTINGS}>
        <Card />
      </RapportPage>,
    );
    return screen.findByRole('main', { name: 'Rapport card for Umbrella Health' });
  };

  it('takes focus when its content is there', async () => {
    const main = await openCard();
    await waitFor(() => expect(document.activeElement).toBe(main));
  });

  it('Esc closes an open Snooze panel first (focus back on Snooze), then asks the overlay to close the card', async () => {
    const post = vi.spyOn(window.parent, 'postMessage').mockImplementation(() => undefined);
    await openCard();
    const snooze = screen.getByRole('button', { name: /^Snooze:/ });
    act(() => fireEvent.click(snooze));
    const tomorrow = screen.getByRole('button', { name: 'Tomorrow' });
    act(() => tomorrow.focus());
    act(() => fireEvent.keyDown(tomorrow, { key: 'Escape', bubbles: true }));
    expect(screen.queryByRole('button', { name: 'Tomorrow' })).toBeNull();
    expect(document.activeElement).toBe(snooze);
    // The keyup of the press that closed the panel does not close the card.
    act(() => fireEvent.keyUp(snooze, { key: 'Escape', bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
    expect(post).not.toHaveBeenCalled();
    // The next press asks only once it is over (keyup), so the frame outlives its own key events.
    act(() => fireEvent.keyDown(snooze, { key: 'Escape', bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
    expect(post).not.toHaveBeenCalled();
    act(() => fireEvent.keyUp(snooze, { key: 'Escape', bubbles: true }));
    await waitFor(() => expect(post).toHaveBeenCalledWith({ type: CLOSE_CARD }, '*'));
    expect(within(document.body).getByRole('main')).toBeTruthy();
  });
});
