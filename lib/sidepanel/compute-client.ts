/**
 * Runs side panel computations off the page's main thread (kpi.worker.ts), or inline where
 * Workers are unavailable (unit tests). `version` names the data the answer must reflect; the
 * Worker reloads the book when it changes.
 */
import type { ReadDb } from '../db/read-db';
import { compute, type ComputeRequest, type ComputeResults } from './compute';
import { loadBook, type Book } from './queries';

export interface WorkerRequest {
  id: number;
  version: string;
  scoring: Book['scoring'];
  req: ComputeRequest;
}

export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export interface Computer {
  run<R extends ComputeRequest>(req: R, version: string, scoring: Book['scoring']): Promise<ComputeResults[R['kind']]>;
}

export function workerComputer(): Computer {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const get = (): Worker => {
    if (worker) return worker;
    worker = new Worker(new URL('./kpi.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data.result);
      else p.reject(new Error(e.data.error));
    };
    return worker;
  };
  return {
    run(req, version, scoring) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        get().postMessage({ id, version, scoring, req } satisfies WorkerRequest);
      });
    },
  };
}

/** Same answers on the calling thread (tests; small books). */
export function inlineComputer(db: ReadDb): Computer {
  let cache: { key: string; book: Promise<Book> } | null = null;
  return {
    async run(req, version, scoring) {
      const key = `${version}|${JSON.stringify(scoring)}`;
      if (!cache || cache.key !== key) cache = { key, book: loadBook(db, scoring) };
      return compute(await cache.book, req);
    },
  };
}
