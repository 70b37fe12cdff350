/**
 * Fitting the book's purchase and spend models from customers' stats, with a report of what was
 * used. A fit that did not converge is never used:
 * - BG/NBD running to a, b → ∞ (no spread in dropout) is replaced by its boundary model, fitted
 *   properly (bgnbd-boundary.ts); any other non-converged fit → no purchase model (heuristics).
 * - Gamma-Gamma not converged (e.g. the p → ∞ ridge one huge spender pulls it onto), or q ≤ 1
 *   (spend without a finite mean) → no spend model (shrunk observed means, see value.ts).
 * See docs/scoring.md.
 */
import { fitBgNbd, type BgNbdFit } from './bgnbd';
import { fitBgFixedDropout } from './bgnbd-boundary';
import { fitGammaGamma, type GammaGammaFit } from './gamma-gamma';
import type { CustomerStats } from './stats';

/** Below these the fits are not trusted and the heuristics are used. */
export const MIN_BUYERS_TO_FIT = 30;
export const MIN_REPEAT_BUYERS_TO_FIT = 10;
/** The fits use at most this many customers (an evenly spaced sample of a bigger book). */
export const MAX_FIT_ROWS = 20_000;

/** A Gamma-Gamma shape p this large means spend without spread within a customer (CV < 1 %): the ridge. */
export const RIDGE_P = 1e4;

export type BgNbdStatus = 'converged' | 'fixed-dropout' | 'not-converged' | 'too-thin';
export type GammaGammaStatus = 'converged' | 'not-converged' | 'too-thin';

export interface FitReport {
  bgnbd: BgNbdStatus;
  gammaGamma: GammaGammaStatus;
  buyers: number;
  repeatBuyers: number;
}

export interface Fits {
  /** Usable purchase model, or null (then P(alive) and expected purchases use heuristics). */
  bgnbd: BgNbdFit | null;
  /** Usable spend model, or null. */
  gammaGamma: GammaGammaFit | null;
  report: FitReport;
}

const finite = (...v: number[]): boolean => v.every((x) => Number.isFinite(x));

function sample<T>(rows: readonly T[], max: number): readonly T[] {
  if (rows.length <= max) return rows;
  const step = rows.length / max;
  return Array.from({ length: max }, (_, i) => rows[Math.floor(i * step)]!);
}

function purchaseModel(buyers: readonly CustomerStats[]): { fit: BgNbdFit | null; status: BgNbdStatus } {
  const full = fitBgNbd(buyers);
  if (full.converged && finite(full.r, full.alpha, full.a, full.b)) return { fit: full, status: 'converged' };
  // The likelihood kept rising towards a point-mass dropout (or none): fit that limit itself.
  const boundary = fitBgFixedDropout(buyers);
  if (
    boundary.converged &&
    finite(boundary.r, boundary.alpha, boundary.a, boundary.b) &&
    boundary.logLikelihood >= full.logLikelihood - 1e-6 * Math.abs(full.logLikelihood)
  )
    return { fit: boundary, status: 'fixed-dropout' };
  return { fit: null, status: 'not-converged' };
}

/** BG/NBD + Gamma-Gamma on the buyers' summaries, each only when it converged. */
export function fitModels(stats: readonly CustomerStats[]): Fits {
  const allBuyers = stats.filter((s) => s.purchaseDays > 0);
  const repeatBuyers = allBuyers.reduce((n, s) => n + (s.x > 0 ? 1 : 0), 0);
  const counts = { buyers: allBuyers.length, repeatBuyers };
  if (allBuyers.length < MIN_BUYERS_TO_FIT || repeatBuyers < MIN_REPEAT_BUYERS_TO_FIT)
    return { bgnbd: null, gammaGamma: null, report: { bgnbd: 'too-thin', gammaGamma: 'too-thin', ...counts } };
  const buyers = sample(allBuyers, MAX_FIT_ROWS);
  const bg = purchaseModel(buyers);
  const ggRows = buyers.filter((s) => s.x > 0 && s.meanRepeatSpend > 0).map((s) => ({ x: s.x, mean: s.meanRepeatSpend }));
  let gammaGamma: GammaGammaFit | null = null;
  let ggStatus: GammaGammaStatus = 'too-thin';
  if (ggRows.length >= MIN_REPEAT_BUYERS_TO_FIT) {
    const gg = fitGammaGamma(ggRows);
    // E[M] needs q > 1; and p beyond RIDGE_P (γ → 0) is the ridge one outlier pulls the fit onto,
    // where each customer's spend would have no spread at all: not a maximum anyone should use
    const usable = gg.converged && finite(gg.p, gg.q, gg.gamma) && gg.q > 1 && gg.p < RIDGE_P;
    gammaGamma = usable ? gg : null;
    ggStatus = usable ? 'converged' : 'not-converged';
  }
  return { bgnbd: bg.fit, gammaGamma, report: { bgnbd: bg.status, gammaGamma: ggStatus, ...counts } };
}
