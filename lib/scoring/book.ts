/**
 * The relationship scorer for a whole book and for one customer: one path for both.
 *
 * `fitBook` learns what needs the whole book as of a day — purchase and spend models, the pyramid's
 * value cut-offs, RFM edges, the churn-risk model (learnt from the book's own history: features as
 * of asOf − horizon, outcomes from the horizon that followed) — into a `BookModel` (plain JSON,
 * stored by the rescore service); book-scorer.ts does it in passes over chunks of customers.
 * `scoreCustomer` scores one customer against a stored model; a full rescore (`scoreBook`) scores
 * every customer with exactly that function, so the incremental path after a quick-log gives what a
 * full rescore would. See docs/scoring.md.
 */
import type { Goal, Score } from '../schemas/domain';
import type { AcceptanceModel } from './acceptance';
import type { ScoringSettings } from '../schemas/settings';
import { dayOf } from '../clock';
import { rankActions, type PlaybookInput, type RankedAction } from './actions';
import { BookScorer, firstSeenOf, fitBookChunked, fitBookSync, horizonOf } from './book-scorer';
import { FEATURE_COUNT, riskFeatures, type RiskInputs } from './features';
import { rfmOf } from './rfm';
import { assessRisk, riskModelFits, type RiskResult } from './risk';
import { relationshipSignals, type RelationshipSignals } from './signals';
import { customerStats, type CustomerStats } from './stats';
import { tierForValue } from './tiers';
import type { BookModel, CustomerHistory } from './types';
import { customerValue, type ClvCache, type CustomerValue } from './value';

export { BookScorer, horizonOf, DEFAULT_HORIZON_DAYS } from './book-scorer';

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

const round2 = (x: number): number => Math.round(x * 100) / 100;
const NO_GOALS: readonly Goal[] = [];
/** One feature row reused for every customer (assessRisk reads it and keeps nothing of it). */
const featureRow = new Float64Array(FEATURE_COUNT);

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
  const raw = featureRow;
  riskFeatures(inputs, raw);
  const risk = assessRisk(model.risk, raw, inputs, settings);
  // built field by field: no spreads of temporary objects in the per-customer hot path
  const playbook: PlaybookInput = {
    customerId: h.customer.id,
    tier,
    risk,
    signals,
    pAlive: v.pAlive,
    value: v.value,
    netSpend: s.netSpend,
    purchaseDays: s.purchaseDays,
    firstSeen,
    medianValue: model.medianValue,
    actions: h.actions,
    goals: context.goals ?? NO_GOALS,
    asOf,
    sources: model.sources,
  };
  if (h.customer.segment !== undefined) playbook.segment = h.customer.segment;
  if (s.firstPurchase !== undefined) playbook.firstPurchase = s.firstPurchase;
  if (context.acceptance) playbook.acceptance = context.acceptance;
  const ranked = rankActions(playbook, settings);
  const top = ranked[0];
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
    nba: top
      ? top.params
        ? { kind: top.kind, reason: top.reason, due: top.due, params: top.params }
        : { kind: top.kind, reason: top.reason, due: top.due }
      : null,
    computedAt,
  };
  if (signals.lastContact !== undefined) score.lastContact = signals.lastContact;
  return { score, ranked, risk, value: v };
}

/** Score one customer against a stored book model, with the full ranked playbook. */
export function scoreCustomerDetailed(
  h: CustomerHistory,
  model: BookModel,
  settings: ScoringSettings,
  asOf: string,
  context: ScoreContext = {},
  cache?: ClvCache,
): ScoredCustomer {
  if (!riskModelFits(model.risk, horizonOf(settings)))
    throw new RangeError('The stored book model was fitted for another horizon or feature set: rescore the whole book.');
  const s = customerStats(h.transactions, dayOf(asOf), model.horizonDays);
  const v = customerValue(s, model, settings, model.horizonDays, cache);
  const firstSeen = firstSeenOf(h, s);
  return scoreParts(h, s, v, relationshipSignals(h, asOf, firstSeen), firstSeen, model, settings, asOf, context, Date.now());
}

/** Score one customer against a stored book model (the incremental path: no refit). */
export function scoreCustomer(h: CustomerHistory, model: BookModel, settings: ScoringSettings, asOf: string, context: ScoreContext = {}): Score {
  return scoreCustomerDetailed(h, model, settings, asOf, context).score;
}

/** Fit the book-level model as of `asOf` (the risk model learnt from asOf − horizon). */
export function fitBook(histories: readonly CustomerHistory[], settings: ScoringSettings, asOf: string): BookModel {
  return fitBookSync(settings, asOf, histories).finish();
}

/** Pass 3 of a rescore: score a chunk of customers against the fitted model (one CLV memo per rescore). */
export function scoreChunk(
  histories: readonly CustomerHistory[],
  model: BookModel,
  settings: ScoringSettings,
  asOf: string,
  context: ScoreContext = {},
  cache: ClvCache = new Map(),
): ScoredCustomer[] {
  return histories.map((h) => scoreCustomerDetailed(h, model, settings, asOf, context, cache));
}

/** Fit the book and score every customer; `ranked[i]` is the playbook of `scores[i]`. */
export function scoreBook(
  histories: readonly CustomerHistory[],
  settings: ScoringSettings,
  asOf: string,
  context: ScoreContext = {},
): { model: BookModel; scores: Score[]; ranked: RankedAction[][]; detailed: ScoredCustomer[]; scorer: BookScorer } {
  const scorer = fitBookSync(settings, asOf, histories);
  const model = scorer.finish();
  const detailed = scoreChunk(histories, model, settings, asOf, context, scorer.clvCache());
  return { model, scores: detailed.map((d) => d.score), ranked: detailed.map((d) => d.ranked), detailed, scorer };
}

/**
 * A full rescore over chunks of the book (each call of `chunks` walks the same customers in the same
 * order): passes 1–2 fit the book model, pass 3 hands each scored chunk to `onScored` (which writes
 * it) before the next chunk is read. Memory: one chunk of rows plus a few columns per customer.
 */
export async function scoreBookChunked(
  settings: ScoringSettings,
  asOf: string,
  chunks: () => AsyncIterable<readonly CustomerHistory[]> | Iterable<readonly CustomerHistory[]>,
  context: ScoreContext,
  onScored: (scored: ScoredCustomer[], chunk: readonly CustomerHistory[]) => void | Promise<void>,
): Promise<BookModel> {
  const scorer = await fitBookChunked(settings, asOf, chunks);
  const model = scorer.finish();
  const cache = scorer.clvCache();
  for await (const chunk of chunks()) await onScored(scoreChunk(chunk, model, settings, asOf, context, cache), chunk);
  return model;
}
