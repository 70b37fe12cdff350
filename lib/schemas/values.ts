/**
 * Enumerations of the canonical model, free of zod so the content script can use them.
 * lib/schemas/enums.ts builds the zod schemas from these lists. The CRM ids come from the CRM
 * registry (lib/crm/registry.ts), so schemas and descriptors cannot disagree.
 */
export { CRM_IDS, type CrmId } from '../crm/registry';
export const CHANNELS = ['call', 'email', 'meeting', 'visit', 'chat', 'other'] as const;
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const FEEDBACK_KINDS = ['csat', 'nps', 'complaint'] as const;
export const TIERS = ['platinum', 'gold', 'iron', 'lead'] as const;
export const RISK_BANDS = ['low', 'medium', 'high'] as const;
export const ACTION_KINDS = [
  'revisit',
  'survey',
  'service-recovery',
  'exec-sponsor',
  'cross-sell',
  'win-back',
  'value-review',
  'care-touch',
  'multi-thread',
  'onboard',
] as const;
export const ACTION_STATUSES = ['open', 'done', 'dismissed', 'snoozed'] as const;
/** Canonical CRM object types; each adapter maps its own names (Opportunity, Deal, 商机…) onto these. */
export const OBJECT_TYPES = ['account', 'contact', 'deal', 'lead'] as const;
export const GOAL_CATEGORIES = ['satisfaction', 'loyalty', 'new-customers', 'value-add', 'relationship-depth'] as const;
export const KPI_IDS = [
  'csat',
  'nps',
  'retention',
  'churn-rate',
  'repurchase-rate',
  'new-customers',
  'clv',
  'interaction-frequency',
  'complaint-rate',
] as const;

export type Channel = (typeof CHANNELS)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type Sentiment = (typeof SENTIMENTS)[number];
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export type Tier = (typeof TIERS)[number];
export type RiskBand = (typeof RISK_BANDS)[number];
export type ActionKind = (typeof ACTION_KINDS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type ObjectType = (typeof OBJECT_TYPES)[number];
export type GoalCategory = (typeof GOAL_CATEGORIES)[number];
export type KpiId = (typeof KPI_IDS)[number];
