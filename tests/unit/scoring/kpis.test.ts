import { describe, expect, it } from 'vitest';
import { computeKpis, kpiValue, previousPeriod, type KpiBook } from '../../../lib/scoring/kpis';
import type { Customer, Feedback, Interaction, Transaction } from '../../../lib/schemas/domain';
import type { KpiId, Tier } from '../../../lib/schemas/enums';

// P = Q2 2026 (91 days), P′ = the 91 days before it: 2025-12-31 … 2026-03-31.
const P = { start: '2026-04-01', end: '2026-07-01' };
let k = 0;
const cust = (id: string, segment?: string): Customer => ({ id, name: id, emails: [], createdAt: '2025-01-01', crmRefs: [], ...(segment ? { segment } : {}) });
const tx = (customerId: string, date: string, amount: number): Transaction => ({ id: `t${k++}`, customerId, date, amount });
const ix = (customerId: string, date: string): Interaction => ({ id: `i${k++}`, customerId, date, channel: 'call', summary: 's' });
const fb = (customerId: string, date: string, kind: Feedback['kind'], score?: number): Feedback => ({
  id: `f${k++}`,
  customerId,
  date,
  kind,
  ...(score === undefined ? {} : { score }),
});
const book = (b: Partial<KpiBook>): KpiBook => ({ customers: [], transactions: [], interactions: [], feedback: [], ...b });
const kpi = (b: Partial<KpiBook>, id: KpiId, period = P) => computeKpis(book(b), period)[id];

describe('KPI definitions (docs/kpis.md)', () => {
  it('P′ is the same number of days just before P', () => {
    expect(previousPeriod(P)).toEqual({ start: '2025-12-31', end: '2026-04-01' });
    expect(previousPeriod({ start: '2026-03-01', end: '2026-03-08' })).toEqual({ start: '2026-02-22', end: '2026-03-01' });
  });

  it.each<[string, Partial<KpiBook>, KpiId, number | null, number | null]>([
    [
      'csat: share of 4–5 among CSAT responses in P',
      {
        feedback: [
          fb('a', '2026-04-02', 'csat', 5),
          fb('a', '2026-05-02', 'csat', 4),
          fb('b', '2026-06-30', 'csat', 3),
          fb('b', '2026-07-01', 'csat', 1),
          fb('b', '2026-03-01', 'csat', 2),
        ],
      },
      'csat',
      (2 / 3) * 100,
      0,
    ],
    ['csat: no responses → null, never 0', { feedback: [fb('a', '2026-04-02', 'nps', 10)] }, 'csat', null, null],
    [
      'nps: promoters − detractors',
      {
        feedback: [
          fb('a', '2026-04-02', 'nps', 10),
          fb('b', '2026-04-03', 'nps', 9),
          fb('c', '2026-04-04', 'nps', 7),
          fb('d', '2026-04-05', 'nps', 6),
          fb('d', '2026-02-05', 'nps', 0),
        ],
      },
      'nps',
      25,
      -100,
    ],
    ['nps: a real 0 with data', { feedback: [fb('a', '2026-04-02', 'nps', 10), fb('b', '2026-04-03', 'nps', 0)] }, 'nps', 0, null],
    [
      'retention: buyers of P′ who bought in P',
      { transactions: [tx('a', '2026-02-01', 10), tx('a', '2026-05-01', 10), tx('b', '2026-03-01', 10), tx('c', '2026-05-01', 10)] },
      'retention',
      50,
      null,
    ],
    ['retention: a refund in P is not a purchase', { transactions: [tx('a', '2026-02-01', 10), tx('a', '2026-05-01', -10)] }, 'retention', 0, null],
    [
      'churn-rate: 100 − retention',
      { transactions: [tx('a', '2026-02-01', 10), tx('a', '2026-05-01', 10), tx('b', '2026-03-01', 10), tx('c', '2026-01-01', 10), tx('d', '2026-01-05', 10)] },
      'churn-rate',
      75,
      null,
    ],
    ['churn-rate: no buyers in P′ → null', { transactions: [tx('a', '2026-05-01', 10)] }, 'churn-rate', null, null],
    [
      'repurchase-rate: ≥ 2 purchase days in P; same-day orders are one day',
      { transactions: [tx('a', '2026-04-01', 10), tx('a', '2026-04-01', 20), tx('b', '2026-04-01', 10), tx('b', '2026-06-01', 5), tx('c', '2026-05-01', 10)] },
      'repurchase-rate',
      (1 / 3) * 100,
      null,
    ],
    [
      'repurchase-rate: a day netting ≤ 0 is not a purchase day',
      { transactions: [tx('a', '2026-04-01', 10), tx('a', '2026-04-10', 10), tx('a', '2026-04-10', -15)] },
      'repurchase-rate',
      0,
      null,
    ],
    [
      'new-customers: first purchase ever in P (a refund first does not count)',
      { transactions: [tx('a', '2026-04-02', 10), tx('b', '2026-01-02', 10), tx('b', '2026-05-02', 10), tx('c', '2026-03-30', -5), tx('c', '2026-04-20', 50)] },
      'new-customers',
      2,
      1,
    ],
    ['new-customers: an empty period is a real 0', {}, 'new-customers', 0, 0],
    [
      'interaction-frequency: interactions ÷ active customers ÷ months',
      {
        transactions: [tx('a', '2026-04-01', 10), tx('b', '2026-04-01', 10)],
        interactions: [ix('a', '2026-04-02'), ix('a', '2026-04-03'), ix('c', '2026-05-03')],
      },
      'interaction-frequency',
      3 / 3 / (91 / (365.25 / 12)),
      null,
    ],
    [
      'complaint-rate: complaints per 100 active customers',
      {
        transactions: [tx('a', '2026-04-01', 10), tx('b', '2026-04-01', 10), tx('c', '2026-04-01', 10), tx('d', '2026-04-01', 10)],
        feedback: [fb('a', '2026-04-02', 'complaint'), fb('e', '2026-02-02', 'complaint')],
      },
      'complaint-rate',
      25,
      null,
    ],
    [
      'complaint-rate: a complaint without any activity still has a denominator of active customers',
      { interactions: [ix('a', '2026-04-01')] },
      'complaint-rate',
      0,
      null,
    ],
  ])('%s', (_name, b, id, value, previous) => {
    const r = kpi(b, id);
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value).toBeCloseTo(value, 9);
    if (previous === null) expect(r.previous).toBeNull();
    else expect(r.previous).toBeCloseTo(previous, 9);
  });

  it('clv: the stored CLV for the current period, modelled as of the end otherwise; null without customers', () => {
    const customers = [cust('a'), cust('b')];
    const stored = new Map([
      ['a', 100],
      ['b', 50.5],
    ]);
    expect(kpi({ customers, clvByCustomer: stored }, 'clv').value).toBe(150.5);
    expect(kpi({}, 'clv')).toEqual({ value: null, previous: null });
    const transactions = [tx('a', '2026-01-10', 100), tx('a', '2026-02-10', 100), tx('b', '2026-03-10', 100)];
    const r = kpi({ customers, transactions }, 'clv');
    expect(r.value).toBeGreaterThan(0);
    expect(r.previous).toBeGreaterThan(0);
    // as of the end of P′ nobody had bought after 2026-03-31 either; customers with no history add 0
    expect(kpi({ customers: [cust('z')], transactions }, 'clv').value).toBe(0);
  });

  it('restricts every KPI to a tier or segment scope', () => {
    const customers = [cust('a', 'Retail'), cust('b', 'Retail'), cust('c', 'Wholesale')];
    const tierByCustomer = new Map<string, Tier>([
      ['a', 'gold'],
      ['b', 'iron'],
      ['c', 'gold'],
    ]);
    const b = book({
      customers,
      tierByCustomer,
      feedback: [fb('a', '2026-04-02', 'csat', 5), fb('b', '2026-04-02', 'csat', 1), fb('c', '2026-04-02', 'csat', 2)],
    });
    expect(computeKpis(b, P, { scope: { kind: 'tier', tier: 'gold' } }).csat.value).toBe(50);
    expect(computeKpis(b, P, { scope: { kind: 'segment', segment: 'Retail' } }).csat.value).toBe(50);
    expect(computeKpis(b, P, { scope: { kind: 'all' } }).csat.value).toBeCloseTo(100 / 3, 9);
    expect(kpiValue(b, 'csat', P, { scope: { kind: 'tier', tier: 'iron' } })).toBe(0);
  });

  it('refuses an empty or inverted period', () => {
    expect(() => computeKpis(book({}), { start: '2026-04-01', end: '2026-04-01' })).toThrow(/end after it starts/);
  });
});
