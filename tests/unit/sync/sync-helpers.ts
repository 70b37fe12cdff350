/** Shared by the connector tests: run a whole readChanges pass and merge its batches. */
import type { ChangeBatch, Connection, ConnectorContext, CrmConnector, SyncCursor } from '../../../lib/sync/types';

export interface Pass {
  batches: ChangeBatch[];
  all: Omit<ChangeBatch, 'cursor' | 'progress'>;
  cursor: SyncCursor;
  progress: ChangeBatch['progress'];
}

export async function readAll(connector: CrmConnector, conn: Connection, cursor: SyncCursor | null, ctx: ConnectorContext): Promise<Pass> {
  const batches: ChangeBatch[] = [];
  for await (const b of connector.readChanges(conn, cursor, ctx)) batches.push(b);
  const last = batches.at(-1)!;
  const all = { customers: [], contacts: [], transactions: [], interactions: [], feedback: [], deleted: [], merged: [] } as Pass['all'];
  for (const b of batches) for (const k of Object.keys(all) as (keyof Pass['all'])[]) (all[k] as unknown[]).push(...b[k]);
  return { batches, all, cursor: last.cursor, progress: last.progress };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(p: Promise<unknown>): Promise<Error & { code?: string; retryAfterMs?: number; status?: number; detail?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

export const countBy = <T>(rows: readonly T[], key: (r: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
};
