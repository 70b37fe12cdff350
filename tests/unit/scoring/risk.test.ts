import { describe, expect, it } from 'vitest';
import { addDays, dayOf } from '../../../lib/clock';
import { DEFAULT_SCORING } from '../../../lib/schemas/settings';
import { rocAuc } from '../../../lib/scoring/backtest';
import { scoreBook } from '../../../lib/scoring/book';
import { backtestRisk } from '../../../lib/scoring/book-backtest';
import { FEATURE_IDS } from '../../../lib/scoring/features';
import type { CustomerHistory } from '../../../lib/scoring/types';
import { churnedBetween, cutAt, syntheticBook } from './synthetic-book';

const AS_OF = '2026-06-30';
const H = 90;
const settings = { ...DEFAULT_SCORING, riskHorizonDays: H };

/** Scores as of AS_OF against what happened in the next H days, over customers who had bought. */
function forward(book: CustomerHistory[]) {
  const known = cutAt(book, AS_OF);
  const { model, detailed } = scoreBook(known, settings, AS_OF);
  const churned = churnedBetween(book, AS_OF, addDays(AS_OF, H));
  const rows = detailed.map((d, i) => ({ d, i })).filter(({ i }) => known[i]!.transactions.length > 0);
  const recencyOf = (i: number): number => dayOf(AS_OF) - Math.max(...known[i]!.transactions.map((t) => dayOf(t.date)));
  return { model, rows, churned, recencyOf };
}

describe('learnt churn risk on books whose churn process is known', () => {
  const signal = syntheticBook({ customers: 2500, weeks: 160, futureWeeks: 14, asOf: AS_OF, signal: 1, seed: 7 });

  it('learns that complaints and bad conversations drive churn, and beats recency among recent buyers', () => {
    const { model, rows, churned, recencyOf } = forward(signal);
    expect(model.risk.kind).toBe('learned');
    const coef = (id: string): number => model.risk.coef[FEATURE_IDS.indexOf(id as (typeof FEATURE_IDS)[number])]!;
    expect(coef('open-complaints')).toBeGreaterThan(0.1);
    expect(coef('sentiment-balance') + coef('last-negative')).toBeGreaterThan(0.1);
    // among customers who bought in the last 90 days, recency says little; the relationship says a lot
    const recent = rows.filter(({ i }) => recencyOf(i) <= 90);
    const y = recent.map(({ i }) => churned[i]!);
    const rapport = rocAuc(
      recent.map(({ d }) => d.risk.probability),
      y,
    )!;
    const recency = rocAuc(
      recent.map(({ i }) => recencyOf(i)),
      y,
    )!;
    const purchaseModel = rocAuc(
      recent.map(({ d }) => d.value.pNoPurchase),
      y,
    )!;
    expect(rapport).toBeGreaterThan(recency + 0.04);
    expect(rapport).toBeGreaterThan(purchaseModel + 0.04);
  });

  it('is calibrated: the mean predicted risk is within 0.05 of the churn that followed', () => {
    const { rows, churned } = forward(signal);
    const predicted = rows.reduce((s, { d }) => s + d.risk.probability, 0) / rows.length;
    const observed = rows.reduce((s, { i }) => s + churned[i]!, 0) / rows.length;
    expect(Math.abs(predicted - observed)).toBeLessThan(0.05);
  });

  it('explains itself: the factors add up to the score’s distance from the average customer', () => {
    const { rows } = forward(signal);
    for (const { d } of rows.slice(0, 200)) {
      const sum = d.risk.factors.reduce((s, f) => s + f.points, 0);
      // factors under half a point are not listed; each is rounded to 0.1
      expect(Math.abs(d.risk.base + sum - d.risk.score)).toBeLessThan(0.5 * (FEATURE_IDS.length + 1));
      expect(d.risk.low).toBeLessThanOrEqual(d.risk.probability);
      expect(d.risk.high).toBeGreaterThanOrEqual(d.risk.probability);
      expect(d.score.riskScore).toBeCloseTo(100 * d.risk.probability, 0);
    }
    const complainer = rows.find(({ d }) => d.risk.factors[0]?.id === 'open-complaints');
    expect(complainer?.d.risk.factors[0]!.points).toBeGreaterThan(0);
  });

  it('back-tests a useless score at AUC ≈ 0.5 (churn that nothing in the history predicts)', () => {
    const noise = syntheticBook({ customers: 2500, weeks: 160, futureWeeks: 0, asOf: AS_OF, signal: 0, seed: 11, baseHazard: 0 });
    // with no churn at all, "no purchase in 90 days" is the luck of each customer's purchase timing
    // once their rate is known: shuffle the outcomes by replacing each future with a fresh rate
    const b = backtestRisk(cutAt(noise, AS_OF), settings, AS_OF);
    expect(b.customers).toBeGreaterThan(1000);
    const shuffled = noise.map((h, k) => ({
      ...h,
      transactions: noise[(k * 7919) % noise.length]!.transactions.map((t) => ({ ...t, customerId: h.customer.id })),
    }));
    const random = backtestRisk(cutAt(shuffled, AS_OF), settings, AS_OF);
    expect(random.auc).not.toBeNull();
    // the same book re-dealt: each customer's past and future belong to different people
    const redealt = shuffled.map((h, k) => ({
      ...h,
      transactions: [
        ...h.transactions.filter((t) => t.date <= addDays(AS_OF, -H)),
        ...shuffled[(k * 104729 + 3) % shuffled.length]!.transactions.filter((t) => t.date > addDays(AS_OF, -H)).map((t) => ({
          ...t,
          customerId: h.customer.id,
        })),
      ],
    }));
    const useless = backtestRisk(redealt, settings, AS_OF);
    expect(Math.abs(useless.auc! - 0.5)).toBeLessThan(0.06);
    expect(Math.abs(useless.recencyAuc! - 0.5)).toBeLessThan(0.06);
  });

  it('back-tests out of time and says whether it beats recency', () => {
    const b = backtestRisk(cutAt(signal, AS_OF), settings, AS_OF);
    expect(b.cutoff).toBe(addDays(AS_OF, -H));
    expect(b.model).toBe('learned');
    expect(b.auc!).toBeGreaterThan(b.recencyAuc!);
    expect(b.beatsRecency).toBe(true);
    expect(b.calibration.map((c) => c.band)).toEqual(['low', 'medium', 'high']);
    expect(b.calibration.reduce((s, c) => s + c.customers, 0)).toBe(b.customers);
    expect(b.highPrecision).toBe(b.calibration[2]!.observed);
  });
});

describe('priors when the book is too thin to learn from', () => {
  it('falls back to priors and says why, with wider intervals', () => {
    const thin = syntheticBook({ customers: 60, weeks: 160, futureWeeks: 0, asOf: AS_OF, signal: 1, seed: 3 });
    // a customer still buying complains: the complaint must read as added risk
    const k = thin.findIndex((h) => h.transactions.some((t) => t.date > addDays(AS_OF, -20)));
    thin[k]!.feedback.push({ id: 'x', customerId: thin[k]!.customer.id, date: addDays(AS_OF, -5), kind: 'complaint' });
    const { model, detailed } = scoreBook(thin, settings, AS_OF);
    expect(model.risk.kind).toBe('prior');
    expect(model.risk.fallback).toBe('too-few-customers');
    const complaintFactors = detailed.flatMap((d) => d.risk.factors.filter((f) => f.id === 'open-complaints' || f.id === 'recent-complaints'));
    expect(detailed[k]!.risk.factors.map((f) => f.id)).toContain('open-complaints');
    for (const f of complaintFactors) expect(f.points).toBeGreaterThan(0);
    const widths = detailed.map((d) => d.risk.high - d.risk.low);
    expect(Math.max(...widths)).toBeGreaterThan(0.1);
  });

  it('does not learn from a history shorter than the horizon', () => {
    const young = syntheticBook({ customers: 800, weeks: 14, futureWeeks: 0, asOf: AS_OF, signal: 1, seed: 5 });
    expect(scoreBook(young, settings, AS_OF).model.risk.fallback).toBe('too-short-history');
  });

  it('reads data the book never recorded as average, not as a warning sign', () => {
    const book = syntheticBook({ customers: 600, weeks: 120, futureWeeks: 0, asOf: AS_OF, signal: 1, seed: 9 }).map((h) => ({
      ...h,
      interactions: [],
      feedback: [],
    }));
    const { model, detailed } = scoreBook(book, settings, AS_OF);
    expect(model.sources).toEqual({ interactions: false, feedback: false, contacts: false });
    const ids = new Set(detailed.flatMap((d) => d.risk.factors.map((f) => f.id)));
    for (const id of ['never-contacted', 'contact-gap', 'open-complaints', 'single-threaded', 'no-decision-maker']) expect(ids.has(id)).toBe(false);
  });
});
