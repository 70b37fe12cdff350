/**
 * How good is the risk score? Measures on held-out outcomes: ROC AUC (the probability that a
 * customer who churned was scored riskier than one who stayed; 0.5 = chance), calibration by band
 * (mean predicted vs observed churn), and the precision of the high band. Pure arithmetic on
 * arrays; book.ts decides who is scored and what counts as churn. See docs/scoring.md.
 */
import type { RiskBand } from '../schemas/values';

/** ROC AUC by the rank-sum (Mann–Whitney) statistic, ties sharing their average rank; null without both outcomes. */
export function rocAuc(score: ArrayLike<number>, positive: ArrayLike<number>): number | null {
  const n = score.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a]! - score[b]!);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j < n && score[order[j]!] === score[order[i]!]) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if (positive[order[k]!]) {
        rankSum += avgRank;
        positives++;
      }
    i = j;
  }
  const negatives = n - positives;
  return positives > 0 && negatives > 0 ? (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives) : null;
}

export interface BandCalibration {
  band: RiskBand;
  customers: number;
  /** Mean predicted churn probability in the band (null when empty). */
  predicted: number | null;
  /** Observed churn rate in the band (null when empty). */
  observed: number | null;
}

/** Predicted vs observed churn per band. */
export function calibrationByBand(probability: ArrayLike<number>, band: readonly RiskBand[], churned: ArrayLike<number>): BandCalibration[] {
  return (['low', 'medium', 'high'] as const).map((b) => {
    let customers = 0;
    let predicted = 0;
    let observed = 0;
    for (let i = 0; i < band.length; i++) {
      if (band[i] !== b) continue;
      customers++;
      predicted += probability[i]!;
      observed += churned[i]!;
    }
    return { band: b, customers, predicted: customers ? predicted / customers : null, observed: customers ? observed / customers : null };
  });
}

export const mean = (v: ArrayLike<number>): number | null => {
  if (v.length === 0) return null;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s / v.length;
};
