/**
 * The typed message protocol between content scripts / extension pages and the background.
 * Type-only: importing it adds nothing to a bundle (the content script stays free of zod).
 */
import type { MessagePayload, MessageSchemaMap } from '../schemas/messages';
import type { Action, Customer, Goal, ImportLog, Score } from '../schemas/domain';
import type { RiskBand, Tier } from '../schemas/enums';
import type { Settings } from '../schemas/settings';
import type { ContentSettings } from '../settings/content';
import type { CrmBases } from '../sidepanel/crm-links';
import type { AppError } from './errors';
import type { ConnectionStatus } from '../sync/state';

export interface CustomerSummary {
  id: string;
  name: string;
  domain?: string;
}

/** The badge row of an exactly matched record: tier, risk, the top reasons, the next best action. */
export type RecordBadge = Pick<Score, 'tier' | 'risk' | 'riskScore' | 'reasons' | 'nba'>;

export type RecordOverlay =
  | {
      state: 'ready';
      customer: CustomerSummary;
      /** Only what the badge row shows; the card (getCard) has the rest. */
      score: RecordBadge;
    }
  /**
   * No exact match of this tenant. `linkable`: some customer may be this record (same company
   * domain, email or name) — the page offers "Link to…?" and asks for names only on the user's click.
   */
  | { state: 'unknown-customer'; linkable: boolean };

export interface CardTrendPoint {
  date: string;
  riskScore: number;
  churnRisk?: number;
}

export interface FactorChange {
  id: string;
  /** Points now minus a week ago. */
  delta: number;
  params?: Record<string, string | number>;
}

/** The expanded card of the record a tab shows (lib/services/overlay-card.ts). */
export interface CardData {
  asOf: string;
  customer: { id: string; name: string };
  score: Score;
  /** Open actions, best first. */
  actions: Action[];
  openNextSteps: { text: string; due?: string }[];
  /** Weekly risk, oldest first, at most 12 points; the last is today's score. */
  trend: CardTrendPoint[];
  /** The score a week ago and how each factor moved since (absent without history that old). */
  lastWeek?: { date: string; riskScore: number; tier: Tier; changes: FactorChange[] };
  /** The day the customer was first scored (their oldest history row, else today's score). */
  firstScored: string;
  /** The customer came with the sample book ("Remove sample data" removes them). */
  sample: boolean;
}

export interface RowChip {
  customerId: string;
  tier: Tier;
  risk: RiskBand;
  riskScore: number;
}

export interface Results {
  getRecordOverlay: RecordOverlay;
  getRowChips: Record<string, RowChip>;
  getOverlayStrings: { locale: 'en' | 'zh_CN'; strings: Record<string, string> };
  getLinkCandidates: { id: string; name: string }[];
  getCard: CardData;
  trackCustomer: Customer;
  logInteraction: { interactionId: string; feedbackId?: string; score: Score | null; writeback?: WritebackState };
  undoInteraction: { customerId: string; score: Score | null };
  updateAction: Action;
  updateActions: { updated: number };
  searchCustomers: CustomerSummary[];
  loadSampleData: { customers: number };
  removeSampleData: { customers: number };
  rescoreAll: { customers: number };
  getSettings: Settings;
  getContentSettings: ContentSettings;
  saveSettings: Settings;
  saveGoal: Goal;
  setGoalArchived: Goal;
  learnCrmBases: CrmBases;
  recordTierSnapshot: { taken: boolean };
  rollbackImport: ImportLog;
  deleteAllData: { cleared: true };
  getSyncStatus: ConnectionStatus[];
  connectCrm: ConnectionStatus;
  syncCrm: ConnectionStatus;
  cancelSync: ConnectionStatus;
  disconnectCrm: ConnectionStatus;
  setSyncOptions: ConnectionStatus;
}

export type MessageType = keyof MessageSchemaMap & keyof Results;

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: MessagePayload<K>;
}

/** Every answer of the background: the data, or an error as a code the page translates (lib/messaging/errors.ts). */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** BG → CS/pages broadcast after data changed (interaction logged, import finished…). */
export interface DataChanged {
  type: 'rapport:data-changed';
  /** Customers whose scores changed; absent = anything may have changed. */
  customerIds?: string[];
}

/**
 * Popup → CS (`browser.tabs.sendMessage(tabId, …)`): which CRM record does this tab show?
 * The CRM content script answers with the `RecordRef` (lib/crm/types.ts) of the record on
 * screen, or `null` on a list / other page. The popup opens on that customer.
 */
export interface GetRecordRequest {
  type: 'rapport:get-record';
}
export const GET_RECORD_REQUEST: GetRecordRequest['type'] = 'rapport:get-record';

/** BG → extension pages after the settings were saved: the settings as now stored (pages never read the store). */
export interface SettingsSaved {
  type: 'rapport:settings-saved';
  settings: Settings;
}
export const SETTINGS_SAVED: SettingsSaved['type'] = 'rapport:settings-saved';

/** BG → extension pages: progress of a full rescore (options page progress bar). */
export interface RescoreProgress {
  type: 'rapport:rescore-progress';
  done: number;
  total: number;
}

/** BG → extension pages: a CRM's sync state changed (progress of a pass, connected, disconnected). */
export interface SyncProgress {
  type: 'rapport:sync-progress';
  status: ConnectionStatus;
}
export const SYNC_PROGRESS: SyncProgress['type'] = 'rapport:sync-progress';

/** A quick-log's write-back to the CRM: `off` (no connected CRM writes it), queued, written, failed. */
export type WritebackState = 'off' | 'queued' | 'written' | 'failed';
