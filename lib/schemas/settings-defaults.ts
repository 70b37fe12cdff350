/**
 * Default settings, free of zod (types only), so the content script can read settings
 * without bundling the schema library. lib/schemas/settings.ts validates against the schema.
 */
import { CRM_IDS } from './values';
import type { ScoringSettings, Settings } from './settings';

export const SETTINGS_VERSION = 2;

const allCrms = <T>(v: T): Record<(typeof CRM_IDS)[number], T> => Object.fromEntries(CRM_IDS.map((id) => [id, v])) as Record<(typeof CRM_IDS)[number], T>;

export const DEFAULT_SCORING: ScoringSettings = {
  tierThresholds: { platinumPct: 5, goldPct: 20, leadMaxValue: 0 },
  revisitCadenceDays: { platinum: 14, gold: 30, iron: 60, lead: 120 },
  riskWeights: {
    pAlive: 1,
    contactGap: 1,
    interactionTrend: 1,
    sentiment: 1,
    detractor: 1,
    complaints: 1,
    coverage: 1,
  },
  riskHorizonDays: 90,
  riskBands: { medium: 35, high: 65 },
  clvHorizonMonths: 12,
  annualDiscountRate: 0.1,
  currency: 'USD',
};

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION as 2,
  scoring: DEFAULT_SCORING,
  crm: {
    enabled: allCrms(true),
    customDomains: [],
    features: allCrms({ recordBadge: true, listChips: true }),
  },
  language: 'auto',
  theme: 'auto',
  reminders: { enabled: false, hour: 9 },
  today: { capacity: 15 },
  neverLog: [],
};
