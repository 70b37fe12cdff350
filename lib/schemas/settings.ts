/**
 * User settings, stored in `browser.storage.local` (see lib/settings.ts), validated and
 * versioned. Scoring reads the `scoring` part as plain data.
 */
import { z } from './zod';
import { CrmIdSchema } from './enums';

export { SETTINGS_VERSION } from './settings-defaults';
import { SETTINGS_VERSION } from './settings-defaults';

const PerTier = <T extends z.ZodType>(v: T) => z.object({ platinum: v, gold: v, iron: v, lead: v });

export const ScoringSettingsSchema = z.object({
  /** Customer pyramid: share of customers (by value rank) in Platinum and Gold, in %. */
  tierThresholds: z.object({
    platinumPct: z.number().min(0).max(100),
    goldPct: z.number().min(0).max(100),
    /** Customers whose value is at or below this (in currency units) are Lead. */
    leadMaxValue: z.number(),
  }),
  /** Days between contacts each tier expects (定期回访 cadence). */
  revisitCadenceDays: PerTier(z.number().int().min(1).max(3650)),
  /** Relative weights of the churn-risk factors; 1 = default influence, 0 = off. */
  riskWeights: z.object({
    pAlive: z.number().min(0).max(5),
    contactGap: z.number().min(0).max(5),
    interactionTrend: z.number().min(0).max(5),
    sentiment: z.number().min(0).max(5),
    detractor: z.number().min(0).max(5),
    complaints: z.number().min(0).max(5),
    coverage: z.number().min(0).max(5),
  }),
  /** Churn horizon: risk is the probability of no purchase within this many days. */
  riskHorizonDays: z.number().int().min(14).max(730),
  /** Risk score at or above which the band is medium / high. */
  riskBands: z.object({ medium: z.number().min(0).max(100), high: z.number().min(0).max(100) }),
  clvHorizonMonths: z.number().int().min(1).max(120),
  /** Annual discount rate for CLV, e.g. 0.1 = 10 %. */
  annualDiscountRate: z.number().min(0).max(1),
  currency: z.string().min(1).max(10),
});

export const CrmSettingsSchema = z.object({
  enabled: z.record(CrmIdSchema, z.boolean()),
  /** Extra hosts per CRM (custom domains), granted as optional host permissions. */
  customDomains: z.array(z.object({ crm: CrmIdSchema, host: z.string().min(1) })),
  /** Overlay features per CRM. */
  features: z.record(CrmIdSchema, z.object({ recordBadge: z.boolean(), listChips: z.boolean() })),
});

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  scoring: ScoringSettingsSchema,
  crm: CrmSettingsSchema,
  /** `auto` follows the browser's language. */
  language: z.enum(['auto', 'en', 'zh_CN']),
  theme: z.enum(['auto', 'light', 'dark']),
  reminders: z.object({ enabled: z.boolean(), hour: z.number().int().min(0).max(23) }),
  /** The side panel's Today: how many actions one rep plans for a day (the rest waits in buckets). */
  today: z.object({ capacity: z.number().int().min(1).max(100) }),
  /** Privacy: customers (ids) and email domains never to log interactions for. */
  neverLog: z.array(z.string()),
});

export type ScoringSettings = z.output<typeof ScoringSettingsSchema>;
export type CrmSettings = z.output<typeof CrmSettingsSchema>;
export type Settings = z.output<typeof SettingsSchema>;

// Defaults live in a zod-free module so the content script can read settings without zod.
export { DEFAULT_SCORING, DEFAULT_SETTINGS } from './settings-defaults';
