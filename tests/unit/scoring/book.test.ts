import { describe, expect, it } from 'vitest';
import { backtestRisk, expectedIfAlive, fitBook, groupHistories, scoreBook, scoreCustomer } from '../../../lib/scoring/book';
import { expectedPurchases, pAlive } from '../../../lib/scoring/bgnbd';
import { generateSampleBook } from '../../../lib/sample/generate';
import { SAMPLE_AS_OF, STORIES } from '../../../lib/sample/stories';
import { DEFAULT_SCORING } from '../../../lib/schemas/settings';
import { ScoreSchema } from '../../../lib/schemas/domain';

const sample = generateSampleBook();
const histories = groupHistories({ ...sample, actions: [] });
const result = scoreBook(histories, DEFAULT_SCORING, SAMPLE_AS_OF, sample.goals);
const byId = new Map(result.scores.map((s) => [s.customerId, s]));

describe('scoreBook on the sample book', () => {
  it.each(STORIES.map((s) => [s.story, s] as const))('%s scores as its story says', (_name, story) => {
    const s = byId.get(story.customerId)!;
    expect({ tier: s.tier, risk: s.risk, nba: s.nba?.kind }, JSON.stringify(s.reasons)).toEqual(story.expected);
  });
});

describe('scoreBook / scoreCustomer', () => {
  it('fits BG/NBD + Gamma-Gamma with calibration end = asOf and keeps the model as plain JSON', () => {
    expect(result.model).toMatchObject({ asOf: SAMPLE_AS_OF, unit: 'day', valueBasis: 'clv', customers: histories.length });
    expect(result.model.bgnbd?.converged).toBe(true);
    expect(JSON.parse(JSON.stringify(result.model))).toEqual(result.model);
  });

  it('gives every customer a valid score with at most three reasons, largest first', () => {
    for (const s of result.scores) {
      expect(ScoreSchema.safeParse(s).success).toBe(true);
      expect(s.reasons.length).toBeLessThanOrEqual(3);
      const sizes = s.reasons.map((r) => Math.abs(r.points));
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    }
    const tiers = new Map<string, number>();
    for (const s of result.scores) tiers.set(s.tier, (tiers.get(s.tier) ?? 0) + 1);
    expect(tiers.get('platinum')! / result.scores.length).toBeCloseTo(0.05, 1);
  });

  it('scores one customer alone with the stored model like the full rescore (no refit)', () => {
    for (const story of STORIES) {
      const h = histories.find((x) => x.customer.id === story.customerId)!;
      const alone = scoreCustomer(h, JSON.parse(JSON.stringify(result.model)), DEFAULT_SCORING, SAMPLE_AS_OF, sample.goals);
      const full = byId.get(story.customerId)!;
      expect({ ...alone, computedAt: 0, rfm: null }).toEqual({ ...full, computedAt: 0, rfm: null });
    }
  });

  it('lowers the risk of a quiet account once a contact is logged (incremental path)', () => {
    const h = histories.find((x) => x.customer.id === 'C-1005')!;
    const before = scoreCustomer(h, result.model, DEFAULT_SCORING, SAMPLE_AS_OF);
    const logged = {
      ...h,
      interactions: [
        ...h.interactions,
        { id: 'new', customerId: 'C-1005', date: SAMPLE_AS_OF, channel: 'visit' as const, summary: '回访', sentiment: 'positive' as const, contact: '张伟' },
      ],
    };
    const after = scoreCustomer(logged, result.model, DEFAULT_SCORING, SAMPLE_AS_OF);
    expect(after.riskScore).toBeLessThan(before.riskScore);
    expect(after.lastContact).toBe(SAMPLE_AS_OF);
    expect(after.reasons.find((r) => r.id === 'contact-gap')).toBeUndefined();
  });

  it('falls back to spend when the book is too thin to fit: one large B2B order is not Lead', () => {
    const c = (id: string, createdAt = '2025-01-01') => ({ id, name: id, emails: [], createdAt, crmRefs: [] });
    const t = (customerId: string, date: string, amount: number, k: number) => ({ id: `${customerId}-${k}`, customerId, date, amount });
    const thin = groupHistories({
      customers: [c('big'), c('small'), c('regular'), c('prospect'), c('refunder')],
      transactions: [
        t('big', '2026-03-01', 250_000, 1),
        t('small', '2026-05-01', 800, 1),
        t('regular', '2025-09-01', 9_000, 1),
        t('regular', '2026-01-01', 9_000, 2),
        t('regular', '2026-05-01', 9_000, 3),
        t('refunder', '2026-02-01', 1_000, 1),
        t('refunder', '2026-02-10', -1_500, 2),
      ],
      interactions: [],
      feedback: [],
      contacts: [],
      actions: [],
    });
    const { model, scores } = scoreBook(thin, DEFAULT_SCORING, '2026-06-30');
    expect(model.valueBasis).toBe('spend');
    expect(model.bgnbd).toBeNull();
    const tier = Object.fromEntries(scores.map((s) => [s.customerId, s.tier]));
    expect(tier).toEqual({ big: 'platinum', regular: 'gold', small: 'iron', prospect: 'lead', refunder: 'lead' });
    expect(scores.find((s) => s.customerId === 'refunder')!.nba?.kind).toBe('value-review');
    expect(scores.every((s) => s.pAlive >= 0 && s.pAlive <= 1 && Number.isFinite(s.clv))).toBe(true);
  });

  it('scores an empty book and a customer without any rows', () => {
    expect(scoreBook([], DEFAULT_SCORING, '2026-06-30').scores).toEqual([]);
    const model = fitBook(histories, DEFAULT_SCORING, SAMPLE_AS_OF);
    const lonely = {
      customer: { id: 'x', name: 'x', emails: [], createdAt: '2026-06-01', crmRefs: [] },
      transactions: [],
      interactions: [],
      feedback: [],
      contacts: [],
      actions: [],
    };
    const s = scoreCustomer(lonely, model, DEFAULT_SCORING, SAMPLE_AS_OF);
    expect(s).toMatchObject({ tier: 'lead', clv: 0, pAlive: 1 });
    expect(() => scoreBook(histories, DEFAULT_SCORING, '20261120')).toThrow(/yyyy-MM-dd/);
  });
});

describe('backtestRisk', () => {
  it('scores the book as of six months ago and checks the risk against who stopped buying', () => {
    const r = backtestRisk(histories, DEFAULT_SCORING, SAMPLE_AS_OF, 180);
    expect(r.cutoff).toBe('2026-05-24');
    expect(r.customers).toBeGreaterThan(1000);
    expect(r.churned).toBeGreaterThan(0);
    expect(r.auc).toBeGreaterThan(0.6);
    expect(r.byBand.high.rate!).toBeGreaterThan(r.byBand.low.rate!);
    expect(r.byBand.low.customers + r.byBand.medium.customers + r.byBand.high.customers).toBe(r.customers);
  });

  it('has no AUC without both outcomes', () => {
    const c = { id: 'a', name: 'a', emails: [], createdAt: '2025-01-01', crmRefs: [] };
    const h = [
      { customer: c, transactions: [{ id: 't', customerId: 'a', date: '2026-01-10', amount: 10 }], interactions: [], feedback: [], contacts: [], actions: [] },
    ];
    const r = backtestRisk(h, DEFAULT_SCORING, '2026-06-30', 90);
    expect(r).toMatchObject({ customers: 1, churned: 1, auc: null });
  });
});

describe('concentrated dropout (a + b large)', () => {
  it('matches the exact BG/NBD expectation where the ₂F₁ series is slow', () => {
    for (const p of [
      { r: 1.2, alpha: 90, a: 2, b: 300 },
      { r: 0.7, alpha: 40, a: 0.6, b: 150 },
    ])
      for (const [x, tx, T] of [
        [0, 0, 30],
        [3, 200, 260],
        [12, 500, 520],
      ] as const) {
        const exact = expectedPurchases(p, 365, x, tx, T);
        const approx = pAlive(p, x, tx, T) * expectedIfAlive(p, x, T, 365);
        expect(Math.abs(approx - exact) / exact, JSON.stringify({ p, x, tx, T })).toBeLessThan(0.02);
      }
    expect(expectedIfAlive({ r: 1, alpha: 100, a: 1e-12, b: 1e4 }, 4, 100, 200)).toBeCloseTo((5 * 200) / 200, 6);
  });
});
