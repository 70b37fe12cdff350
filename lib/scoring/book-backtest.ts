/**
 * "How good is my risk score?" on the user's own history, out of time: the risk model is learnt
 * exactly as a rescore would have learnt it one horizon ago (features at asOf − 2·horizon, outcomes
 * in the horizon after), scores the book as of asOf − horizon with only what was known then, and
 * is compared with who actually bought in the horizon that followed — against recency alone (days
 * since the last purchase) and the purchase model alone (BG/NBD's P(no purchase)). Scored: the
 * customers who had bought by the cut-off (recency is defined for them). See docs/scoring.md.
 */
import type { ScoringSettings } from '../schemas/settings';
import type { RiskBand } from '../schemas/values';
import { addDays } from '../clock';
import { calibrationByBand, mean, rocAuc, type BandCalibration } from './backtest';
import { cachedSnapshot, churnLabels, horizonOf, learnRisk, type Snapshot, type SnapshotCache } from './book';
import { FEATURE_COUNT } from './features';
import { riskBand, riskProbability, type RiskFallback } from './risk';
import type { CustomerHistory } from './types';

export interface RiskBacktest {
  /** Scores as of this date, with nothing after it. */
  cutoff: string;
  /** Outcomes observed up to this date (cutoff + horizon). */
  asOf: string;
  horizonDays: number;
  /** Customers who had bought by the cutoff. */
  customers: number;
  /** Of them, customers with no purchase in (cutoff, asOf]. */
  churned: number;
  /** Rapport's risk, recency alone, BG/NBD alone (null when one outcome is missing). */
  auc: number | null;
  recencyAuc: number | null;
  bgnbdAuc: number | null;
  /** Mean predicted churn probability vs the observed churn rate. */
  meanPredicted: number | null;
  observedRate: number | null;
  calibration: BandCalibration[];
  /** Share of the high band that churned (null when the band is empty). */
  highPrecision: number | null;
  /** Learnt from history, or priors (with why). */
  model: 'learned' | 'prior';
  fallback?: RiskFallback;
  /** Whether Rapport's risk ranked churners better than recency did (null when not measurable). */
  beatsRecency: boolean | null;
}

/** Back-test at `asOf` (default horizon from settings); snapshots may be shared with a caller that has them. */
export function backtestRisk(
  histories: readonly CustomerHistory[],
  settings: ScoringSettings,
  asOf: string,
  snapshots: SnapshotCache = new Map(),
): RiskBacktest {
  const horizonDays = horizonOf(settings);
  const cutoff = addDays(asOf, -horizonDays);
  const trainAt = addDays(asOf, -2 * horizonDays);
  const at = (d: string): Snapshot => cachedSnapshot(histories, settings, d, snapshots);
  const now = at(cutoff);
  const risk = learnRisk(histories, at(trainAt), now);
  const index: number[] = [];
  now.present.forEach((p, i) => p && now.stats[i]!.purchaseDays > 0 && index.push(i));
  const churned = churnLabels(histories, index, cutoff, asOf);
  const probability = Float64Array.from(index, (i) => riskProbability(risk, now.features, i * FEATURE_COUNT));
  const recency = Float64Array.from(index, (i) => now.stats[i]!.recencyDays);
  const quiet = Float64Array.from(index, (i) => now.values[i]!.pNoPurchase);
  const bands: RiskBand[] = Array.from(probability, (p) => riskBand(Math.round(1000 * p) / 10, settings.riskBands));
  const calibration = calibrationByBand(probability, bands, churned);
  const auc = rocAuc(probability, churned);
  const recencyAuc = rocAuc(recency, churned);
  let events = 0;
  for (const c of churned) events += c;
  return {
    cutoff,
    asOf,
    horizonDays,
    customers: index.length,
    churned: events,
    auc,
    recencyAuc,
    bgnbdAuc: rocAuc(quiet, churned),
    meanPredicted: mean(probability),
    observedRate: mean(churned),
    calibration,
    highPrecision: calibration[2]!.observed,
    model: risk.kind,
    ...(risk.fallback ? { fallback: risk.fallback } : {}),
    beatsRecency: auc !== null && recencyAuc !== null ? auc > recencyAuc : null,
  };
}
