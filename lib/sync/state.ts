/**
 * What the sync engine keeps in the database (migration 005): one connection per CRM with its
 * tokens (never sent to a page), where each CRM's sync resumes, and the write-back outbox.
 */
import type { CrmId } from '../schemas/values';
import type { ActivityDraft, Connection, ConnectField, ConnectInput, SyncCursor } from './types';

/** `connected`; `needs-signin` after the CRM refused the session/token (the outbox is kept). */
export type ConnectionHealth = 'connected' | 'needs-signin';

export interface ConnectionRow {
  crm: CrmId;
  connection: Connection;
  health: ConnectionHealth;
  connectedAt: number;
  /** When the last pass finished (epoch ms). */
  lastSyncAt?: number;
  /** The last pass's failure as an error code (translated in pages), cleared by the next good pass. */
  lastError?: string;
  /** Write quick-logs back as CRM activities (on by default when connecting). */
  writeBack: boolean;
  /** Opt-in: write tier, risk and next action to the CRM after a full rescore (where the connector can). */
  writeScores: boolean;
  /** What the rep typed in the non-secret fields (environment URL, data centre, app id…): offered again at sign-in. */
  entered?: Record<string, string>;
}

/** The non-secret, non-empty fields of a connect input (never a token, key or secret). */
export function enteredFields(fields: readonly ConnectField[], input: ConnectInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) if (!f.secret && typeof input[f.name] === 'string' && input[f.name]!.trim()) out[f.name] = input[f.name]!.trim();
  return out;
}

/** Where a CRM's sync resumes: `cursor` null = the first full read has not finished yet. */
export interface CursorRow {
  crm: CrmId;
  cursor: SyncCursor | null;
  /** The pass under way reads everything (first sync): a cancelled one starts over. */
  full: boolean;
  read: number;
  skipped: number;
  total?: number;
}

export type OutboxState = 'queued' | 'written' | 'failed';

/** One quick-log to write back: keyed by the local interaction id, which is also the CRM-side idempotency key. */
export interface OutboxRow {
  interactionId: string;
  crm: CrmId;
  draft: ActivityDraft;
  state: OutboxState;
  attempts: number;
  /** Not before (epoch ms): backoff or the CRM's Retry-After. */
  nextAt: number;
  /** The last attempt may have written (timeout, 5xx, lost answer): look it up before writing again. */
  uncertain: boolean;
  /** The CRM activity id once written (or found). */
  crmId?: string;
  /** Why it failed, as an error code (`writeback.rejected`…), translated in pages. */
  reason?: string;
}

/** What the options page and the popup are told about a CRM (no tokens). */
export interface ConnectionStatus {
  crm: CrmId;
  state: 'disconnected' | 'connected' | 'syncing' | 'error';
  user?: { name: string; email?: string };
  tenant?: string;
  lastSyncAt?: string;
  error?: string;
  outbox: number;
  writeBack: boolean;
  writeScores: boolean;
  canWriteScores: boolean;
  progress?: { read: number; total?: number; skipped: number; full: boolean };
  /** When the CRM asks for sign-in again: the non-secret fields as last entered, to fill the form with. */
  prefill?: Record<string, string>;
}
