/**
 * The one interface every CRM connector fulfils (`lib/crm/<crm>/connector.ts`): authenticate,
 * read changes since a cursor, write a logged activity, look an activity up by our key, and map
 * CRM records onto the canonical model. Connectors are plain code with `fetch` injected: no
 * storage, no Dexie, no `browser` — the background's sync engine owns state, permissions and
 * scheduling, and tests drive connectors against mock APIs (tests/mocks/<crm>.ts).
 */
import type { Contact, Customer, Feedback, Interaction, Transaction } from '../schemas/domain';
import type { ActionKind, Channel, CrmId, Direction, ObjectType, RiskBand, Sentiment, Tier } from '../schemas/values';

/** What a connector may do on the network; the engine passes the real fetch, tests a mock. */
export interface ConnectorContext {
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** Epoch ms (injected so retries, tokens and cursors are testable with a fixed clock). */
  now(): number;
  signal?: AbortSignal;
}

/**
 * What the user gave when connecting (a pasted token, the org URL of the open CRM tab…), by
 * field name. Each connector documents its fields in `fields` (the options page renders them).
 */
export type ConnectInput = Record<string, string>;

export interface ConnectField {
  /** Key in ConnectInput. */
  name: string;
  /** i18n key of the label, worded as the CRM's own settings name it (e.g. "API token"). */
  labelKey: string;
  secret: boolean;
  /** Example / format hint (not translated: a URL or id shape). */
  placeholder?: string;
  optional?: boolean;
}

/** A verified connection: stored by the engine (tokens only in the background's storage). */
export interface Connection {
  crm: CrmId;
  /** The tenant's API base, e.g. `https://acme.my.salesforce.com`, `https://api.hubapi.com`. */
  apiBase: string;
  /** Identifies the tenant (org id, portal id, company domain): record refs are only valid within it. */
  tenant: string;
  /** Who the API says we are. */
  user: { id: string; name: string; email?: string };
  /** Secrets and tokens (access/refresh token, API token, session id…), connector-specific. */
  auth: Record<string, string>;
  /** Origins the engine must hold host permission for, e.g. `https://acme.my.salesforce.com/*`. */
  origins: string[];
}

/** Opaque per-connector progress marker (JSON-serialisable), stored between syncs. */
export type SyncCursor = Record<string, string | number | null>;

/** Ids here are the CRM's record ids; the engine maps them onto canonical customer ids. */
export interface RecordKey {
  objectType: ObjectType | 'activity' | 'transaction' | 'feedback';
  id: string;
}

/**
 * One page of changes. Canonical rows carry CRM ids in their `id` fields (`${crm}:${type}:${id}`
 * built by `syncRowId`) and `customerId` = the CRM account/organisation/company record id;
 * the engine rewrites `customerId` to the local customer that holds that CRM ref.
 */
export interface ChangeBatch {
  customers: Customer[];
  contacts: Contact[];
  transactions: Transaction[];
  interactions: Interaction[];
  feedback: Feedback[];
  /** Records deleted in the CRM since the cursor (when the API reports deletions). */
  deleted: RecordKey[];
  /** Records merged in the CRM: `from` no longer exists, its history now belongs to `into`. */
  merged: { objectType: ObjectType; from: string; into: string }[];
  /** Cursor to resume after this batch. */
  cursor: SyncCursor;
  /**
   * Records read so far in this pass, and the total when the API tells it; `skipped` counts the
   * records of the pass so far that did not map onto a valid row.
   */
  progress: { read: number; total?: number; skipped?: number };
  /**
   * Records read but left out because they did not map onto a valid canonical row (a missing
   * date, an amount that is not a number…): counted and named so the engine can report them,
   * never a reason to stop the sync. Absent when none were skipped.
   */
  skipped?: SkippedRecord[];
  /**
   * Activities read that carry our key tag (`[Rapport <key>]`, lib/sync/activity-key.ts): `key` is
   * the local interaction the outbox wrote them from, `id` their CRM id. Their rows come with the
   * usual `syncRowId` and the tag removed from the summary; the engine files them under the local
   * interaction, so a quick-log is never stored twice. Absent when none were read.
   */
  tagged?: { key: string; id: string }[];
}

/** A CRM record that could not be mapped: which one and why (field and rule, never its values). */
export interface SkippedRecord {
  record: RecordKey;
  reason: string;
}

/** A quick-log to write back as the CRM's own activity. */
export interface ActivityDraft {
  /** Our interaction id: the idempotency key, written into the activity so a retry can find it. */
  key: string;
  /** The CRM record the activity belongs to (account / company / organisation…). */
  target: { objectType: ObjectType; id: string };
  date: string;
  channel: Channel;
  direction?: Direction;
  summary: string;
  sentiment?: Sentiment;
  contact?: string;
  nextStep?: string;
  nextStepDue?: string;
}

export type ConnectorErrorCode =
  /** Session expired / token revoked: ask the user to sign in again, keep the outbox. */
  | 'auth'
  /** 429 or the CRM's own limit: wait `retryAfterMs` (from Retry-After or the CRM's headers). */
  | 'rate-limited'
  /** 5xx, timeouts, network failures: retry with backoff. For a write the outcome is uncertain. */
  | 'unavailable'
  /** The CRM refused the request as invalid (4xx other than auth/limits): do not retry. */
  | 'rejected'
  /** The user lacks permission for this object/field. */
  | 'forbidden'
  | 'not-found';

export class ConnectorError extends Error {
  override name = 'ConnectorError';
  constructor(
    readonly code: ConnectorErrorCode,
    /** Short, customer-data-free detail (status, CRM error code) for logs and the outbox's reason. */
    readonly detail: string,
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(`${code}: ${detail}`);
  }
}

export interface CrmConnector {
  crm: CrmId;
  /** Credential fields the options page asks for (may be empty when the signed-in session is used). */
  fields: readonly ConnectField[];
  /** Origins to request as optional host permissions before anything is called. */
  originsFor(input: ConnectInput): string[];
  /** Verify the credentials and learn tenant and user. Throws ConnectorError('auth') when refused. */
  connect(input: ConnectInput, ctx: ConnectorContext): Promise<Connection>;
  /**
   * Read everything changed since `cursor` (null = first full read), page by page as the API
   * pages. Deleted/merged records are reported where the API exposes them.
   */
  readChanges(conn: Connection, cursor: SyncCursor | null, ctx: ConnectorContext): AsyncGenerator<ChangeBatch, void, void>;
  /** The CRM id of the activity written earlier with this key, or null (used before retrying an uncertain write). */
  findActivity(conn: Connection, key: string, target: ActivityDraft['target'], ctx: ConnectorContext): Promise<string | null>;
  /** Write the activity once; returns its CRM id. */
  writeActivity(conn: Connection, draft: ActivityDraft, ctx: ConnectorContext): Promise<{ id: string }>;
  /**
   * Opt-in (settings): write tier, risk and next action into the account's custom fields so managers
   * can report on them in the CRM. Absent when the CRM offers no safe place for them.
   */
  writeScores?(conn: Connection, rows: readonly ScoreWrite[], ctx: ConnectorContext): Promise<{ written: number }>;
  /** Optionally refresh an expired access token (OAuth connectors); returns the updated connection. */
  refresh?(conn: Connection, ctx: ConnectorContext): Promise<Connection>;
}

export interface ScoreWrite {
  target: { objectType: ObjectType; id: string };
  tier: Tier;
  riskBand: RiskBand;
  /** Probability 0–1 of no purchase within the horizon. */
  churnRisk: number;
  /** Action kind id of the next best action (e.g. `revisit`), and its due date. */
  nextAction?: { kind: ActionKind; due: string };
}

/** The id of a synced row: stable across syncs, distinct from CSV-imported ids. */
export const syncRowId = (crm: CrmId, type: string, id: string): string => `${crm}:${type}:${id}`;
