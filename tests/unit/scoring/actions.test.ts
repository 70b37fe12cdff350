import { describe, expect, it } from 'vitest';
import { acceptanceByKind, dismissRestDays, rankActions, suppressedKinds, type PlaybookInput } from '../../../lib/scoring/actions';
import type { RiskResult } from '../../../lib/scoring/risk';
import { relationshipSignals, type RelationshipSignals } from '../../../lib/scoring/signals';
import { DEFAULT_SCORING } from '../../../lib/schemas/settings';
import type { Action, Goal } from '../../../lib/schemas/domain';
import type { ActionKind, Tier } from '../../../lib/schemas/enums';

const AS_OF = '2026-06-30';
const ms = (d: string) => Date.parse(`${d}T12:00:00Z`);
const quietSignals = (over: Partial<RelationshipSignals> = {}): RelationshipSignals => ({
  lastContact: '2026-06-20',
  contactGapDays: 10,
  contacted: true,
  interactionsRecent: 3,
  interactionsPrevious: 3,
  positive: 1,
  negative: 0,
  rated: 1,
  lastSurvey: '2026-05-01',
  openComplaints: 0,
  complaintsRecent: 0,
  decisionMakers: 1,
  threads: 3,
  ...over,
});
/** A churn risk of a given probability (the playbook reads its score and band). */
const riskOf = (probability: number): RiskResult => {
  const score = Math.round(1000 * probability) / 10;
  return { probability, low: probability, high: probability, score, band: score >= 65 ? 'high' : score >= 35 ? 'medium' : 'low', base: 20, factors: [] };
};
const input = (over: Partial<PlaybookInput> & { signals?: RelationshipSignals; tier?: Tier; pAlive?: number | null } = {}): PlaybookInput => {
  const signals = over.signals ?? quietSignals();
  const tier = over.tier ?? 'gold';
  const pAlive = over.pAlive === undefined ? 0.95 : over.pAlive;
  return {
    customerId: 'c',
    tier,
    risk: riskOf(pAlive === null ? 0.5 : Math.min(0.95, 0.1 + 0.8 * (1 - pAlive))),
    signals,
    pAlive,
    value: 5000,
    netSpend: 20000,
    purchaseDays: 8,
    firstPurchase: '2024-01-10',
    firstSeen: '2024-01-10',
    medianValue: 3000,
    actions: [],
    goals: [],
    asOf: AS_OF,
    ...over,
  };
};
const kinds = (p: PlaybookInput): ActionKind[] => rankActions(p, DEFAULT_SCORING).map((a) => a.kind);
const top = (p: PlaybookInput): ActionKind | undefined => kinds(p)[0];
const act = (kind: ActionKind, status: Action['status'], updated: string, extra: Partial<Action> = {}): Action => ({
  id: `c:${kind}`,
  customerId: 'c',
  kind,
  status,
  due: updated,
  reason: 'x',
  createdAt: 0,
  updatedAt: ms(updated),
  ...extra,
});

describe('next best action', () => {
  it('cross-sells to a healthy key account', () => {
    expect(top(input({ tier: 'platinum' }))).toBe('cross-sell');
  });

  it('puts service recovery first for an open complaint, due two days after it', () => {
    const p = input({ signals: quietSignals({ openComplaints: 1, oldestOpenComplaint: '2026-06-25' }) });
    const first = rankActions(p, DEFAULT_SCORING)[0]!;
    expect(first).toMatchObject({ kind: 'service-recovery', reason: 'reason.service-recovery.complaint', due: '2026-06-27' });
    expect(top(input({ signals: quietSignals({ latestCsat: { score: 1, date: '2026-06-15' } }) }))).toBe('service-recovery');
  });

  it('reviews the value of a customer whose refunds exceed purchases', () => {
    expect(top(input({ tier: 'lead', netSpend: -1200, value: -1200 }))).toBe('value-review');
    expect(kinds(input({ tier: 'lead', netSpend: 0, purchaseDays: 0, value: 0, firstPurchase: undefined }))).not.toContain('value-review');
  });

  it('wins back only a lapsed customer whose value was real — never one still buying, never a small one', () => {
    const lapsed = quietSignals({ lastContact: '2026-01-10', contactGapDays: 171 });
    expect(kinds(input({ tier: 'iron', pAlive: 0.1, signals: lapsed }))).toContain('win-back');
    expect(kinds(input({ tier: 'iron', pAlive: 0.8, signals: lapsed }))).not.toContain('win-back');
    expect(kinds(input({ tier: 'iron', pAlive: 0.1, signals: lapsed, netSpend: 500 }))).not.toContain('win-back');
  });

  it('escalates a key account at high risk to an executive sponsor', () => {
    const bad = quietSignals({
      lastContact: '2026-01-10',
      contactGapDays: 171,
      interactionsRecent: 0,
      interactionsPrevious: 6,
      negative: 2,
      positive: 0,
      rated: 2,
    });
    const p = input({ tier: 'platinum', pAlive: 0.35, signals: bad, risk: riskOf(0.8) });
    expect(p.risk.band).toBe('high');
    expect(top(p)).toBe('exec-sponsor');
  });

  it('onboards a new customer and multi-threads a single-threaded key account', () => {
    expect(top(input({ tier: 'iron', purchaseDays: 1, firstPurchase: '2026-06-01', firstSeen: '2026-06-01' }))).toBe('onboard');
    expect(top(input({ tier: 'gold', signals: quietSignals({ threads: 1 }) }))).toBe('multi-thread');
  });

  it('recommends the periodic revisit when the cadence is due, from the last contact', () => {
    const r = rankActions(input({ tier: 'iron', purchaseDays: 2, signals: quietSignals({ lastContact: '2026-04-01', contactGapDays: 90 }) }), DEFAULT_SCORING);
    expect(r.find((a) => a.kind === 'revisit')).toMatchObject({ due: '2026-05-31', reason: 'reason.revisit.overdue' });
  });

  it('lets a dismissed kind rest 30 days, longer after repeated dismissals', () => {
    expect([1, 2, 3, 4, 5].map(dismissRestDays)).toEqual([30, 60, 120, 180, 180]);
    const p = (actions: Action[]) => input({ tier: 'platinum', actions });
    expect(top(p([act('cross-sell', 'dismissed', '2026-06-10')]))).not.toBe('cross-sell');
    expect(top(p([act('cross-sell', 'dismissed', '2026-05-20')]))).toBe('cross-sell'); // 41 days later
    const twice = [act('cross-sell', 'dismissed', '2026-05-20'), act('cross-sell', 'dismissed', '2026-02-01', { id: 'c:cross-sell@2026-02-01' })];
    expect(top(p(twice))).not.toBe('cross-sell'); // second dismissal rests 60 days
  });

  it('hides a snoozed kind until its snooze ends; a done kind rests for its cadence', () => {
    const p = (actions: Action[]) => input({ tier: 'platinum', actions });
    expect(kinds(p([act('cross-sell', 'snoozed', '2026-06-28', { snoozedUntil: '2026-07-05' })]))).not.toContain('cross-sell');
    expect(kinds(p([act('cross-sell', 'snoozed', '2026-06-20', { snoozedUntil: '2026-06-30' })]))).toContain('cross-sell');
    expect(kinds(p([act('cross-sell', 'done', '2026-06-01')]))).not.toContain('cross-sell');
    expect(suppressedKinds([act('survey', 'done', '2026-01-01')], AS_OF).has('survey')).toBe(false);
  });

  it('boosts the kinds an active goal is about', () => {
    const goal = (category: Goal['category'], over: Partial<Goal> = {}): Goal => ({
      id: 'g',
      name: 'g',
      category,
      metric: 'csat',
      target: 90,
      baseline: 80,
      periodStart: '2026-04-01',
      periodEnd: '2026-10-01',
      scope: { kind: 'all' },
      archived: false,
      createdAt: 0,
      ...over,
    });
    const base = input({ tier: 'gold', signals: quietSignals({ lastSurvey: undefined }) });
    expect(top(base)).toBe('cross-sell');
    const priority = (p: PlaybookInput, k: ActionKind) => rankActions(p, DEFAULT_SCORING).find((a) => a.kind === k)!.priority;
    const withGoal = { ...base, goals: [goal('satisfaction')] };
    expect(priority(withGoal, 'survey')).toBeCloseTo(priority(base, 'survey') * 1.25, 0);
    expect(priority({ ...base, goals: [goal('satisfaction', { archived: true })] }, 'survey')).toBe(priority(base, 'survey'));
    expect(priority({ ...base, goals: [goal('satisfaction', { periodEnd: '2026-06-30' })] }, 'survey')).toBe(priority(base, 'survey'));
    expect(priority({ ...base, goals: [goal('satisfaction', { scope: { kind: 'tier', tier: 'iron' } })] }, 'survey')).toBe(priority(base, 'survey'));
    expect(priority({ ...base, goals: [goal('value-add')] }, 'cross-sell')).toBeGreaterThan(priority(base, 'cross-sell'));
  });

  it('uses the signals of a real history end to end', () => {
    const h = {
      customer: { id: 'c', name: 'C', emails: [], createdAt: '2026-06-01', crmRefs: [] },
      transactions: [],
      interactions: [],
      feedback: [],
      contacts: [],
      actions: [],
    };
    const signals = relationshipSignals(h, AS_OF, '2026-06-01');
    const r = rankActions(
      input({ tier: 'lead', signals, pAlive: null, purchaseDays: 0, netSpend: 0, value: 0, firstPurchase: undefined, firstSeen: '2026-06-01' }),
      DEFAULT_SCORING,
    );
    expect(r[0]).toMatchObject({ kind: 'onboard', due: '2026-06-30' });
  });
});

describe('promises and the feedback report', () => {
  it('follows up a promised next step that is past its due date', () => {
    const r = rankActions(
      input({ tier: 'iron', purchaseDays: 3, signals: quietSignals({ overdueNextStep: { text: 'Send the quote', due: '2026-06-25' } }) }),
      DEFAULT_SCORING,
    );
    expect(r[0]).toMatchObject({ kind: 'revisit', reason: 'reason.revisit.next-step', due: '2026-06-25', params: { step: 'Send the quote' } });
  });

  it('reports what users did with each kind and the acceptance rate', () => {
    const r = acceptanceByKind([
      act('survey', 'done', '2026-06-01'),
      act('survey', 'dismissed', '2026-05-01', { id: 'c:survey@2026-05-01' }),
      act('survey', 'done', '2026-04-01', { id: 'c:survey@2026-04-01' }),
      act('revisit', 'open', '2026-06-01'),
    ]);
    expect(r.survey).toEqual({ open: 0, done: 2, dismissed: 1, snoozed: 0, acceptance: 2 / 3 });
    expect(r.revisit.acceptance).toBeNull();
    expect(r.onboard).toEqual({ open: 0, done: 0, dismissed: 0, snoozed: 0, acceptance: null });
  });
});
