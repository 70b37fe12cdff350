/**
 * The sync engine (background only): connect and disconnect a CRM, and run passes — the first
 * reads everything, later ones what changed since the stored cursor. Every batch is written
 * through repositories (engine-apply.ts) and the cursor saved after it, so a cancelled or
 * interrupted pass resumes where it stopped; the customers it touched are rescored and pages
 * told. Progress goes to pages as a ConnectionStatus after every batch.
 */
import { syncRepo } from '../db/repos/sync';
import type { CrmId } from '../schemas/values';
import { applyBatch } from './engine-apply';
import { inChunks, scoreWrites } from './engine-scores';
import { contextFor, NeedsSignIn, withConnection, type SessionDeps } from './engine-session';
import { enteredFields, type ConnectionStatus, type CursorRow } from './state';
import { ConnectorError, type ConnectInput } from './types';

export interface EngineDeps extends SessionDeps {
  /** Rescore these customers (incremental passes) or everyone (`undefined`: first sync, merges, deletions). */
  rescore: (customerIds: string[] | undefined) => Promise<void>;
  broadcast: (customerIds?: string[]) => Promise<void>;
  /** Tell pages how a CRM's sync is going. */
  progress: (status: ConnectionStatus) => void;
  /** The privacy "never log" list (settings): accounts it names are not synced into the book. */
  neverLog?: () => Promise<readonly string[]>;
  /** Waits (the CRM's Retry-After during a pass); tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
}

/** Above this many touched customers an incremental pass rescored everyone at once. */
const RESCORE_ONE_BY_ONE = 200;
/** A pass waits out a CRM's rate limit this long at most, this many times, before giving up until the next run. */
const MAX_WAIT_MS = 60_000;
const MAX_WAITS = 5;

export interface PassResult {
  crm: CrmId;
  outcome: 'done' | 'cancelled' | 'failed';
  read: number;
  skipped: number;
  error?: string;
}

export const errorCodeOf = (e: unknown): string =>
  e instanceof NeedsSignIn ? 'sync.auth' : e instanceof ConnectorError ? `sync.${e.code}` : 'sync.unavailable';

export function createSyncEngine(deps: EngineDeps) {
  const running = new Map<CrmId, { controller: AbortController; done: Promise<PassResult> }>();
  /** While > 0 ("delete all data" under way), no pass starts. */
  let halted = 0;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function status(crm: CrmId): Promise<ConnectionStatus> {
    const repo = syncRepo(deps.db());
    const [row, cursor, outbox] = await Promise.all([repo.connection(crm), repo.cursor(crm), repo.waiting(crm)]);
    const canWriteScores = typeof deps.connectors[crm].writeScores === 'function';
    if (!row) return { crm, state: 'disconnected', outbox, writeBack: false, writeScores: false, canWriteScores };
    const syncing = running.has(crm);
    return {
      crm,
      state: syncing ? 'syncing' : row.health === 'needs-signin' || row.lastError ? 'error' : 'connected',
      user: { name: row.connection.user.name, ...(row.connection.user.email ? { email: row.connection.user.email } : {}) },
      tenant: row.connection.tenant,
      ...(row.lastSyncAt ? { lastSyncAt: new Date(row.lastSyncAt).toISOString() } : {}),
      ...(row.health === 'needs-signin' ? { error: 'sync.auth', prefill: row.entered ?? {} } : row.lastError ? { error: row.lastError } : {}),
      outbox,
      writeBack: row.writeBack,
      writeScores: row.writeScores,
      canWriteScores,
      ...(cursor && (syncing || cursor.full)
        ? { progress: { read: cursor.read, skipped: cursor.skipped, full: cursor.full, ...(cursor.total !== undefined ? { total: cursor.total } : {}) } }
        : {}),
    };
  }

  const tell = async (crm: CrmId): Promise<void> => deps.progress(await status(crm));

  async function runPass(crm: CrmId, signal: AbortSignal): Promise<PassResult> {
    const db = deps.db();
    const repo = syncRepo(db);
    const ctx = contextFor(deps, signal);
    let cursor: CursorRow = (await repo.cursor(crm)) ?? { crm, cursor: null, full: true, read: 0, skipped: 0 };
    if (!cursor.full) cursor = { ...cursor, read: 0, skipped: 0 };
    delete cursor.total;
    const touched = new Set<string>();
    let everyone = cursor.full;
    let waits = 0;
    await tell(crm);
    for (;;) {
      try {
        await withConnection(deps, crm, ctx, async (conn, connector) => {
          for await (const batch of connector.readChanges(conn, cursor.cursor, ctx)) {
            if (signal.aborted) return;
            const applied = await applyBatch(db, crm, batch, (await deps.neverLog?.()) ?? []);
            applied.touched.forEach((id) => touched.add(id));
            if (applied.removed) everyone = true;
            cursor = {
              crm,
              cursor: batch.cursor,
              full: cursor.full,
              read: batch.progress.read,
              skipped: batch.progress.skipped ?? 0,
              ...(batch.progress.total !== undefined ? { total: batch.progress.total } : {}),
            };
            await repo.putCursor(cursor);
            if (!cursor.full && touched.size <= RESCORE_ONE_BY_ONE && applied.touched.size) await deps.rescore([...applied.touched]);
            await deps.broadcast(cursor.full ? undefined : [...applied.touched]);
            await tell(crm);
          }
        });
        break;
      } catch (e) {
        if (signal.aborted) break;
        if (e instanceof ConnectorError && e.code === 'rate-limited' && waits < MAX_WAITS && (e.retryAfterMs ?? 0) <= MAX_WAIT_MS) {
          waits++;
          await sleep(e.retryAfterMs ?? 1_000);
          continue;
        }
        await finish(crm, touched, everyone, false);
        const error = errorCodeOf(e);
        if (!(e instanceof NeedsSignIn)) await repo.updateConnection(crm, { lastError: error });
        return { crm, outcome: 'failed', read: cursor.read, skipped: cursor.skipped, error };
      }
    }
    if (signal.aborted) {
      await finish(crm, touched, everyone, false);
      return { crm, outcome: 'cancelled', read: cursor.read, skipped: cursor.skipped };
    }
    await repo.putCursor({ ...cursor, full: false });
    await repo.updateConnection(crm, { lastSyncAt: deps.now(), lastError: undefined });
    await finish(crm, touched, everyone, true);
    return { crm, outcome: 'done', read: cursor.read, skipped: cursor.skipped };
  }

  async function finish(crm: CrmId, touched: Set<string>, everyone: boolean, done: boolean): Promise<void> {
    if (!everyone && touched.size <= RESCORE_ONE_BY_ONE) return;
    await deps.rescore(undefined);
    await deps.broadcast();
    if (done) await writeScores(crm);
  }

  /** After a full rescore, when the rep opted in: scores to the CRM's accounts (a failure is the pass's error, not a crash). */
  async function writeScores(crm: CrmId): Promise<void> {
    const db = deps.db();
    const row = await syncRepo(db).connection(crm);
    if (!row?.writeScores || !deps.connectors[crm].writeScores) return;
    const ctx = contextFor(deps);
    try {
      for (const chunk of inChunks(await scoreWrites(db, crm)))
        await withConnection(deps, crm, ctx, (conn, connector) => connector.writeScores!(conn, chunk, ctx));
    } catch (e) {
      await syncRepo(db).updateConnection(crm, { lastError: errorCodeOf(e) });
    }
  }

  return {
    status,
    async statuses(): Promise<ConnectionStatus[]> {
      return Promise.all((Object.keys(deps.connectors) as CrmId[]).map(status));
    },

    /** Verify the credentials and store the connection; the first sync is the caller's next step. */
    async connect(crm: CrmId, input: ConnectInput): Promise<ConnectionStatus> {
      const connection = await deps.connectors[crm].connect(input, contextFor(deps));
      const repo = syncRepo(deps.db());
      const previous = await repo.connection(crm);
      const sameTenant = previous?.connection.tenant === connection.tenant;
      await repo.putConnection({
        crm,
        connection,
        health: 'connected',
        connectedAt: deps.now(),
        writeBack: previous?.writeBack ?? true,
        writeScores: previous?.writeScores ?? false,
        ...(sameTenant && previous?.lastSyncAt ? { lastSyncAt: previous.lastSyncAt } : {}),
        entered: enteredFields(deps.connectors[crm].fields, input),
      });
      if (!sameTenant) await repo.putCursor({ crm, cursor: null, full: true, read: 0, skipped: 0 });
      await tell(crm);
      return status(crm);
    },

    async disconnect(crm: CrmId): Promise<ConnectionStatus> {
      const run = running.get(crm);
      run?.controller.abort();
      await run?.done;
      await syncRepo(deps.db()).removeConnection(crm);
      await tell(crm);
      return status(crm);
    },

    /** Run a pass (or join the one running); while halted, none starts. */
    sync(crm: CrmId): Promise<PassResult> {
      if (halted) return Promise.resolve({ crm, outcome: 'cancelled', read: 0, skipped: 0 });
      const current = running.get(crm);
      if (current) return current.done;
      const controller = new AbortController();
      const done = (async () => {
        try {
          return await runPass(crm, controller.signal);
        } finally {
          running.delete(crm);
          await tell(crm);
        }
      })();
      running.set(crm, { controller, done });
      return done;
    },

    /** Stop the running pass after the batch in hand; what was written stays, the next pass resumes. */
    async cancel(crm: CrmId): Promise<ConnectionStatus> {
      const run = running.get(crm);
      run?.controller.abort();
      await run?.done;
      return status(crm);
    },

    /**
     * Run `fn` with no pass running or starting ("delete all data"): the passes under way are
     * stopped and awaited first, so none writes a batch or a cursor after `fn`.
     */
    async halt<T>(fn: () => Promise<T>): Promise<T> {
      halted++;
      try {
        const runs = [...running.values()];
        runs.forEach((r) => r.controller.abort());
        await Promise.allSettled(runs.map((r) => r.done));
        return await fn();
      } finally {
        halted--;
      }
    },

    /** Incremental passes for every connected CRM (the schedule); one after another. */
    async syncAll(): Promise<PassResult[]> {
      const out: PassResult[] = [];
      for (const row of await syncRepo(deps.db()).connections()) if (row.health === 'connected') out.push(await this.sync(row.crm));
      return out;
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
