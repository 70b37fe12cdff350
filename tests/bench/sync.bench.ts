/**
 * CRM sync: the first full read of 10,000 accounts / 100,000 won deals / 300,000 activities from
 * the Pipedrive API mock, paged as the real API pages (500 a page, cursors; notes by `start`),
 * written through the engine into IndexedDB (fake-indexeddb in node) and rescored; then an
 * incremental pass picking up 100 changes. Figures: time, requests, peak heap. A missed
 * target is reported, not a failure. `RAPPORT_SYNC_BENCH_SCALE=0.05` runs a smaller book.
 *
 *   node --expose-gc --import tsx tests/bench/sync.bench.ts
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { AppDB } from '../../lib/db/app-db';
import { rescoreAll, rescoreCustomer } from '../../lib/services/rescore';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings';
import type { Customer, Interaction, Transaction } from '../../lib/schemas/domain';
import { CONNECTORS } from '../../lib/sync/connectors';
import { createSyncEngine } from '../../lib/sync/engine';
import { mockFetch } from '../mocks/harness';
import { PipedriveMock } from '../mocks/pipedrive';

const SCALE = Number(process.env.RAPPORT_SYNC_BENCH_SCALE ?? 1);
const ACCOUNTS = Math.round(10_000 * SCALE);
const DEALS = Math.round(100_000 * SCALE);
const ACTIVITIES = Math.round(300_000 * SCALE);
const CHANGES = 100;
const INCREMENTAL_TARGET_MS = 2_000;
const AS_OF = '2026-11-20';

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
const day = (i: number): string => new Date(Date.UTC(2024, 0, 1) + (i % 1000) * 86_400_000).toISOString().slice(0, 10);

function book() {
  const customers: Customer[] = Array.from({ length: ACCOUNTS }, (_, i) => ({
    id: `C${i}`,
    name: `Account ${i}`,
    emails: [],
    createdAt: '2023-01-01',
    crmRefs: [],
  }));
  const transactions: Transaction[] = Array.from({ length: DEALS }, (_, i) => ({
    id: `T${i}`,
    customerId: `C${i % ACCOUNTS}`,
    date: day(i * 7),
    amount: 100 + (i % 50) * 10,
    currency: 'EUR',
  }));
  const interactions: Interaction[] = Array.from({ length: ACTIVITIES }, (_, i) => ({
    id: `I${i}`,
    customerId: `C${(i * 13) % ACCOUNTS}`,
    date: day(i * 3),
    channel: i % 2 ? 'call' : 'meeting',
    summary: `Activity ${i}`,
  }));
  return { customers, transactions, interactions };
}

const start = Date.parse('2026-11-20T09:00:00Z');
const mock = new PipedriveMock({ now: start - 86_400_000, requestMs: 50, burstLimit: 1_000_000, dailyBudget: Number.MAX_SAFE_INTEGER });
const orgs = mock.store.seed(book());
mock.store.now = start;
const db = new AppDB('sync-bench');
await db.open();

let peak = 0;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().heapUsed);
};
const engine = createSyncEngine({
  db: () => db,
  connectors: CONNECTORS,
  fetch: mockFetch([{ match: (u) => u.hostname.endsWith('.pipedrive.com'), handler: mock.handle }]),
  now: () => mock.now,
  rescore: async (ids) => {
    if (ids) for (const id of ids) await rescoreCustomer(db, id, DEFAULT_SETTINGS, AS_OF);
    else await rescoreAll(db, DEFAULT_SETTINGS, AS_OF);
    sample();
  },
  broadcast: async () => undefined,
  progress: sample,
});

await engine.connect('pipedrive', { apiToken: mock.newToken() });
(global as { gc?: () => void }).gc?.();
const base = process.memoryUsage().heapUsed;
mock.requests.length = 0;
let t0 = performance.now();
const first = await engine.sync('pipedrive');
const firstMs = performance.now() - t0;
const firstRequests = mock.requests.length;
console.log(
  `first sync (${ACCOUNTS} accounts, ${DEALS} deals, ${ACTIVITIES} activities): ${(firstMs / 1000).toFixed(1)} s, ${firstRequests} requests, ${first.read} records read, ${first.outcome}; peak heap ${mb(peak)} MB (${mb(peak - base)} MB above the start)`,
);

mock.advance(3_600_000);
const ids = [...orgs.values()];
for (let i = 0; i < CHANGES; i++) mock.edit('organizations', ids[(i * 97) % ids.length]!, { name: `Renamed ${i}` });
mock.requests.length = 0;
t0 = performance.now();
const next = await engine.sync('pipedrive');
const incMs = performance.now() - t0;
const ok = incMs < INCREMENTAL_TARGET_MS ? 'met' : 'MISSED';
console.log(
  `incremental sync of ${CHANGES} changes: ${incMs.toFixed(0)} ms (target < ${INCREMENTAL_TARGET_MS} ms: ${ok}), ${mock.requests.length} requests, ${next.read} records read`,
);

db.close();
await Dexie.delete('sync-bench');
