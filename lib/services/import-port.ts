/**
 * The background's side of an import (the options page parses; the background writes): the
 * `rapport:import` port. Each request is checked — the sender is one of Rapport's pages, the
 * request and the chunk's rows match their schemas — then written through lib/import/store.ts
 * in order, one transaction per chunk, and answered with what it counted. When an import
 * finishes (or is cancelled) the stored copy of its file is dropped, open pages and CRM tabs
 * refresh, and the full rescore is queued (after a cancel as well: scores and actions must not
 * describe rolled-back rows).
 */
import type { AppDB } from '../db/app-db';
import { ImportRequestSchema } from '../schemas/messages';
import { CustomerSchema, FeedbackSchema, InteractionSchema, TransactionSchema } from '../schemas/domain';
import { z } from '../schemas/zod';
import { CodedError, toAppError } from '../messaging/errors';
import { issueToError } from '../messaging/zod-errors';
import type { ImportNotice, ImportResults, PortReply } from '../messaging/ports';
import type { ImportKind } from '../import/columns';
import type { ParsedChunk } from '../import/parser';
import { dbSink } from '../import/store';
import type { RescoreQueue } from './rescore-all';

/** What the service needs of a `runtime.Port`. */
export interface PortLike {
  name: string;
  sender?: { id?: string; url?: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

const RowErrorSchema = z.object({
  file: z.string().max(1_000),
  line: z.number().int().min(0),
  column: z.string().max(1_000).optional(),
  reason: z.string().max(10_000),
  code: z.string().max(40).optional(),
  params: z.record(z.string(), z.union([z.string().max(10_000), z.number()])).optional(),
});

const RECORD_SCHEMAS: Record<ImportKind, z.ZodType> = {
  customers: CustomerSchema,
  transactions: TransactionSchema,
  interactions: InteractionSchema,
  feedback: FeedbackSchema,
};

const chunkSchemas = Object.fromEntries(
  Object.entries(RECORD_SCHEMAS).map(([kind, record]) => [
    kind,
    z.object({ records: z.array(record), rejected: z.array(RowErrorSchema), duplicates: z.number().int().min(0), rowsSeen: z.number().int().min(0) }),
  ]),
) as unknown as Record<ImportKind, z.ZodType<ParsedChunk>>;

/** A chunk's JSON → its rows, each checked against the domain schema of the import's kind. */
export function parseChunk(kind: ImportKind, json: string): ParsedChunk {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new CodedError('message.malformed');
  }
  const parsed = chunkSchemas[kind].safeParse(raw);
  if (!parsed.success) throw CodedError.of(issueToError(parsed.error.issues[0]!, raw));
  return parsed.data;
}

export interface ImportPortDeps {
  db: () => AppDB;
  extensionId: string;
  extensionOrigin: string;
  rescore: RescoreQueue;
  broadcast: (customerIds?: string[]) => Promise<void>;
  /** Drop the stored copy of an import's file (kept for resuming). */
  dropFile: (importId: string) => Promise<void>;
  asOf: () => string;
}

/** Changed customers named in the broadcast up to this many; beyond, "anything may have changed". */
const NAMED_CHANGES = 1_000;

export function serveImportPort(port: PortLike, deps: ImportPortDeps): void {
  const s = port.sender;
  if (s?.id !== deps.extensionId || !(s.url ?? '').startsWith(deps.extensionOrigin)) {
    port.disconnect();
    return;
  }
  const db = deps.db();
  const sink = dbSink(db);
  const changed = new Set<string>();
  let connected = true;
  port.onDisconnect.addListener(() => {
    connected = false;
  });
  const post = (m: PortReply | ImportNotice): void => {
    if (connected) port.postMessage(m);
  };

  const handle = async (message: unknown): Promise<void> => {
    const id = typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : -1;
    try {
      const req = ImportRequestSchema.safeParse(message);
      if (!req.success) throw CodedError.of(issueToError(req.error.issues[0]!, message));
      const r = req.data;
      let result: ImportResults[typeof r.op];
      switch (r.op) {
        case 'begin':
          await sink.begin(r.checkpoint, r.startedAt);
          result = { started: true };
          break;
        case 'write': {
          const written = await sink.write(parseChunk(r.checkpoint.kind, r.chunk), r.seq, r.checkpoint);
          for (const c of written.changedCustomerIds) if (changed.size <= NAMED_CHANGES) changed.add(c);
          result = written;
          break;
        }
        case 'finish':
          result = await sink.finish(r.importId, r.at);
          await deps.dropFile(r.importId).catch(() => undefined);
          break;
        case 'rollback':
          result = await sink.rollback(r.importId, r.at);
          await deps.dropFile(r.importId).catch(() => undefined);
          break;
      }
      post({ id, ok: true, result });
      if (r.op === 'finish' || r.op === 'rollback') {
        // Overlays and pages refresh now; the rescore broadcasts again when scores are in. After a
        // rollback (a cancel) the rescore too: no score or action may describe rows that are gone.
        await deps.broadcast(r.op === 'finish' && changed.size <= NAMED_CHANGES ? [...changed] : undefined).catch(() => undefined);
        await deps.rescore(deps.asOf()).then(
          (x) => post({ notice: 'rescored', customers: x.customers }),
          (e: unknown) => post({ notice: 'rescore-failed', error: toAppError(e) }),
        );
      }
    } catch (e) {
      const error = toAppError(e);
      if (error.code === 'internal') console.error('[Rapport] import request failed:', e);
      post({ id, ok: false, error });
    }
  };

  // One request at a time, in the order sent: chunks are written in sequence.
  let queue: Promise<void> = Promise.resolve();
  port.onMessage.addListener((message) => {
    queue = queue.then(() => handle(message));
  });
}
