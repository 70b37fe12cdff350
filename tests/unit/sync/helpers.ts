/** Shared by the connector and engine tests: run a readChanges pass, merge its batches, count what a pass must return. */
import type { SampleBook } from '../../../lib/sample/generate';
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
  const all = { customers: [], contacts: [], transactions: [], interactions: [], feedback: [], deleted: [], merged: [], skipped: [], tagged: [] } as Required<
    Pass['all']
  >;
  for (const b of batches) for (const k of Object.keys(all) as (keyof Pass['all'])[]) (all[k] as unknown[]).push(...(b[k] ?? []));
  return { batches, all, cursor: last.cursor, progress: last.progress };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function failureOf(p: Promise<unknown>): Promise<Error & { code?: string; retryAfterMs?: number; status?: number; detail?: string }> {
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

/** What a whole-book read must return, derived from the seeded book (so a changed sample generator cannot break the counts). */
export function expectedCounts(book: SampleBook) {
  const complaints = book.feedback.filter((f) => f.kind === 'complaint').length;
  const channels = countBy(book.interactions, (i) => i.channel);
  const n = (...cs: string[]): number => cs.reduce((s, c) => s + (channels[c] ?? 0), 0);
  return {
    customers: book.customers.length,
    contacts: book.contacts.length,
    transactions: book.transactions.length,
    interactions: book.interactions.length,
    complaints,
    channels,
    /** Channels as a CRM that stores calls, meetings (visits too) and everything else as tasks reads them back. */
    callMeetingOther: Object.fromEntries(
      Object.entries({ call: n('call'), meeting: n('meeting', 'visit'), other: n('email', 'chat', 'other') }).filter(([, v]) => v > 0),
    ),
    /** Calls to a paged API of `size` rows a page (at least one, for an empty table). */
    pages: (rows: number, size: number): number => Math.max(1, Math.ceil(rows / size)),
  };
}

/** Every batch of a read, in order. */
export async function drain(gen: AsyncGenerator<ChangeBatch, void, void>): Promise<ChangeBatch[]> {
  const out: ChangeBatch[] = [];
  for await (const b of gen) out.push(b);
  return out;
}

/** The batches' rows flattened by kind. */
export function rowsOf(batches: readonly ChangeBatch[]) {
  return {
    customers: batches.flatMap((b) => b.customers),
    contacts: batches.flatMap((b) => b.contacts),
    transactions: batches.flatMap((b) => b.transactions),
    interactions: batches.flatMap((b) => b.interactions),
    feedback: batches.flatMap((b) => b.feedback),
    deleted: batches.flatMap((b) => b.deleted),
    merged: batches.flatMap((b) => b.merged),
    skipped: batches.flatMap((b) => b.skipped ?? []),
  };
}

/** A context on a mock's clock. */
export const contextOn = (fetch: ConnectorContext['fetch'], mock: { now: number }): ConnectorContext => ({ fetch, now: () => mock.now });
