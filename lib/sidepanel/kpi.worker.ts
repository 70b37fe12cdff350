/**
 * The side panel's compute Worker: reads the book from IndexedDB (the read-only handle), keeps it
 * while the data version is unchanged, and answers compute requests (compute.ts) in the order
 * compute-queue.ts chooses.
 */
import { openReadDb } from '../db/read-db';
import { compute } from './compute';
import { computeQueue } from './compute-queue';
import { loadBook, type Book } from './queries';
import type { WorkerRequest } from './compute-client';

let cache: { version: string; book: Promise<Book> } | null = null;

const queue = computeQueue(
  async ({ version, scoring, req }: WorkerRequest) => {
    const key = `${version}|${JSON.stringify(scoring)}`;
    if (!cache || cache.version !== key) cache = { version: key, book: loadBook(openReadDb(), scoring) };
    try {
      return compute(await cache.book, req);
    } catch (err) {
      cache = null;
      throw err;
    }
  },
  (reply) => (self as unknown as Worker).postMessage(reply),
);

self.onmessage = (e: MessageEvent<WorkerRequest>): void => queue.push(e.data);
