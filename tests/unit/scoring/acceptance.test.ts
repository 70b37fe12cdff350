import { describe, expect, it } from 'vitest';
import { learnAcceptance, outcomeReport, type ActionOutcome } from '../../../lib/scoring/acceptance';
import { rankActions, type PlaybookInput } from '../../../lib/scoring/actions';
import type { RiskResult } from '../../../lib/scoring/risk';
import type { RelationshipSignals } from '../../../lib/scoring/signals';
import { FACTOR_IDS } from '../../../lib/scoring/features';
import { scoring } from '../../../lib/i18n/catalogs/scoring';
import { DEFAULT_SCORING } from '../../../lib/schemas/settings';
import type { ActionKind } from '../../../lib/schemas/values';

const AS_OF = '2026-06-30';
const signals = (over: Partial<RelationshipSignals> = {}): RelationshipSignals => ({
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
const risk = (probability: number): RiskResult => {
  const score = Math.round(1000 * probability) / 10;
  return { probability, low: probability, high: probability, score, band: score >= 65 ? 'high' : score >= 35 ? 'medium' : 'low', base: 20, factors: [] };
};
const input = (over: Partial<PlaybookInput> = {}): PlaybookInput => ({
  customerId: 'c',
  tier: 'gold',
  risk: risk(0.1),
  signals: signals(),
  pAlive: 0.95,
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
});
const dismissals = (kind: ActionKind, n: number): ActionOutcome[] =>
  Array.from({ length: n }, (_, i) => ({ kind, tier: 'gold', outcome: 'dismissed', date: `2026-06-${String(i + 1).padStart(2, '0')}` }));
const rankOf = (p: PlaybookInput, kind: ActionKind): number => rankActions(p, DEFAULT_SCORING).findIndex((a) => a.kind === kind);

describe('actions that learn from the rep', () => {
  it('a kind the rep always dismisses falls below the rest within 10 dismissals', () => {
    // a healthy gold account: cross-sell comes first, a survey is also due
    const p = input({ signals: signals({ lastSurvey: undefined }) });
    expect(rankOf(p, 'cross-sell')).toBe(0);
    let fell = -1;
    for (let n = 1; n <= 10; n++)
      if (rankOf({ ...p, acceptance: learnAcceptance(dismissals('cross-sell', n)) }, 'cross-sell') > 0) {
        fell = n;
        break;
      }
    expect(fell).toBeGreaterThan(0);
    expect(fell).toBeLessThanOrEqual(10);
    const learnt = learnAcceptance(dismissals('cross-sell', 10));
    expect(learnt['cross-sell'].mean).toBeLessThan(0.2);
    expect(learnt.survey.factor).toBe(1);
  });

  it('never lets learning push the protective action of a high-risk key account down (the safety floor)', () => {
    const atRisk = input({ tier: 'platinum', risk: risk(0.85), signals: signals({ contactGapDays: 90, lastContact: '2026-04-01' }) });
    const habits = learnAcceptance(dismissals('exec-sponsor', 30));
    const ranked = rankActions({ ...atRisk, acceptance: habits }, DEFAULT_SCORING);
    expect(ranked[0]!.kind).toBe('exec-sponsor');
    expect(ranked[0]!.why).toMatchObject({ learned: 1, floor: true });
    // the same habits do sink it for an account that is not at risk
    const calm = rankActions({ ...input({ tier: 'platinum', signals: signals({ decisionMakers: 0 }) }), acceptance: habits }, DEFAULT_SCORING);
    expect(calm.find((a) => a.kind === 'exec-sponsor')!.why.learned).toBeLessThan(0.5);
  });

  it('says why an action ranks where it does: its priority is the product of its reasons', () => {
    const [top] = rankActions(
      { ...input(), acceptance: learnAcceptance([{ kind: 'cross-sell', tier: 'gold', outcome: 'done', date: AS_OF }]) },
      DEFAULT_SCORING,
    );
    const w = top!.why;
    expect(top!.priority).toBeCloseTo(w.base * w.tier * w.risk * w.goal * w.learned, 0);
    expect(w.learned).toBeGreaterThan(1);
  });

  it('always proposes a next step: the planned revisit when nothing is due', () => {
    // a lead, contacted recently, nothing else to do
    const quiet = input({
      tier: 'lead',
      netSpend: 100,
      value: 0,
      purchaseDays: 1,
      risk: risk(0.2),
      signals: signals({ lastContact: '2026-06-20', contactGapDays: 10 }),
    });
    const ranked = rankActions(quiet, DEFAULT_SCORING);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({ kind: 'revisit', reason: 'reason.revisit.planned', due: '2026-10-18' });
    // snoozed revisit: the planned touch waits for the snooze
    const snoozed = rankActions(
      {
        ...quiet,
        actions: [
          {
            id: 'c:revisit',
            customerId: 'c',
            kind: 'revisit',
            status: 'snoozed',
            due: AS_OF,
            reason: 'x',
            createdAt: 0,
            updatedAt: 0,
            snoozedUntil: '2026-12-01',
          },
        ],
      },
      DEFAULT_SCORING,
    );
    expect(snoozed[0]).toMatchObject({ kind: 'revisit', due: '2026-12-01' });
  });

  it('never acts on data the book does not record', () => {
    const noContacts = input({
      tier: 'platinum',
      signals: signals({ threads: 0, decisionMakers: 0 }),
      sources: { interactions: true, feedback: true, contacts: false },
    });
    const kinds = rankActions(noContacts, DEFAULT_SCORING).map((a) => a.kind);
    expect(kinds).not.toContain('multi-thread');
    expect(kinds).not.toContain('exec-sponsor');
  });
});

describe('the outcome report', () => {
  it('gives acceptance and completion by kind and tier, and whether risk fell after the action', () => {
    const rows = outcomeReport([
      { kind: 'revisit', tier: 'gold', outcome: 'done', date: AS_OF, riskBefore: 0.6, riskAfter: 0.4 },
      { kind: 'revisit', tier: 'gold', outcome: 'done', date: AS_OF, riskBefore: 0.5, riskAfter: 0.5 },
      { kind: 'revisit', tier: 'iron', outcome: 'dismissed', date: AS_OF },
      { kind: 'revisit', tier: 'iron', outcome: 'expired', date: AS_OF },
    ]);
    expect(rows.find((r) => r.kind === 'revisit' && r.tier === 'all')).toMatchObject({
      shown: 4,
      done: 2,
      dismissed: 1,
      expired: 1,
      acceptance: 2 / 3,
      completion: 0.5,
      riskMeasured: 2,
    });
    expect(rows.find((r) => r.kind === 'revisit' && r.tier === 'all')!.riskChange).toBeCloseTo(-0.1, 10);
    expect(rows.find((r) => r.kind === 'revisit' && r.tier === 'iron')).toMatchObject({ acceptance: 0, riskChange: null });
  });
});

describe('every factor the scorer can give has a sentence in both languages', () => {
  it.each(FACTOR_IDS)('factor.%s', (id) => {
    expect(Object.hasOwn(scoring.en, `factor.${id}`)).toBe(true);
    expect(Object.hasOwn(scoring.zh_CN, `factor.${id}`)).toBe(true);
  });
});
