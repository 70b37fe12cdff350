import { describe, expect, it } from 'vitest';
import { churnRisk, relationshipSignals, RISK_BASE } from '../../../lib/scoring/risk';
import { DEFAULT_SCORING } from '../../../lib/schemas/settings';
import type { Action, Contact, Feedback, Interaction } from '../../../lib/schemas/domain';
import type { CustomerHistory } from '../../../lib/scoring/types';

const AS_OF = '2026-06-30';
let n = 0;
const ix = (date: string, extra: Partial<Interaction> = {}): Interaction => ({ id: `i${n++}`, customerId: 'c', date, channel: 'call', summary: 's', ...extra });
const fb = (date: string, kind: Feedback['kind'], score?: number): Feedback => ({
  id: `f${n++}`,
  customerId: 'c',
  date,
  kind,
  ...(score === undefined ? {} : { score }),
});
const person = (name: string, isDecisionMaker = false): Contact => ({ id: `p${n++}`, customerId: 'c', name, isDecisionMaker });
const history = (h: Partial<CustomerHistory> = {}): CustomerHistory => ({
  customer: { id: 'c', name: 'C', emails: [], createdAt: '2025-01-01', crmRefs: [] },
  transactions: [],
  interactions: [],
  feedback: [],
  contacts: [],
  actions: [],
  ...h,
});
const score = (h: CustomerHistory, pAlive: number | null = 0.9, tier: 'platinum' | 'gold' | 'iron' | 'lead' = 'gold', settings = DEFAULT_SCORING) =>
  churnRisk({ signals: relationshipSignals(h, AS_OF, '2025-01-01'), pAlive, tier, asOf: AS_OF }, settings);
const factor = (r: ReturnType<typeof score>, id: string) => r.factors.find((f) => f.id === id);

describe('churn risk', () => {
  it('is explainable: base + the factors = the score, largest |points| first', () => {
    const h = history({
      interactions: [ix('2026-01-10', { sentiment: 'negative' }), ix('2026-01-20'), ix('2026-02-01'), ix('2026-05-01', { sentiment: 'negative' })],
      feedback: [fb('2026-05-02', 'nps', 3), fb('2026-05-03', 'complaint')],
    });
    const r = score(h, 0.6);
    const sum = RISK_BASE + r.factors.reduce((s, f) => s + f.points, 0);
    expect(r.score).toBeCloseTo(Math.min(100, sum), 5);
    const sizes = r.factors.map((f) => Math.abs(f.points));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(factor(r, 'open-complaints')?.params).toEqual({ count: 1, since: '2026-05-03' });
    expect(factor(r, 'detractor')?.params).toEqual({ kind: 'NPS', score: 3 });
    expect(factor(r, 'p-alive')?.points).toBe(14);
  });

  it('counts the contact gap against the tier cadence, and any logged contact resets it', () => {
    const quiet = score(history({ interactions: [ix('2026-03-01')] }), 0.9, 'gold');
    expect(factor(quiet, 'contact-gap')?.params).toEqual({ days: 121, cadence: 30 });
    expect(quiet.band).not.toBe('low');
    const called = score(history({ interactions: [ix('2026-03-01'), ix('2026-06-25')] }), 0.9, 'gold');
    expect(factor(called, 'contact-gap')).toBeUndefined();
    expect(factor(called, 'recent-contact')?.points).toBeLessThan(0);
    // the same 121 days are within an iron cadence of 60 × 3
    expect(factor(score(history({ interactions: [ix('2026-03-01')] }), 0.9, 'iron'), 'contact-gap')!.points).toBeLessThan(factor(quiet, 'contact-gap')!.points);
  });

  it('treats a done revisit as a contact', () => {
    const done: Action = {
      id: 'c:revisit',
      customerId: 'c',
      kind: 'revisit',
      status: 'done',
      due: '2026-06-20',
      reason: 'r',
      createdAt: 0,
      updatedAt: Date.parse('2026-06-28T10:00:00Z'),
    };
    const r = score(history({ interactions: [ix('2026-03-01')], actions: [done] }));
    expect(factor(r, 'contact-gap')).toBeUndefined();
    expect(relationshipSignals(history({ actions: [done] }), AS_OF, '2025-01-01').lastContact).toBe('2026-06-28');
  });

  it('closes a complaint with a later positive interaction or good feedback, not an earlier one', () => {
    const open = score(history({ interactions: [ix('2026-06-01', { sentiment: 'positive' })], feedback: [fb('2026-06-10', 'complaint')] }));
    expect(factor(open, 'open-complaints')).toBeDefined();
    const closed = score(history({ interactions: [ix('2026-06-20', { sentiment: 'positive' })], feedback: [fb('2026-06-10', 'complaint')] }));
    expect(factor(closed, 'open-complaints')).toBeUndefined();
    const byCsat = score(history({ interactions: [ix('2026-06-20')], feedback: [fb('2026-06-10', 'complaint'), fb('2026-06-15', 'csat', 5)] }));
    expect(factor(byCsat, 'open-complaints')).toBeUndefined();
  });

  it('compares the last 90 days of interactions with the 90 before', () => {
    const declining = score(history({ interactions: [ix('2026-02-01'), ix('2026-02-15'), ix('2026-03-01'), ix('2026-03-20'), ix('2026-06-01')] }));
    expect(factor(declining, 'interaction-decline')).toMatchObject({ points: 11.3, params: { recent: 1, previous: 4 } });
    const rising = score(history({ interactions: [ix('2026-05-01'), ix('2026-06-01'), ix('2026-06-20')] }));
    expect(factor(rising, 'interaction-rise')!.points).toBeLessThan(0);
  });

  it('flags single-threaded key accounts and missing decision-makers, less for Iron, never for Lead', () => {
    const one = history({ contacts: [person('Li Wei')], interactions: [ix('2026-06-20', { contact: 'li wei' })] });
    expect(factor(score(one, 0.9, 'gold'), 'single-threaded')?.points).toBe(10);
    expect(factor(score(one, 0.9, 'gold'), 'no-decision-maker')?.points).toBe(8);
    expect(factor(score(one, 0.9, 'iron'), 'single-threaded')?.points).toBe(5);
    expect(factor(score(one, 0.9, 'lead'), 'single-threaded')).toBeUndefined();
    const wide = history({ contacts: [person('Li Wei'), person('Zhang San', true)], interactions: [ix('2026-06-20', { contact: 'Wang Wu' })] });
    expect(factor(score(wide, 0.9, 'gold'), 'single-threaded')).toBeUndefined();
    expect(factor(score(wide, 0.9, 'gold'), 'no-decision-maker')).toBeUndefined();
    const dmByInteraction = history({ interactions: [ix('2026-06-20', { contact: 'A', contactIsDecisionMaker: true }), ix('2026-06-21', { contact: 'B' })] });
    expect(factor(score(dmByInteraction, 0.9, 'gold'), 'no-decision-maker')).toBeUndefined();
  });

  it('scales factors by their weights (0 = off) and bands by the thresholds', () => {
    const h = history({ feedback: [fb('2026-06-01', 'complaint')], interactions: [ix('2026-06-25')] });
    const off = { ...DEFAULT_SCORING, riskWeights: { ...DEFAULT_SCORING.riskWeights, complaints: 0 } };
    const double = { ...DEFAULT_SCORING, riskWeights: { ...DEFAULT_SCORING.riskWeights, complaints: 2 } };
    expect(factor(score(h, 1, 'gold', off), 'open-complaints')).toBeUndefined();
    expect(factor(score(h, 1, 'gold', double), 'open-complaints')?.points).toBe(40);
    const r = score(h, 1, 'gold');
    expect(r.band).toBe(r.score >= 65 ? 'high' : r.score >= 35 ? 'medium' : 'low');
    const strict = { ...DEFAULT_SCORING, riskBands: { medium: 5, high: 10 } };
    expect(score(h, 1, 'gold', strict).band).toBe('high');
  });

  it('ignores P(alive) for a customer who never bought and stays within 0–100', () => {
    expect(factor(score(history(), null), 'p-alive')).toBeUndefined();
    const worst = history({
      interactions: [ix('2025-02-01', { sentiment: 'negative' }), ix('2025-02-02', { sentiment: 'negative' })],
      feedback: [fb('2026-06-01', 'complaint'), fb('2026-06-02', 'complaint'), fb('2026-06-03', 'complaint'), fb('2026-06-04', 'csat', 1)],
    });
    const max = { ...DEFAULT_SCORING, riskWeights: { pAlive: 5, contactGap: 5, interactionTrend: 5, sentiment: 5, detractor: 5, complaints: 5, coverage: 5 } };
    expect(score(worst, 0, 'platinum', max).score).toBe(100);
    expect(
      score(
        history({
          interactions: [ix('2026-06-29', { sentiment: 'positive' }), ix('2026-06-28', { sentiment: 'positive' })],
          feedback: [fb('2026-06-01', 'nps', 10)],
        }),
        1,
        'lead',
      ).score,
    ).toBeGreaterThanOrEqual(0);
  });
});
