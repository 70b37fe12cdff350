/**
 * Payload schemas of every message the background accepts. The background validates each
 * payload with these before any handler runs; senders only import the types.
 */
import { z } from './zod';
import { ActionStatusSchema, ChannelSchema, CrmIdSchema, DirectionSchema, ObjectTypeSchema, SentimentSchema } from './enums';
import { CrmRefSchema, IsoDateSchema } from './domain';

export const RecordLookupSchema = z.object({
  ref: CrmRefSchema,
  name: z.string().max(500).optional(),
  email: z.string().max(320).optional(),
  domain: z.string().max(253).optional(),
});

export const MessageSchemas = {
  /** CS → BG: scores, reasons and actions for the record on screen. */
  getRecordOverlay: z.object({ lookup: RecordLookupSchema }),
  /** CS → BG: the overlay's strings in the user's language (keeps catalogs out of the content script). */
  getOverlayStrings: z.object({ languages: z.array(z.string().max(35)).max(20) }),
  /** CS → BG: tier/risk chips for the rows of a list view. */
  getRowChips: z.object({
    crm: CrmIdSchema,
    objectType: ObjectTypeSchema,
    ids: z.array(z.string().min(1).max(200)).max(500),
  }),
  /**
   * CS → BG, after the user's click: up to five customers the record on screen may be (names
   * only), for the link picker. The background reads the record from the sender's tab.
   */
  getLinkCandidates: z.object({}),
  /** Card iframe → BG: the whole card of the record its tab shows (the tab's binding, never an id). */
  getCard: z.object({}),
  /**
   * CS/popup → BG: link a CRM record to an existing customer, or create one for it. From a
   * content script: only the record its URL shows, and only to a customer the picker offered it.
   */
  trackCustomer: z.object({
    lookup: RecordLookupSchema,
    customerId: z.string().min(1).max(200).optional(),
  }),
  /** Popup/CS → BG: log one interaction; the customer is rescored at once. */
  logInteraction: z.object({
    /** Made by the popup once per draft: a retried save (after a service-worker restart) is stored once. */
    clientId: z
      .string()
      .regex(/^[0-9a-f-]{36}$/i)
      .optional(),
    customerId: z.string().min(1).max(200),
    date: IsoDateSchema,
    channel: ChannelSchema,
    direction: DirectionSchema.optional(),
    summary: z.string().min(1).max(10_000),
    sentiment: SentimentSchema.optional(),
    contact: z.string().max(500).optional(),
    contactIsDecisionMaker: z.boolean().optional(),
    nextStep: z.string().max(2_000).optional(),
    nextStepDue: IsoDateSchema.optional(),
    feedback: z
      .object({
        kind: z.enum(['csat', 'nps', 'complaint']),
        score: z.number().int().min(0).max(10).optional(),
        comment: z.string().max(10_000).optional(),
      })
      .optional(),
  }),
  /** CS/side panel → BG: done / dismiss / snooze / reopen an action. */
  updateAction: z.object({
    actionId: z.string().min(1),
    status: ActionStatusSchema,
    /** A calendar date after today, at most a year ahead (the background checks it against its today). */
    snoozedUntil: IsoDateSchema.optional(),
    reason: z.string().max(500).optional(),
  }),
  /** Side panel → BG: one decision for many actions (bulk snooze or dismiss of stale revisits). */
  updateActions: z.object({
    updates: z
      .array(
        z.object({
          actionId: z.string().min(1),
          status: ActionStatusSchema,
          snoozedUntil: IsoDateSchema.optional(),
          reason: z.string().max(500).optional(),
        }),
      )
      .min(1)
      .max(5_000),
  }),
  /** Popup → BG: find customers by name, domain or email. */
  searchCustomers: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50) }),
  /** Popup → BG: undo a quick-log just saved (the interaction and its feedback row); rescored at once. */
  undoInteraction: z.object({
    interactionId: z.string().min(1).max(200),
    feedbackId: z.string().min(1).max(200).optional(),
  }),
  /** Extension pages → BG: replace the database with the bundled sample book. */
  loadSampleData: z.object({
    seed: z.number().int().optional(),
    /** Generic customers besides the six stories (benchmarks load bigger books). */
    customers: z.number().int().min(0).max(100_000).optional(),
  }),
  /** Extension pages → BG: delete the rows the sample book loaded (marked in meta); the user's own rows stay. */
  removeSampleData: z.object({}),
  /** Extension pages → BG: recompute every customer's score (imports, restores, goal and settings changes do it themselves). */
  rescoreAll: z.object({ asOf: IsoDateSchema }),
  /** Extension pages → BG: the settings (pages do not read the settings store themselves). */
  getSettings: z.object({}),
  /** CS → BG: the few settings a content script needs (it cannot read the settings store). */
  getContentSettings: z.object({}),
  /** Options page → BG: validate and store the settings (the only way settings change). */
  saveSettings: z.object({ settings: z.record(z.string(), z.unknown()) }),
  /** Side panel → BG: create or replace a goal; every customer's actions are re-ranked. */
  saveGoal: z.object({ goal: z.record(z.string(), z.unknown()) }),
  /** Side panel → BG: archive or restore a goal. */
  setGoalArchived: z.object({ goalId: z.string().min(1).max(200), archived: z.boolean() }),
  /** Side panel → BG: remember CRM bases seen in these tab URLs (for "Open in CRM" links). */
  learnCrmBases: z.object({ urls: z.array(z.string().max(4_000)).max(1_000) }),
  /** Side panel → BG: keep this week's tier snapshot (the pyramid's "moved since"). */
  recordTierSnapshot: z.object({ asOf: IsoDateSchema }),
  /** Options page → BG: undo an interrupted import. */
  rollbackImport: z.object({ importId: z.string().min(1).max(200) }),
  /** Options page → BG: delete every customer, interaction, score, goal and import (settings stay). */
  deleteAllData: z.object({}),
  /** Options page → BG: every CRM's connection state (never its tokens). */
  getSyncStatus: z.object({}),
  /** Options page → BG: verify credentials and store the connection (host permissions were granted first). */
  connectCrm: z.object({ crm: CrmIdSchema, input: z.record(z.string().max(100), z.string().max(4_000)) }),
  /** Options page → BG: run a sync pass now (the first one reads everything). */
  syncCrm: z.object({ crm: CrmIdSchema }),
  /** Options page → BG: stop the running pass (what was read stays; the next pass resumes). */
  cancelSync: z.object({ crm: CrmIdSchema }),
  /** Options page → BG: forget the connection and its tokens. */
  disconnectCrm: z.object({ crm: CrmIdSchema }),
  /** Options page → BG: write-back of quick-logs and of scores on or off. */
  setSyncOptions: z.object({ crm: CrmIdSchema, writeBack: z.boolean().optional(), writeScores: z.boolean().optional() }),
} as const;

export type MessageSchemaMap = typeof MessageSchemas;
export type MessagePayload<K extends keyof MessageSchemaMap> = z.input<MessageSchemaMap[K]>;
export type RecordLookupInput = z.input<typeof RecordLookupSchema>;

/**
 * The only messages a content script may send (what a CRM record or list page needs); every
 * other message is for extension pages (popup, side panel, options, the card) only. The
 * background further limits what a content script's message may touch to its tab's record
 * (lib/services/overlay.ts).
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<keyof MessageSchemaMap> = new Set([
  'getRecordOverlay',
  'getOverlayStrings',
  'getRowChips',
  'getContentSettings',
  'getLinkCandidates',
  'trackCustomer',
  'updateAction',
]);

/** Messages only extension pages may send: all but the content script's. */
export const EXTENSION_PAGE_ONLY: ReadonlySet<keyof MessageSchemaMap> = new Set(
  (Object.keys(MessageSchemas) as (keyof MessageSchemaMap)[]).filter((k) => !CONTENT_SCRIPT_MESSAGES.has(k)),
);

const ImportCheckpointSchema = z.object({
  importId: z.string().min(1).max(200),
  fileName: z.string().max(1_000),
  fileSize: z.number().min(0),
  lastModified: z.number(),
  kind: z.enum(['customers', 'transactions', 'interactions', 'feedback']),
  mapping: z.record(z.string(), z.string()).optional(),
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  slicesDone: z.number().int().min(0),
  sliceSize: z.number().int().min(1),
  tailDone: z.boolean(),
});

const id = z.number().int().min(0);

/** Requests on the import port (lib/messaging/ports.ts); a chunk's rows are checked against the domain schemas separately. */
export const ImportRequestSchema = z.discriminatedUnion('op', [
  z.object({ id, op: z.literal('begin'), checkpoint: ImportCheckpointSchema, startedAt: z.number() }),
  z.object({ id, op: z.literal('write'), seq: z.number().int().min(0), checkpoint: ImportCheckpointSchema, chunk: z.string() }),
  z.object({ id, op: z.literal('finish'), importId: z.string().min(1).max(200), at: z.number() }),
  z.object({ id, op: z.literal('rollback'), importId: z.string().min(1).max(200), at: z.number() }),
]);

/** Requests on the restore port. */
export const RestoreRequestSchema = z.discriminatedUnion('op', [
  z.object({ id, op: z.literal('part'), index: z.number().int().min(0), text: z.string() }),
  z.object({ id, op: z.literal('plan'), parts: z.number().int().min(1) }),
  z.object({ id, op: z.literal('restore') }),
]);
