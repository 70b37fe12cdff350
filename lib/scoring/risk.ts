/**
 * Churn risk: the probability that a customer makes no purchase within the horizon (default 90
 * days), from a regularised logistic regression the book learns from its own history (features as
 * of asOf − horizon, outcomes from what followed; see book.ts), or — when the book is too thin to
 * learn from — from priors: the purchase model's own probability plus fixed log-odds for the
 * relationship signals. The 0–100 score is the probability in percent, the band comes from the
 * settings' thresholds, and the reasons are the largest signed contributions, grouped by factor
 * (each feature's coefficient × its distance from the average customer, in log-odds, scaled so the
 * points add up to the score's distance from the average customer's). See docs/scoring.md.
 */
import type { ScoreFactor } from '../schemas/domain';
import type { RiskBand } from '../schemas/values';
import type { ScoringSettings } from '../schemas/settings';
import { FEATURE_COUNT, FEATURE_GROUPS, FEATURE_IDS, factorOf, ZERO_REFERENCE, type RiskFeatureId, type RiskInputs } from './features';
import { fitLogistic, predictorSd, sigmoid } from './logistic';

/** Below these the book is too thin to learn from and the priors are used. */
export const MIN_TRAINING_CUSTOMERS = 200;
export const MIN_TRAINING_EVENTS = 20;
/** The model is fitted on at most this many customers (an evenly spaced sample of a bigger book). */
export const MAX_TRAINING_ROWS = 30_000;
/** L2 penalty on the standardised coefficients. */
const LAMBDA = 2;
/** z for the 80 % interval. */
const Z80 = 1.2816;

export type RiskFallback = 'too-short-history' | 'too-few-customers' | 'too-few-churners' | 'too-few-stayers' | 'not-converged';

export interface RiskModel {
  kind: 'learned' | 'prior';
  horizonDays: number;
  /** Feature ids at fit time (a stored model with other features is refitted, not misread). */
  features: readonly string[];
  /** Per-feature mean and scale: a value is used as (x − mean) / scale; NaN reads as the mean. */
  mean: number[];
  scale: number[];

  intercept: number;
  coef: number[];
  /** The reference customer the reasons are measured from, as raw feature values (see ZERO_REFERENCE). */
  reference: number[];
  /** (p + 1)² covariance of (intercept, coef), row-major. */
  covariance: number[];
  /** What the model was learnt from (null for priors). */
  training: { cutoff: string; customers: number; churned: number } | null;
  /** Why the priors are used. */
  fallback?: RiskFallback;
}

export interface RiskResult {
  /** P(no purchase within the horizon). */
  probability: number;
  /** 80 % interval of the probability. */
  low: number;
  high: number;
  /** 0–100. */
  score: number;
  band: RiskBand;
  /** Score of the reference customer (average purchase pattern, no warning signs): the factors' points add up to score − base. */
  base: number;
  /** Every factor with |points| ≥ 0.5, largest first. */
  factors: ScoreFactor[];
}

export function riskBand(score: number, bands: ScoringSettings['riskBands']): RiskBand {
  if (score >= bands.high) return 'high';
  if (score >= bands.medium) return 'medium';
  return 'low';
}

/**
 * Prior log-odds per unit of each raw feature (docs/scoring.md "Priors"): the purchase model's
 * own probability counts fully; the relationship signals move it by amounts typical of B2B
 * books (an open complaint roughly doubles the odds of not buying again, a promoter halves them).
 */
const PRIOR: Partial<Record<RiskFeatureId, number>> = {
  'never-bought': 1.4,
  'quiet-logit': 1,
  'contact-gap': 0.5,
  'never-contacted': 0.2,
  'interaction-trend': -0.3,
  'sentiment-balance': 0.8,
  'last-negative': 0.3,
  detractor: 0.6,
  promoter: -0.4,
  'open-complaints': 0.9,
  'recent-complaints': 0.4,
  'no-decision-maker': 0.2,
  'single-threaded': 0.2,
  'overdue-next-step': 0.3,
};
/** Prior uncertainty (sd, log-odds) of each prior coefficient and of the intercept. */
const PRIOR_SD = 0.5;

/** Column means and scales over the finite values of an n × F matrix. */
function columnMoments(x: Float64Array, n: number): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(FEATURE_COUNT).fill(0);
  const scale = new Array<number>(FEATURE_COUNT).fill(1);
  for (let j = 0; j < FEATURE_COUNT; j++) {
    let count = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i * FEATURE_COUNT + j]!;
      if (Number.isFinite(v)) {
        count++;
        sum += v;
      }
    }
    const m = count ? sum / count : 0;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i * FEATURE_COUNT + j]!;
      if (Number.isFinite(v)) ss += (v - m) ** 2;
    }
    const sd = count > 1 ? Math.sqrt(ss / count) : 0;
    mean[j] = m;
    scale[j] = sd > 1e-9 ? sd : 1;
  }
  return { mean, scale };
}

/**
 * Standardised values are read within ±CLIP_SD: a customer far outside what the model was learnt
 * on (a young cohort's past, say) gets the edge of the seen range, never a wild extrapolation.
 */
const CLIP_SD = 5;
const clipZ = (z: number): number => Math.min(CLIP_SD, Math.max(-CLIP_SD, z));

/** The model's reading of raw feature j: standardised, clipped for learnt models (priors read raw units). */
const read = (model: Pick<RiskModel, 'kind' | 'mean' | 'scale'>, j: number, v: number): number => {
  const z = (v - model.mean[j]!) / model.scale[j]!;
  return model.kind === 'learned' ? clipZ(z) : z;
};

const referenceOf = (mean: readonly number[]): number[] => FEATURE_IDS.map((id, j) => (ZERO_REFERENCE.has(id) ? 0 : mean[j]!));

const standardise = (model: Pick<RiskModel, 'kind' | 'mean' | 'scale'>, raw: ArrayLike<number>, out: Float64Array, at = 0): void => {
  for (let j = 0; j < FEATURE_COUNT; j++) {
    const v = raw[at + j]!;
    out[j] = Number.isFinite(v) ? read(model, j, v) : 0;
  }
};

/**
 * The priors, centred on a book: `mean` holds the book's mean of each raw feature (NaN-free), so the
 * average customer is the reference the non-event factors are measured from.
 */
export function priorRiskModel(mean: readonly number[], horizonDays: number, fallback?: RiskFallback): RiskModel {
  const coef = FEATURE_IDS.map((id) => PRIOR[id] ?? 0);
  const m = FEATURE_COUNT + 1;
  const covariance = new Array<number>(m * m).fill(0);
  for (let j = 0; j < m; j++) covariance[j * m + j] = j === 0 || coef[j - 1] !== 0 ? PRIOR_SD ** 2 : 0;
  return {
    kind: 'prior',
    horizonDays,
    features: FEATURE_IDS,
    mean: [...mean],
    scale: new Array<number>(FEATURE_COUNT).fill(1),
    intercept: coef.reduce((s, c, j) => s + c * mean[j]!, 0),
    coef,
    reference: referenceOf(mean),
    covariance,
    training: null,
    ...(fallback ? { fallback } : {}),
  };
}

/** Why the book cannot be learnt from (undefined: it can), known before any feature is computed. */
export function fallbackReason(customers: number, churned: number, historyDays: number, horizonDays: number): RiskFallback | undefined {
  // features learnt on a book younger than the horizon describe a different kind of customer
  if (historyDays < horizonDays) return 'too-short-history';
  if (customers < MIN_TRAINING_CUSTOMERS) return 'too-few-customers';
  if (churned < MIN_TRAINING_EVENTS) return 'too-few-churners';
  if (customers - churned < MIN_TRAINING_EVENTS) return 'too-few-stayers';
  return undefined;
}

/** Column means of an n × F matrix over its finite values (what priors centre on). */
export const featureMeans = (x: Float64Array, n: number): number[] => columnMoments(x, n).mean;

/**
 * Learn the risk model from a past cut-off: `x` = raw features of n customers as of `cutoff`,
 * `churned[i]` = 1 when customer i made no purchase in the horizon after it. Null when the fit fails
 * (the caller falls back to the priors).
 */
export function trainRiskModel(
  x: Float64Array,
  churned: Uint8Array,
  n: number,
  horizonDays: number,
  cutoff: string,
  customers = n,
  events?: number,
): RiskModel | null {
  const { mean, scale } = columnMoments(x, n);
  const z = new Float64Array(n * FEATURE_COUNT);
  const buffer = new Float64Array(FEATURE_COUNT);
  for (let i = 0; i < n; i++) {
    standardise({ kind: 'learned', mean, scale }, x, buffer, i * FEATURE_COUNT);
    z.set(buffer, i * FEATURE_COUNT);
  }
  const fit = fitLogistic({ x: z, n, p: FEATURE_COUNT, y: churned }, { lambda: LAMBDA });
  if (!fit.converged || !Number.isFinite(fit.intercept) || fit.coef.some((c) => !Number.isFinite(c))) return null;
  let churnedRows = 0;
  for (let i = 0; i < n; i++) churnedRows += churned[i]!;
  return {
    kind: 'learned',
    horizonDays,
    features: FEATURE_IDS,
    mean,
    scale,
    intercept: fit.intercept,
    coef: fit.coef,
    reference: referenceOf(mean),
    covariance: fit.covariance,
    training: { cutoff, customers, churned: events ?? churnedRows },
  };
}

/** A stored model still matches today's feature list. */
export const riskModelFits = (m: RiskModel | undefined, horizonDays: number): m is RiskModel =>
  m !== undefined && m.horizonDays === horizonDays && m.features.length === FEATURE_COUNT && m.features.every((f, j) => f === FEATURE_IDS[j]);

/** Just the probability (back-tests and training need no reasons). */
export function riskProbability(model: RiskModel, raw: ArrayLike<number>, at = 0): number {
  let z = model.intercept;
  for (let j = 0; j < FEATURE_COUNT; j++) {
    const v = raw[at + j]!;
    if (Number.isFinite(v)) z += model.coef[j]! * read(model, j, v);
  }
  return sigmoid(z);
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** The reference customer as the model reads it, and its log-odds (per model object: a rescore scores 100k customers with one). */
const referenceCache = new WeakMap<RiskModel, { ref: Float64Array; zRef: number }>();
function referenceOfModel(model: RiskModel): { ref: Float64Array; zRef: number } {
  let hit = referenceCache.get(model);
  if (!hit) {
    const ref = new Float64Array(FEATURE_COUNT);
    standardise(model, model.reference, ref);
    let zRef = model.intercept;
    for (let j = 0; j < FEATURE_COUNT; j++) zRef += model.coef[j]! * ref[j]!;
    hit = { ref, zRef };
    referenceCache.set(model, hit);
  }
  return hit;
}

const row = new Float64Array(FEATURE_COUNT);
const contributions = new Float64Array(FEATURE_COUNT);

/** Risk of one customer with its interval and reasons. */
export function assessRisk(model: RiskModel, raw: Float64Array, inputs: RiskInputs, settings: Pick<ScoringSettings, 'riskBands'>): RiskResult {
  standardise(model, raw, row);
  const { ref, zRef } = referenceOfModel(model);
  let z = model.intercept;
  for (let j = 0; j < FEATURE_COUNT; j++) {
    contributions[j] = model.coef[j]! * (row[j]! - ref[j]!);
    z += model.coef[j]! * row[j]!;
  }
  const probability = sigmoid(z);
  const sd = predictorSd(model, row);
  const base = sigmoid(zRef);
  const delta = z - zRef;
  // secant slope: the points add up exactly to 100 · (p − p̄)
  const slope = Math.abs(delta) > 1e-9 ? (probability - base) / delta : probability * (1 - probability);
  const factors: ScoreFactor[] = [];
  // features of one factor are adjacent in the vector: sum each run
  for (let j = 0; j < FEATURE_COUNT;) {
    const group = FEATURE_GROUPS[j]!;
    let c = 0;
    while (j < FEATURE_COUNT && FEATURE_GROUPS[j] === group) c += contributions[j++]!;
    const points = round1(100 * c * slope);
    if (Math.abs(points) >= 0.5) factors.push(factorOf(group, inputs, points, model.horizonDays));
  }
  factors.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const score = round1(100 * probability);
  return {
    probability,
    low: sigmoid(z - Z80 * sd),
    high: sigmoid(z + Z80 * sd),
    score,
    band: riskBand(score, settings.riskBands),
    base: round1(100 * base),
    factors,
  };
}
