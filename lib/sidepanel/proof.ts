/**
 * "How good is my risk score?": the stored back-test (lib/scoring/book-backtest.ts) read as a
 * verdict, and the action report (lib/scoring/acceptance.ts outcomeReport) narrowed to a tier.
 */
import { outcomeReport, type ActionOutcome, type OutcomeRow } from '../scoring/acceptance';
import type { RiskBacktest } from '../scoring/book-backtest';
import type { Tier } from '../schemas/enums';

/**
 * `beats`: Rapport's risk ranked the customers who left better than recency alone did;
 * `does-not-beat`: it did not (the page says so plainly); `not-measurable`: an AUC is missing
 * (nobody or everybody left in the horizon).
 */
export type Verdict = 'beats' | 'does-not-beat' | 'not-measurable';

export function verdict(b: Pick<RiskBacktest, 'auc' | 'recencyAuc' | 'beatsRecency'>): Verdict {
  if (b.auc === null || b.recencyAuc === null || b.beatsRecency === null) return 'not-measurable';
  return b.beatsRecency ? 'beats' : 'does-not-beat';
}

/** The report's rows for one tier (or all tiers), by kind, kinds never shown left out, most shown first. */
export function reportFor(outcomes: readonly ActionOutcome[], tier: Tier | 'all'): OutcomeRow[] {
  return outcomeReport(outcomes)
    .filter((r) => r.tier === tier && r.shown > 0)
    .sort((a, b) => b.shown - a.shown || a.kind.localeCompare(b.kind));
}
