/**
 * Actions that learn: what a rep did with each shown recommendation (done, dismissed, snoozed, or
 * left to expire unseen) becomes a per-kind Beta estimate of how likely they are to act on it, and
 * the playbook's priorities are scaled by it — a kind the rep keeps dismissing sinks, one they
 * always do rises. A safety floor keeps the protective actions of a high-risk key account on top
 * whatever the rep's habits. The report gives acceptance and completion by kind and tier, and
 * whether risk fell after the action. See docs/scoring.md "Actions that learn".
 */
import type { ActionKind, Tier } from '../schemas/values';
import { ACTION_KINDS } from '../schemas/values';

export type ActionOutcomeKind = 'done' | 'dismissed' | 'snoozed' | 'expired';

/** What happened to one shown action. */
export interface ActionOutcome {
  kind: ActionKind;
  tier: Tier;
  outcome: ActionOutcomeKind;
  /** Day of the decision (or of expiry). */
  date: string;
  /** Churn risk (0–1) when the action was shown, and some weeks after it was done, when known. */
  riskBefore?: number;
  riskAfter?: number;
}

/** Beta(PRIOR_A, PRIOR_B): before any decision every kind is a coin flip, worth four decisions. */
export const PRIOR_A = 2;
export const PRIOR_B = 2;
/** An action left to expire unseen counts as half a dismissal; a snooze as a quarter. */
const WEIGHT: Record<ActionOutcomeKind, { a: number; b: number }> = {
  done: { a: 1, b: 0 },
  dismissed: { a: 0, b: 1 },
  snoozed: { a: 0, b: 0.25 },
  expired: { a: 0, b: 0.5 },
};
/** How far learning may move a priority (× 0.2 … × 1.5). */
const MIN_FACTOR = 0.2;
const MAX_FACTOR = 1.5;

export interface KindAcceptance {
  /** Posterior Beta parameters. */
  a: number;
  b: number;
  /** Posterior mean acceptance. */
  mean: number;
  /** Priority multiplier: mean over the prior mean, clamped. */
  factor: number;
  decisions: number;
}

export type AcceptanceModel = Record<ActionKind, KindAcceptance>;

/** Learn each kind's acceptance from a rep's outcomes. */
export function learnAcceptance(outcomes: readonly ActionOutcome[]): AcceptanceModel {
  const out = {} as AcceptanceModel;
  const priorMean = PRIOR_A / (PRIOR_A + PRIOR_B);
  for (const kind of ACTION_KINDS) out[kind] = { a: PRIOR_A, b: PRIOR_B, mean: priorMean, factor: 1, decisions: 0 };
  for (const o of outcomes) {
    const k = out[o.kind];
    k.a += WEIGHT[o.outcome].a;
    k.b += WEIGHT[o.outcome].b;
    k.decisions++;
  }
  for (const k of Object.values(out)) {
    k.mean = k.a / (k.a + k.b);
    k.factor = Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, k.mean / priorMean));
  }
  return out;
}

export interface OutcomeRow {
  kind: ActionKind;
  tier: Tier | 'all';
  shown: number;
  done: number;
  dismissed: number;
  snoozed: number;
  expired: number;
  /** done ÷ (done + dismissed); null before any decision. */
  acceptance: number | null;
  /** done ÷ shown; null when never shown. */
  completion: number | null;
  /** Mean change of churn risk (0–1) after done actions that have a before and after; null when none. */
  riskChange: number | null;
  /** How many done actions the risk change is measured on. */
  riskMeasured: number;
}

/** The feedback report: per kind (all tiers) and per kind × tier. */
export function outcomeReport(outcomes: readonly ActionOutcome[]): OutcomeRow[] {
  const rows = new Map<string, OutcomeRow & { riskSum: number }>();
  const row = (kind: ActionKind, tier: Tier | 'all') => {
    const key = `${kind}|${tier}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        kind,
        tier,
        shown: 0,
        done: 0,
        dismissed: 0,
        snoozed: 0,
        expired: 0,
        acceptance: null,
        completion: null,
        riskChange: null,
        riskMeasured: 0,
        riskSum: 0,
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const o of outcomes)
    for (const r of [row(o.kind, 'all'), row(o.kind, o.tier)]) {
      r.shown++;
      r[o.outcome]++;
      if (o.outcome === 'done' && o.riskBefore !== undefined && o.riskAfter !== undefined) {
        r.riskSum += o.riskAfter - o.riskBefore;
        r.riskMeasured++;
      }
    }
  return [...rows.values()].map(({ riskSum, ...r }) => ({
    ...r,
    acceptance: r.done + r.dismissed > 0 ? r.done / (r.done + r.dismissed) : null,
    completion: r.shown > 0 ? r.done / r.shown : null,
    riskChange: r.riskMeasured > 0 ? riskSum / r.riskMeasured : null,
  }));
}
