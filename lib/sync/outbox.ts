/**
 * The write-back outbox: a quick-log is stored locally at once and queued here; the outbox
 * writes it as the CRM's own activity, exactly once.
 *
 * - Backoff: 5 s, 10 s, 20 s… (at most 30 min) after a failure; a CRM's rate limit waits its
 *   Retry-After instead. After MAX_ATTEMPTS failures the log is marked failed with the reason.
 * - Never twice: the CRM id returned is stored; after an uncertain failure (5xx, timeout, lost
 *   answer) the next attempt first asks `findActivity` for the activity tagged with our key, and
 *   a sync that reads the tagged activity back marks the row written (engine-apply.ts).
 * - An expired session or token marks the connection as needing sign-in (engine-session.ts):
 *   the log stays queued and is written once the rep signs in again.
 * - A refusal (`rejected`, `forbidden`, `not-found`) fails at once: retrying cannot help.
 */
import { syncRepo } from '../db/repos/sync';
import type { Customer, Interaction } from '../schemas/domain';
import type { WritebackState } from '../messaging/protocol';
import { contextFor, NeedsSignIn, withConnection, type SessionDeps } from './engine-session';
import type { OutboxRow } from './state';
import { ConnectorError, type ActivityDraft } from './types';

export const MAX_ATTEMPTS = 8;
const BASE_MS = 5_000;
const CAP_MS = 30 * 60_000;

export const backoffMs = (attempts: number): number => Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));

export interface OutboxDeps extends SessionDeps {
  /** Ask to be woken at `when` (epoch ms) to write what is due then. */
  schedule: (when: number) => void;
  /** Tell pages that a CRM's outbox changed. */
  changed: (crm: OutboxRow['crm']) => void;
}

export function draftOf(interaction: Interaction, target: ActivityDraft['target']): ActivityDraft {
  return {
    key: interaction.id,
    target,
    date: interaction.date,
    channel: interaction.channel,
    summary: interaction.summary,
    ...(interaction.direction ? { direction: interaction.direction } : {}),
    ...(interaction.sentiment ? { sentiment: interaction.sentiment } : {}),
    ...(interaction.contact ? { contact: interaction.contact } : {}),
    ...(interaction.nextStep ? { nextStep: interaction.nextStep } : {}),
    ...(interaction.nextStepDue ? { nextStepDue: interaction.nextStepDue } : {}),
  };
}

export function createOutbox(deps: OutboxDeps) {
  let draining: Promise<void> | undefined;

  async function attempt(row: OutboxRow): Promise<void> {
    const repo = syncRepo(deps.db());
    const ctx = contextFor(deps);
    const now = deps.now();
    try {
      const crmId = await withConnection(deps, row.crm, ctx, async (conn, connector) => {
        if (row.uncertain) {
          const found = await connector.findActivity(conn, row.draft.key, row.draft.target, ctx);
          if (found) return found;
        }
        return (await connector.writeActivity(conn, row.draft, ctx)).id;
      });
      await repo.updateOutbox(row.interactionId, { state: 'written', crmId, uncertain: false, attempts: row.attempts + 1, reason: undefined });
    } catch (e) {
      if (e instanceof NeedsSignIn) {
        deps.changed(row.crm); // stays queued, written after the rep signs in again; pages show the sign-in
        return;
      }
      const code = e instanceof ConnectorError ? e.code : 'unavailable';
      const attempts = row.attempts + 1;
      if (code === 'rejected' || code === 'forbidden' || code === 'not-found' || code === 'auth') {
        await repo.updateOutbox(row.interactionId, { state: 'failed', attempts, reason: `writeback.${code}` });
      } else if (attempts >= MAX_ATTEMPTS) {
        await repo.updateOutbox(row.interactionId, {
          state: 'failed',
          attempts,
          reason: `writeback.${code}`,
          uncertain: row.uncertain || code === 'unavailable',
        });
      } else {
        const wait = code === 'rate-limited' && e instanceof ConnectorError && e.retryAfterMs !== undefined ? e.retryAfterMs : backoffMs(attempts);
        // A refused request (rate limit) wrote nothing; anything else may have.
        await repo.updateOutbox(row.interactionId, {
          attempts,
          nextAt: now + wait,
          uncertain: row.uncertain || code !== 'rate-limited',
          reason: `writeback.${code}`,
        });
      }
    }
    deps.changed(row.crm);
  }

  async function drainOnce(): Promise<void> {
    const repo = syncRepo(deps.db());
    const blocked = new Set((await repo.connections()).filter((c) => c.health !== 'connected' || !c.writeBack).map((c) => c.crm));
    for (const row of await repo.due(deps.now())) if (!blocked.has(row.crm)) await attempt(row);
    const next = await repo.nextDue();
    if (next !== undefined && next > deps.now()) deps.schedule(next);
  }

  return {
    /**
     * Queue a quick-log for the first connected CRM (with write-back on) where its customer has a
     * record; `off` when there is none. A log queued already keeps its row and answers its state.
     */
    async enqueue(interaction: Interaction, customer: Customer): Promise<WritebackState> {
      const repo = syncRepo(deps.db());
      const queued = await repo.outboxRow(interaction.id);
      if (queued) return queued.state;
      const connections = (await repo.connections()).filter((c) => c.writeBack);
      for (const conn of connections) {
        const ref = customer.crmRefs.find((r) => r.crm === conn.crm);
        if (!ref) continue;
        await repo.putOutbox({
          interactionId: interaction.id,
          crm: conn.crm,
          draft: draftOf(interaction, { objectType: ref.objectType, id: ref.id }),
          state: 'queued',
          attempts: 0,
          nextAt: deps.now(),
          uncertain: false,
        });
        deps.changed(conn.crm);
        return 'queued';
      }
      return 'off';
    },

    /** Write everything due now (one drain at a time; a call during one waits for it, then runs). */
    drain(): Promise<void> {
      const run = (draining ?? Promise.resolve()).then(drainOnce, drainOnce);
      draining = run.catch(() => undefined);
      return run;
    },

    /** Forget a queued log (its interaction was undone before it was written). */
    async drop(interactionId: string): Promise<void> {
      const row = await syncRepo(deps.db()).outboxRow(interactionId);
      if (row && row.state !== 'written') {
        await syncRepo(deps.db()).deleteOutbox(interactionId);
        deps.changed(row.crm);
      }
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
