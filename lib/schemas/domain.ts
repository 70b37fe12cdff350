/**
 * The canonical data model (docs/contracts.md "Data model"). Every record stored in Dexie, carried in
 * a message or written to a backup has one of these shapes; types come from the schemas.
 *
 * Dates are ISO calendar dates `yyyy-MM-dd` (the customer's business day, no time zone);
 * timestamps (`createdAt`, `updatedAt`, `computedAt`) are epoch milliseconds.
 */
import { z } from './zod';
import { isRealDate } from '../clock';
import {
  ActionKindSchema,
  ActionStatusSchema,
  ChannelSchema,
  CrmIdSchema,
  DirectionSchema,
  FeedbackKindSchema,
  GoalCategorySchema,
  KpiIdSchema,
  ObjectTypeSchema,
  RiskBandSchema,
  SentimentSchema,
  TierSchema,
} from './enums';

/** A real calendar day as `yyyy-MM-dd` (2025-02-30 and 9999-99-99 are refused). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a yyyy-MM-dd date')
  .refine(isRealDate, { message: 'not a real calendar day', params: { code: 'value.date-format' } });

export const CrmRefSchema = z.object({
  crm: CrmIdSchema,
  objectType: ObjectTypeSchema,
  /** The record id exactly as the CRM's URL shows it. */
  id: z.string().min(1).max(200),
  /**
   * The CRM account (org, portal, company) the record belongs to, as the CRM's book derives it
   * from a page URL (`tenantOf`). Absent on refs imported or typed without one: such a ref is
   * bound to a tenant the first time its record is shown there (docs/security/overlay.md).
   */
  tenant: z.string().min(1).max(300).optional(),
});

export const CustomerSchema = z.object({
  /** The user's own customer_id (from their CRM export or typed in). */
  id: z.string().min(1).max(200),
  name: z.string().max(500),
  domain: z.string().max(253).optional(),
  emails: z.array(z.string().max(320)),
  segment: z.string().max(200).optional(),
  owner: z.string().max(200).optional(),
  createdAt: IsoDateSchema,
  crmRefs: z.array(CrmRefSchema),
  /** Created by a transaction/interaction/feedback row naming an id not imported yet. */
  placeholder: z.boolean().optional(),
});

export const ContactSchema = z.object({
  id: z.string().min(1),
  customerId: z.string().min(1),
  name: z.string().max(500),
  role: z.string().max(200).optional(),
  email: z.string().max(320).optional(),
  isDecisionMaker: z.boolean(),
});

export const TransactionSchema = z.object({
  id: z.string().min(1),
  customerId: z.string().min(1),
  date: IsoDateSchema,
  /** Negative = refund: lowers monetary value, is not a purchase. */
  amount: z.number().finite(),
  currency: z.string().max(10).optional(),
  product: z.string().max(500).optional(),
  orderId: z.string().max(200).optional(),
});

export const InteractionSchema = z.object({
  id: z.string().min(1),
  customerId: z.string().min(1),
  date: IsoDateSchema,
  channel: ChannelSchema,
  direction: DirectionSchema.optional(),
  summary: z.string().max(10_000),
  sentiment: SentimentSchema.optional(),
  contact: z.string().max(500).optional(),
  contactIsDecisionMaker: z.boolean().optional(),
  nextStep: z.string().max(2_000).optional(),
  nextStepDue: IsoDateSchema.optional(),
  createdAt: z.number().optional(),
});

export const FeedbackSchema = z
  .object({
    id: z.string().min(1),
    customerId: z.string().min(1),
    date: IsoDateSchema,
    kind: FeedbackKindSchema,
    score: z.number().optional(),
    comment: z.string().max(10_000).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.kind === 'csat' && (f.score === undefined || !Number.isInteger(f.score) || f.score < 1 || f.score > 5))
      ctx.addIssue({ code: 'custom', path: ['score'], message: 'CSAT score must be an integer 1–5' });
    if (f.kind === 'nps' && (f.score === undefined || !Number.isInteger(f.score) || f.score < 0 || f.score > 10))
      ctx.addIssue({ code: 'custom', path: ['score'], message: 'NPS score must be an integer 0–10' });
  });

export const GoalScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('tier'), tier: TierSchema }),
  z.object({ kind: z.literal('segment'), segment: z.string().min(1) }),
]);

export const GoalSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(200),
  category: GoalCategorySchema,
  metric: KpiIdSchema,
  target: z.number().finite(),
  baseline: z.number().finite(),
  periodStart: IsoDateSchema,
  /** Exclusive. */
  periodEnd: IsoDateSchema,
  scope: GoalScopeSchema,
  archived: z.boolean(),
  createdAt: z.number(),
});

export const RankWhySchema = z.object({
  base: z.number(),
  tier: z.number(),
  risk: z.number(),
  goal: z.number(),
  learned: z.number(),
  floor: z.boolean(),
});

export const ActionSchema = z.object({
  id: z.string().min(1),
  customerId: z.string().min(1),
  kind: ActionKindSchema,
  status: ActionStatusSchema,
  due: IsoDateSchema,
  reason: z.string().max(2_000),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Snoozed actions come back on this date. */
  snoozedUntil: IsoDateSchema.optional(),
  /** Why the user dismissed it (feeds the acceptance-rate report). */
  statusReason: z.string().max(500).optional(),
  /** Why the playbook ranks it where it does: its priority is the product of these (lib/scoring/actions.ts). */
  why: RankWhySchema.optional(),
});

export const ScoreFactorSchema = z.object({
  /** Stable factor id, e.g. `p-alive`, `contact-gap`, `detractor`; the UI translates it. */
  id: z.string(),
  /** Points this factor adds to (positive) or removes from (negative) the 0–100 risk score. */
  points: z.number(),
  /** Values the UI interpolates into the factor's sentence (days, counts, scores). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const RfmSchema = z.object({
  r: z.number().int().min(1).max(5),
  f: z.number().int().min(1).max(5),
  m: z.number().int().min(1).max(5),
  segment: z.string(),
});

export const NextActionSchema = z.object({
  kind: ActionKindSchema,
  reason: z.string(),
  due: IsoDateSchema,
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const ScoreSchema = z.object({
  customerId: z.string().min(1),
  tier: TierSchema,
  risk: RiskBandSchema,
  riskScore: z.number().min(0).max(100),
  /** P(no purchase within the risk horizon), 0–1, with its 80 % interval. */
  churnRisk: z.number().min(0).max(1).optional(),
  churnRiskLow: z.number().min(0).max(1).optional(),
  churnRiskHigh: z.number().min(0).max(1).optional(),
  /** Every factor worth mentioning, largest |points| first (the UI shows the first few). */
  reasons: z.array(ScoreFactorSchema),
  clv: z.number(),
  /** 80 % interval of the CLV (thin histories: wide). */
  clvLow: z.number().optional(),
  clvHigh: z.number().optional(),
  pAlive: z.number().min(0).max(1),
  expectedPurchases: z.number().optional(),
  rfm: RfmSchema,
  nba: NextActionSchema.nullable(),
  lastContact: IsoDateSchema.optional(),
  computedAt: z.number(),
});

export const ImportLogSchema = z.object({
  id: z.string().min(1),
  fileName: z.string(),
  kind: z.enum(['customers', 'transactions', 'interactions', 'feedback']),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  status: z.enum(['running', 'done', 'error', 'cancelled']),
  rowsSeen: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
});

export type CrmRef = z.output<typeof CrmRefSchema>;
export type Customer = z.output<typeof CustomerSchema>;
export type Contact = z.output<typeof ContactSchema>;
export type Transaction = z.output<typeof TransactionSchema>;
export type Interaction = z.output<typeof InteractionSchema>;
export type Feedback = z.output<typeof FeedbackSchema>;
export type GoalScope = z.output<typeof GoalScopeSchema>;
export type Goal = z.output<typeof GoalSchema>;
export type Action = z.output<typeof ActionSchema>;
export type ScoreFactor = z.output<typeof ScoreFactorSchema>;
export type Rfm = z.output<typeof RfmSchema>;
export type NextAction = z.output<typeof NextActionSchema>;
export type Score = z.output<typeof ScoreSchema>;
export type ImportLog = z.output<typeof ImportLogSchema>;
