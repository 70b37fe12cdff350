/**
 * The relationship scorer for a whole book and for one customer: one path for both.
 *
 * `fitBook` learns what needs the whole book as of a day — purchase and spend models, the pyramid's
 * value cut-offs, RFM edges, the churn-risk model (learnt from the book's own history: features as
 * of asOf − horizon, outcomes from the horizon that followed) — into a `BookModel` (plain JSON,
 * stored by the rescore service). `scoreCustomer` scores one customer against a stored model; a
 * full rescore (`scoreBook`) scores every customer with exactly that function, so the incremental
 * path after a quick-log gives what a full rescore would. See docs/scoring.md.
 */
import type { Goal, Score } from '../schemas/domain';
import type { AcceptanceModel } from './acceptance';
import type { ScoringSettings } from '../schemas/settings';
import type { Tier } from '../schemas/values';
import { addDays, dayOf, daysBetween } from '../clock';
import { rankActions, type RankedAction } from './actions';
import { dataSources, FEATURE_COUNT, riskFeatures, type RiskInputs } from './features';
import { fitModels } from './fit';
import { rfmEdges, rfmOf } from './rfm';
import { assessRisk, riskModelFits, trainRiskModel, type RiskResult } from './risk';
import { relationshipSignals, type RelationshipSignals } from './signals';
import { boughtBetween, customerStats, median, typicalGap, type CustomerStats } from './stats';
import { tierCutoffs, tierForValue } from './tiers';
import type { BookModel, CustomerHistory } from './types';
import { parameterSpread } from './uncertainty';
import { customerValue, type ClvCache, type CustomerValue, type ValueModel } from './value';

/** Default churn horizon: no purchase within this many days = churned. */
export const DEFAULT_HORIZON_DAYS = 90;

export const horizonOf = (settings: Partial<Pick<ScoringSettings, 'riskHorizonDays'>>): number => settings.riskHorizonDays ?? DEFAULT_HORIZON_DAYS;

const firstSeenOf = (h: CustomerHistory, s: CustomerStats): string =>
  s.firstPurchase !== undefined && s.firstPurchase < h.customer.createdAt ? s.firstPurchase : h.customer.createdAt;

/** The book as of one day: per-customer stats, values, tiers and signals, and what the book learnt. */
export interface Snapshot {
  asOf: string;
  /** Customers that existed on that day (became one on or before it). */
  present: boolean[];
  stats: CustomerStats[];
  values: CustomerValue[];
  signals: RelationshipSignals[];
  tiers: Tier[];
  firstSeen: string[];
  /** n × FEATURE_COUNT raw risk features (rows of absent customers are NaN). */
  features: Float64Array;
  model: Omit<BookModel, 'risk' | 'fittedAt'>;
}

/** Everything about the book as of `asOf` except the risk model (which needs an earlier snapshot). */
export function snapshotAt(histories: readonly CustomerHistory[], settings: ScoringSettings, asOf: string, purpose: 'score' | 'train' = 'score'): Snapshot {
  const asOfDay = dayOf(asOf);
  if (Number.isNaN(asOfDay)) throw new RangeError(`asOf must be a yyyy-MM-dd date, got "${asOf}"`);
  const horizonDays = horizonOf(settings);
  const n = histories.length;
  const stats = histories.map((h) => customerStats(h.transactions, asOfDay, horizonDays));
  const firstSeen = histories.map((h, i) => firstSeenOf(h, stats[i]!));
  const present = firstSeen.map((d) => d <= asOf);
  const known = stats.filter((_, i) => present[i]);
  const fits = fitModels(known);
  const buyers = known.filter((s) => s.purchaseDays > 0);
  let spendSum = 0;
  let spendDays = 0;
  for (const s of buyers) {
    spendSum += s.grossSpend;
    spendDays += s.purchaseDays;
  }
  const valueModel: ValueModel = {
    bgnbd: fits.bgnbd,
    gammaGamma: fits.gammaGamma,
    typicalGapDays: typicalGap(known),
    meanSpend: spendDays > 0 ? spendSum / spendDays : 0,
    paramSpread: 0,
  };
  // ranges are shown for today's scores only; a training cut-off needs none
  if (purpose === 'score') valueModel.paramSpread = parameterSpread(buyers, valueModel, settings, horizonDays);
  const cache: ClvCache = new Map();
  const values = stats.map((s) => customerValue(s, valueModel, settings, horizonDays, cache));
  const cutoffs = tierCutoffs(
    values.filter((_, i) => present[i]).map((v) => v.value),
    settings.tierThresholds,
  );
  const tiers = values.map((v) => tierForValue(v.value, cutoffs));
  const signals = histories.map((h, i) => relationshipSignals(h, asOf, firstSeen[i]!));
  const sources = dataSources(histories, asOf);
  const features = new Float64Array(n * FEATURE_COUNT).fill(Number.NaN);
  for (let i = 0; i < n; i++) if (present[i]) riskFeatures(inputsOf(i), features, i * FEATURE_COUNT);
  function inputsOf(i: number): RiskInputs {
    return {
      sources,
      stats: stats[i]!,
      value: values[i]!,
      signals: signals[i]!,
      tier: tiers[i]!,
      cadenceDays: settings.revisitCadenceDays[tiers[i]!],
      tenureDays: asOfDay - dayOf(firstSeen[i]!),
      asOf,
    };
  }
  const aboveLead = values.filter((v, i) => present[i] && v.value > settings.tierThresholds.leadMaxValue).map((v) => v.value);
  return {
    asOf,
    present,
    stats,
    values,
    signals,
    tiers,
    firstSeen,
    features,
    model: {
      asOf,
      unit: 'day',
      horizonDays,
      ...valueModel,
      fitReport: fits.report,
      sources,
      valueBasis: fits.bgnbd && fits.gammaGamma ? 'clv' : 'spend',
      tierCutoffs: cutoffs,
      rfmEdges: purpose === 'score' ? rfmEdges(known) : { recency: [0, 0, 0, 0], monetary: [0, 0, 0, 0], frequency: { values: [], counts: [] } },
      medianValue: median(aboveLead),
      customers: known.length,
      buyers: buyers.length,
      repeatBuyers: fits.report.repeatBuyers,
    },
  };
}

/** Rows of a snapshot's present customers as a dense n × F matrix, with their indexes. */
function presentRows(snap: Snapshot): { x: Float64Array; index: number[] } {
  const index: number[] = [];
  snap.present.forEach((p, i) => p && index.push(i));
  const x = new Float64Array(index.length * FEATURE_COUNT);
  index.forEach((i, k) => x.set(snap.features.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT), k * FEATURE_COUNT));
  return { x, index };
}

/** Who made no purchase in (from, to] among the snapshot's present customers. */
export function churnLabels(histories: readonly CustomerHistory[], index: readonly number[], from: string, to: string): Uint8Array {
  const a = dayOf(from);
  const b = dayOf(to);
  return Uint8Array.from(index, (i) => (boughtBetween(histories[i]!.transactions, a, b) ? 0 : 1));
}

/** Learn the risk model for `now` from the snapshot one horizon earlier. */
export function learnRisk(histories: readonly CustomerHistory[], past: Snapshot, now: Snapshot): BookModel['risk'] {
  const horizonDays = now.model.horizonDays;
  const train = presentRows(past);
  const churned = churnLabels(histories, train.index, past.asOf, now.asOf);
  const book = presentRows(now);
  let start = past.asOf;
  past.firstSeen.forEach((d, i) => {
    if (past.present[i] && d < start) start = d;
  });
  return trainRiskModel(train.x, churned, train.index.length, horizonDays, past.asOf, { x: book.x, n: book.index.length }, daysBetween(start, past.asOf));
}

/** Fit the book-level model as of `asOf` (the risk model learnt from asOf − horizon). */
export function fitBook(histories: readonly CustomerHistory[], settings: ScoringSettings, asOf: string): BookModel {
  return prepare(histories, settings, asOf).model;
}

/** Snapshots by date, shared between a rescore and a back-test of the same book. */
export type SnapshotCache = Map<string, Snapshot>;

export function cachedSnapshot(
  histories: readonly CustomerHistory[],
  settings: ScoringSettings,
  asOf: string,
  cache?: SnapshotCache,
  purpose: 'score' | 'train' = 'score',
): Snapshot {
  let s = cache?.get(asOf);
  if (!s) {
    s = snapshotAt(histories, settings, asOf, purpose);
    cache?.set(asOf, s);
  }
  return s;
}

function prepare(histories: readonly CustomerHistory[], settings: ScoringSettings, asOf: string, cache?: SnapshotCache): { now: Snapshot; model: BookModel } {
  const now = cachedSnapshot(histories, settings, asOf, cache);
  const past = cachedSnapshot(histories, settings, addDays(asOf, -now.model.horizonDays), cache, 'train');
  return { now, model: { ...now.model, risk: learnRisk(histories, past, now), fittedAt: Date.now() } };
}

/** What besides the book shapes the actions: the user's active goals and what their own outcomes taught. */
export interface ScoreContext {
  goals?: readonly Goal[];
  acceptance?: AcceptanceModel;
}

/** A score plus every action the playbook recommends now, best first (the NBA is the first). */
export interface ScoredCustomer {
  score: Score;
  ranked: RankedAction[];
  risk: RiskResult;
  value: CustomerValue;
}

/** Score one customer from its parts (shared by the full and the incremental path). */
function scoreParts(
  h: CustomerHistory,
  s: CustomerStats,
  v: CustomerValue,
  signals: RelationshipSignals,
  firstSeen: string,
  model: BookModel,
  settings: ScoringSettings,
  asOf: string,
  context: ScoreContext,
  computedAt: number,
): ScoredCustomer {
  const tier = tierForValue(v.value, model.tierCutoffs);
  const inputs: RiskInputs = {
    sources: model.sources,
    stats: s,
    value: v,
    signals,
    tier,
    cadenceDays: settings.revisitCadenceDays[tier],
    tenureDays: dayOf(asOf) - dayOf(firstSeen),
    asOf,
  };
  const raw = new Float64Array(FEATURE_COUNT);
  riskFeatures(inputs, raw);
  const risk = assessRisk(model.risk, raw, inputs, settings);
  const ranked = rankActions(
    {
      customerId: h.customer.id,
      ...(h.customer.segment !== undefined ? { segment: h.customer.segment } : {}),
      tier,
      risk,
      signals,
      pAlive: v.pAlive,
      value: v.value,
      netSpend: s.netSpend,
      purchaseDays: s.purchaseDays,
      ...(s.firstPurchase !== undefined ? { firstPurchase: s.firstPurchase } : {}),
      firstSeen,
      medianValue: model.medianValue,
      actions: h.actions,
      goals: context.goals ?? [],
      asOf,
      sources: model.sources,
      ...(context.acceptance ? { acceptance: context.acceptance } : {}),
    },
    settings,
  );
  const top = ranked[0];
  const round2 = (x: number): number => Math.round(x * 100) / 100;
  const score: Score = {
    customerId: h.customer.id,
    tier,
    risk: risk.band,
    riskScore: risk.score,
    churnRisk: risk.probability,
    churnRiskLow: risk.low,
    churnRiskHigh: risk.high,
    reasons: risk.factors,
    clv: round2(v.clv),
    clvLow: round2(v.clvLow),
    clvHigh: round2(v.clvHigh),
    pAlive: v.pAlive ?? 1,
    expectedPurchases: v.expectedInHorizon,
    rfm: rfmOf(s, model.rfmEdges),
    nba: top ? { kind: top.kind, reason: top.reason, due: top.due, ...(top.params ? { params: top.params } : {}) } : null,
    ...(signals.lastContact !== undefined ? { lastContact: signals.lastContact } : {}),
    computedAt,
  };
  return { score, ranked, risk, value: v };
}

/** Score one customer against a stored book model, with the full ranked playbook. */
export function scoreCustomerDetailed(
  h: CustomerHistory,
  model: BookModel,
  settings: ScoringSettings,
  asOf: string,
  context: ScoreContext = {},
): ScoredCustomer {
  if (!riskModelFits(model.risk, horizonOf(settings)))
    throw new RangeError('The stored book model was fitted for another horizon or feature set: rescore the whole book.');
  const s = customerStats(h.transactions, dayOf(asOf), model.horizonDays);
  const v = customerValue(s, model, settings, model.horizonDays);
  const firstSeen = firstSeenOf(h, s);
  return scoreParts(h, s, v, relationshipSignals(h, asOf, firstSeen), firstSeen, model, settings, asOf, context, Date.now());
}

/** Score one customer against a stored book model (the incremental path: no refit). */
export function scoreCustomer(h: CustomerHistory, model: BookModel, settings: ScoringSettings, asOf: string, context: ScoreContext = {}): Score {
  return scoreCustomerDetailed(h, model, settings, asOf, context).score;
}

/** Fit the book and score every customer; `ranked[i]` is the playbook of `scores[i]`. */
export function scoreBook(
  histories: readonly CustomerHistory[],
  settings: ScoringSettings,
  asOf: string,
  context: ScoreContext = {},
  snapshots?: SnapshotCache,
): { model: BookModel; scores: Score[]; ranked: RankedAction[][]; detailed: ScoredCustomer[] } {
  const { now, model } = prepare(histories, settings, asOf, snapshots);
  const at = Date.now();
  const detailed = histories.map((h, i) =>
    scoreParts(h, now.stats[i]!, now.values[i]!, now.signals[i]!, now.firstSeen[i]!, model, settings, asOf, context, at),
  );
  return { model, scores: detailed.map((d) => d.score), ranked: detailed.map((d) => d.ranked), detailed };
}
