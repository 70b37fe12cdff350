/**
 * The streamed full rescore, run by rescore.bench.ts in its own process with the heap capped at
 * the target (`--max-old-space-size`): the book is read chunk by chunk from the files the bench
 * wrote, three passes, as the background reads IndexedDB. Prints one JSON line of figures; running
 * out of heap crashes the process, which the bench reports as a missed target.
 *
 *   node --max-old-space-size=300 --import tsx tests/bench/support/rescore-streamed.ts DIR FILES
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SCORING } from '../../../lib/schemas/settings';
import { scoreBookChunked } from '../../../lib/scoring/book';
import type { CustomerHistory } from '../../../lib/scoring/types';
import { AS_OF } from './big-book';

const [dir, filesArg] = process.argv.slice(2);
const files = Number(filesArg);
const mb = (bytes: number): number => bytes / 1024 / 1024;
let peak = 0;
const sample = (): void => {
  peak = Math.max(peak, mb(process.memoryUsage().heapUsed));
};
let readMs = 0;
function* chunks(): Iterable<CustomerHistory[]> {
  for (let f = 0; f < files; f++) {
    sample();
    const t = performance.now();
    const chunk = JSON.parse(fs.readFileSync(path.join(dir!, `${f}.json`), 'utf8')) as CustomerHistory[];
    readMs += performance.now() - t;
    yield chunk;
  }
}
const t0 = performance.now();
let scored = 0;
await scoreBookChunked(DEFAULT_SCORING, AS_OF, chunks, {}, (s) => {
  scored += s.length;
  sample();
});
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, readMs, peakMb: peak, scored }));
