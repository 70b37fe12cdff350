/**
 * The side panel's compute Worker: reads the book from IndexedDB (the read-only handle),
 * keeps it while the data version is unchanged, and answers compute requests (compute.ts).
 */
import { openReadDb } from '../db/read-db';
import { compute } from './compute';
import { loadBook, type Book } from './queries';
import type { WorkerRequest, WorkerReply } from './compute-client';

let cache: { version: string; book: Promise<Book> } | null = null;

self.onmessage = async (e: MessageEvent<WorkerRequest>): Promise<void> => {
  const { id, version, scoring, req } = e.data;
  try {
    const key = `${version}|${JSON.stringify(scoring)}`;
    if (!cache || cache.version !== key) cache = { version: key, book: loadBook(openReadDb(), scoring) };
    const result = compute(await cache.book, req);
    (self as unknown as Worker).postMessage({ id, ok: true, result } satisfies WorkerReply);
  } catch (err) {
    cache = null;
    (self as unknown as Worker).postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
  }
};
