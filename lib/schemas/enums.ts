import { z } from './zod';
import {
  CRM_IDS,
  CHANNELS,
  DIRECTIONS,
  SENTIMENTS,
  FEEDBACK_KINDS,
  TIERS,
  RISK_BANDS,
  ACTION_KINDS,
  ACTION_STATUSES,
  OBJECT_TYPES,
  GOAL_CATEGORIES,
  KPI_IDS,
} from './values';

export {
  CRM_IDS,
  CHANNELS,
  DIRECTIONS,
  SENTIMENTS,
  FEEDBACK_KINDS,
  TIERS,
  RISK_BANDS,
  ACTION_KINDS,
  ACTION_STATUSES,
  OBJECT_TYPES,
  GOAL_CATEGORIES,
  KPI_IDS,
} from './values';
export type { CrmId, Channel, Direction, Sentiment, FeedbackKind, Tier, RiskBand, ActionKind, ActionStatus, ObjectType, GoalCategory, KpiId } from './values';

export const CrmIdSchema = z.enum(CRM_IDS);
export const ChannelSchema = z.enum(CHANNELS);
export const DirectionSchema = z.enum(DIRECTIONS);
export const SentimentSchema = z.enum(SENTIMENTS);
export const FeedbackKindSchema = z.enum(FEEDBACK_KINDS);
export const TierSchema = z.enum(TIERS);
export const RiskBandSchema = z.enum(RISK_BANDS);
export const ActionKindSchema = z.enum(ACTION_KINDS);
export const ActionStatusSchema = z.enum(ACTION_STATUSES);
export const ObjectTypeSchema = z.enum(OBJECT_TYPES);
export const GoalCategorySchema = z.enum(GOAL_CATEGORIES);
export const KpiIdSchema = z.enum(KPI_IDS);
