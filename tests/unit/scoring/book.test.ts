import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { fitBook, scoreBook, scoreCustomer } from '../../../lib/scoring/book';
import { backtestRisk } from '../../../lib/scoring/book-backtest';
import { groupHistories } from '../../../lib/scoring/histories';
import { expectedIfAlive } from '../../../lib/scoring/value';
import { parseImportBytes } from '../../../lib/import';
import type { Transaction } from '../../../lib/schemas/domain';
import { expectedPurchases, pAlive } from '../../../lib/scoring/bgnbd';
import { generateSampleBook } from '../../../lib/sample/generate';
import { SAMPLE_AS_OF, STORIES } from '../../../lib/sample/stories';
import { DEFAULT_SCORING } from '../../../lib/schemas/settings';
import { ScoreSchema } from '../../../lib/schemas/domain';
import { cdnowFile } from '../../cdnow';

const sample = generateSampleBook();
const histories = groupHistories({ ...sample, actions: [] });
const result = scoreBook(histories, DEFAULT_SCORING, SAMPLE_AS_OF, { goals: sample.goals });
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

  it('gives every customer a valid score, reasons largest first, risk as a probability with its range', () => {
    for (const s of result.scores) {
      expect(ScoreSchema.safeParse(s).success).toBe(true);
      const sizes = s.reasons.map((r) => Math.abs(r.points));
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      expect(s.churnRiskLow!).toBeLessThanOrEqual(s.churnRisk!);
      expect(s.churnRiskHigh!).toBeGreaterThanOrEqual(s.churnRisk!);
      expect(s.clvLow!).toBeLessThanOrEqual(s.clv + 0.01);
      expect(s.clvHigh!).toBeGreaterThanOrEqual(s.clv - 0.01);
    }
    const tiers = new Map<string, number>();
    for (const s of result.scores) tiers.set(s.tier, (tiers.get(s.tier) ?? 0) + 1);
    expect(tiers.get('platinum')! / result.scores.length).toBeCloseTo(0.05, 1);
    expect(result.model.risk.kind).toBe('learned');
  });

  it('scores every customer alone with the stored model exactly as the full rescore did (no refit)', () => {
    const stored = JSON.parse(JSON.stringify(result.model));
    histories.forEach((h, i) => {
      const alone = scoreCustomer(h, stored, DEFAULT_SCORING, SAMPLE_AS_OF, { goals: sample.goals });
      expect({ ...alone, computedAt: 0 }).toEqual({ ...result.scores[i]!, computedAt: 0 });
    });
  });

  it('scores CDNOW customers alone exactly as the full rescore did, RFM included', () => {
    const file = cdnowFile('transactions-sample.csv');
    const parsed = parseImportBytes(new Uint8Array(fs.readFileSync(file)), 'transactions-sample.csv');
    const transactions = parsed.records as Transaction[];
    const ids = [...new Set(transactions.map((t) => t.customerId))];
    const cdnow = groupHistories({
      customers: ids.map((id) => ({ id, name: id, emails: [], createdAt: '1997-03-31', crmRefs: [] })),
      transactions,
      interactions: [],
      feedback: [],
      contacts: [],
      actions: [],
    });
    const full = scoreBook(cdnow, DEFAULT_SCORING, '1997-09-30');
    const stored = JSON.parse(JSON.stringify(full.model));
    let differ = 0;
    cdnow.forEach((h, i) => {
      const alone = scoreCustomer(h, stored, DEFAULT_SCORING, '1997-09-30');
      if (JSON.stringify({ ...alone, computedAt: 0 }) !== JSON.stringify({ ...full.scores[i]!, computedAt: 0 })) differ++;
    });
    expect(differ).toBe(0);
    // identical histories get identical segments
    const bySummary = new Map<string, Set<string>>();
    cdnow.forEach((h, i) => {
      if (h.transactions.length !== 1) return;
      const key = `${h.transactions[0]!.date}|${h.transactions[0]!.amount}`;
      (bySummary.get(key) ?? bySummary.set(key, new Set()).get(key)!).add(JSON.stringify(full.scores[i]!.rfm));
    });
    for (const segments of bySummary.values()) expect(segments.size).toBe(1);
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
    expect(after.churnRisk!).toBeLessThan(before.churnRisk!);
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
    expect(model.fitReport).toMatchObject({ bgnbd: 'too-thin', gammaGamma: 'too-thin' });
    expect(model.risk).toMatchObject({ kind: 'prior', fallback: 'too-few-customers' });
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
  it('back-tests the sample book out of time: the learnt risk beats recency and is calibrated', () => {
    const r = backtestRisk(histories, DEFAULT_SCORING, SAMPLE_AS_OF);
    expect(r.cutoff).toBe('2026-08-22');
    expect(r.customers).toBeGreaterThan(1000);
    expect(r.model).toBe('learned');
    expect(r.auc!).toBeGreaterThan(r.recencyAuc!);
    expect(Math.abs(r.meanPredicted! - r.observedRate!)).toBeLessThan(0.05);
    expect(r.calibration[2]!.observed!).toBeGreaterThan(r.calibration[0]!.observed!);
  });

  it('has no AUC without both outcomes', () => {
    const c = { id: 'a', name: 'a', emails: [], createdAt: '2025-01-01', crmRefs: [] };
    const h = [
      { customer: c, transactions: [{ id: 't', customerId: 'a', date: '2026-01-10', amount: 10 }], interactions: [], feedback: [], contacts: [], actions: [] },
    ];
    const r = backtestRisk(h, { ...DEFAULT_SCORING, riskHorizonDays: 90 }, '2026-06-30');
    expect(r).toMatchObject({ customers: 1, churned: 1, auc: null, recencyAuc: null, beatsRecency: null, model: 'prior' });
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
