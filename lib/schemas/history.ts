/**
 * What Rapport remembers over time: a customer's score when it changed (for "what changed since
 * last week", the risk sparkline and the pyramid's tier moves), and what happened to every shown
 * action (for actions that learn and the report of whether risk fell after them). See
 * docs/scoring.md "Score history" and "Actions that learn".
 */
import { z } from './zod';
import { IsoDateSchema, ScoreFactorSchema } from './domain';
import { ActionKindSchema, RiskBandSchema, TierSchema } from './enums';

export const ScoreHistoryRowSchema = z.object({
  /** `${customerId}|${date}`: at most one row per customer per day. */
  id: z.string().min(1),
  customerId: z.string().min(1),
  date: IsoDateSchema,
  tier: TierSchema,
  risk: RiskBandSchema,
  riskScore: z.number().min(0).max(100),
  churnRisk: z.number().min(0).max(1).optional(),
  clv: z.number(),
  pAlive: z.number().min(0).max(1),
  /** The largest factors then (signed points). */
  reasons: z.array(ScoreFactorSchema).max(8),
  nba: ActionKindSchema.optional(),
});

export const ACTION_OUTCOMES = ['done', 'dismissed', 'snoozed', 'expired'] as const;

export const ActionOutcomeRowSchema = z.object({
  id: z.string().min(1),
  customerId: z.string().min(1),
  actionId: z.string().min(1),
  kind: ActionKindSchema,
  tier: TierSchema,
  outcome: z.enum(ACTION_OUTCOMES),
  /** Why it was dismissed (the user's words or a reason code). */
  reason: z.string().max(500).optional(),
  date: IsoDateSchema,
  /** Churn risk (0–1) when decided, and four weeks after a done action. */
  riskBefore: z.number().min(0).max(1).optional(),
  riskAfter: z.number().min(0).max(1).optional(),
});

export type ScoreHistoryRow = z.output<typeof ScoreHistoryRowSchema>;
export type ActionOutcomeRow = z.output<typeof ActionOutcomeRowSchema>;
