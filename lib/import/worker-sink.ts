/**
 * The import Worker's ImportSink: every write is a request to the background (the only
 * writer), posted to the page, which relays it over the `rapport:import` port and hands the
 * reply back. Chunks are serialised here, off the page's main thread.
 */
import type { ImportLog } from '../schemas/domain';
import { CodedError } from '../messaging/errors';
import type { ImportRequest, ImportResults, PortReply, PortRequest } from '../messaging/ports';
import type { ChunkResult } from '../db/repos/import-log';
import type { ImportSink } from './run';

export interface WorkerSink extends ImportSink {
  /** Feed the background's replies in (the Worker's `reply` messages). */
  settle(reply: PortReply): void;
}

export function workerSink(post: (request: PortRequest<ImportRequest>) => void): WorkerSink {
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const ask = <K extends ImportRequest['op']>(request: Extract<ImportRequest, { op: K }>): Promise<ImportResults[K]> => {
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      post({ ...request, id });
    });
  };
  return {
    begin: async (checkpoint, startedAt) => void (await ask({ op: 'begin', checkpoint, startedAt })),
    write: (chunk, seq, checkpoint): Promise<ChunkResult> => ask({ op: 'write', seq, checkpoint, chunk: JSON.stringify(chunk) }),
    finish: (importId, at): Promise<ImportLog> => ask({ op: 'finish', importId, at }),
    rollback: (importId, at): Promise<ImportLog> => ask({ op: 'rollback', importId, at }),
    settle(reply) {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(CodedError.of(reply.error));
    },
  };
}
