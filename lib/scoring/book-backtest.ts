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
import { fitBookChunked, fitBookSync, horizonOf, type BookScorer } from './book-scorer';
import { riskBand, type RiskFallback } from './risk';
import type { BookModel, CustomerHistory } from './types';

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

/** The back-test's verdict from the evaluated customers. */
function summarise(
  rows: readonly { probability: number; recency: number; quiet: number; churned: number }[],
  scorer: BookScorer,
  model: BookModel,
  settings: ScoringSettings,
  asOf: string,
): RiskBacktest {
  const probability = Float64Array.from(rows, (r) => r.probability);
  const churned = Uint8Array.from(rows, (r) => r.churned);
  const bands: RiskBand[] = Array.from(probability, (p) => riskBand(Math.round(1000 * p) / 10, settings.riskBands));
  const calibration = calibrationByBand(probability, bands, churned);
  const auc = rocAuc(probability, churned);
  const recencyAuc = rocAuc(
    rows.map((r) => r.recency),
    churned,
  );
  let events = 0;
  for (const c of churned) events += c;
  return {
    cutoff: scorer.asOf,
    asOf,
    horizonDays: scorer.horizonDays,
    customers: rows.length,
    churned: events,
    auc,
    recencyAuc,
    bgnbdAuc: rocAuc(
      rows.map((r) => r.quiet),
      churned,
    ),
    meanPredicted: mean(probability),
    observedRate: mean(churned),
    calibration,
    highPrecision: calibration[2]!.observed,
    model: model.risk.kind,
    ...(model.risk.fallback ? { fallback: model.risk.fallback } : {}),
    beatsRecency: auc !== null && recencyAuc !== null ? auc > recencyAuc : null,
  };
}

/** Back-test as of `asOf` over chunks of the book (each pass walks the same chunks in the same order). */
export async function backtestRiskChunked(
  settings: ScoringSettings,
  asOf: string,
  chunks: () => AsyncIterable<readonly CustomerHistory[]> | Iterable<readonly CustomerHistory[]>,
): Promise<RiskBacktest> {
  const scorer = await fitBookChunked(settings, addDays(asOf, -horizonOf(settings)), chunks);
  const model = scorer.finish();
  const rows: { probability: number; recency: number; quiet: number; churned: number }[] = [];
  let from = 0;
  for await (const chunk of chunks()) {
    rows.push(...scorer.evaluate(chunk, asOf, from));
    from += chunk.length;
  }
  return summarise(rows, scorer, model, settings, asOf);
}

/** The same over one in-memory array (tests, the CLI). */
export function backtestRisk(histories: readonly CustomerHistory[], settings: ScoringSettings, asOf: string): RiskBacktest {
  const scorer = fitBookSync(settings, addDays(asOf, -horizonOf(settings)), histories);
  const model = scorer.finish();
  return summarise(scorer.evaluate(histories, asOf, 0), scorer, model, settings, asOf);
}
