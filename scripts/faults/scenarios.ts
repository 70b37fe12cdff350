/**
 * The fault runner's scenarios: what a user does (import a file, quick-log, the daily rescore,
 * restore a backup), what the product does after a restart (resume the import, the popup's retry
 * of an unanswered save, the next rescore, the user's retry of the restore), and what must hold:
 * nothing acknowledged to the user lost, nothing stored twice.
 */
import type { AppDB } from '../../lib/db/app-db';
import { dataRepo } from '../../lib/db/repos/data';
import { importLogRepo } from '../../lib/db/repos/import-log';
import { createBackup, parseBackup } from '../../lib/backup/backup';
import { restoreBackup } from '../../lib/backup/restore';
import { dbSink } from '../../lib/import/store';
import { runImport } from '../../lib/import/run';
import { generateSampleBook } from '../../lib/sample/generate';
import { SAMPLE_AS_OF } from '../../lib/sample/stories';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings';
import { applyActionUpdate } from '../../lib/services/actions';
import { createInteractionsHandlers, quickLogId } from '../../lib/services/interactions';
import { rescoreAll, rescoreCustomer } from '../../lib/services/rescore';
import { addDays } from '../../lib/clock';

export interface Outcome {
  lost: number;
  duplicated: number;
}

export interface Scenario<A> {
  name: string;
  /** Kill points tried (spread over the writes of one clean run). */
  points: number;
  fresh(): A;
  prepare(db: AppDB): Promise<void>;
  act(db: AppDB, ack: A): Promise<void>;
  recover(db: AppDB, ack: A): Promise<void>;
  check(db: AppDB, ack: A): Promise<Outcome>;
}

const book = generateSampleBook({ customers: 24 });
const settings = DEFAULT_SETTINGS;

async function loadBook(db: AppDB, b = book): Promise<void> {
  await dataRepo(db).replaceAll({
    customers: b.customers,
    contacts: b.contacts,
    transactions: b.transactions,
    interactions: b.interactions,
    feedback: b.feedback,
    goals: b.goals,
  });
}

/** How many rows are missing from `want` and how many are there more than once, by content. */
function compare(want: readonly string[], have: readonly string[]): Outcome {
  const count = new Map<string, number>();
  for (const k of have) count.set(k, (count.get(k) ?? 0) + 1);
  let lost = 0;
  let duplicated = 0;
  const wanted = new Map<string, number>();
  for (const k of want) wanted.set(k, (wanted.get(k) ?? 0) + 1);
  for (const [k, n] of wanted) {
    const h = count.get(k) ?? 0;
    if (h < n) lost += n - h;
    if (h > n) duplicated += h - n;
  }
  return { lost, duplicated };
}

// ---------- import ----------
const IMPORT_ROWS = 8_000;
const importCsv =
  [
    'customer_id,date,amount,product',
    ...Array.from(
      { length: IMPORT_ROWS },
      (_, i) => `C-${1001 + (i % 20)},2026-0${1 + (i % 9)}-${String(1 + (i % 27)).padStart(2, '0')},${(i % 97) + 1}.5,P${i % 13}`,
    ),
  ].join('\n') + '\n';
const contentKey = (t: { customerId: string; date: string; amount: number; product?: string }): string =>
  `${t.customerId}|${t.date}|${t.amount}|${t.product ?? ''}`;
const importArgs = (db: AppDB, importId: string) => ({
  sink: dbSink(db),
  file: new Blob([importCsv]),
  fileName: 'orders.csv',
  importId,
  sliceSize: 2_048,
  opts: { asOf: SAMPLE_AS_OF },
  now: () => 1,
});
let importReference: string[] | undefined;

export const importScenario: Scenario<{ run: number }> = {
  name: 'import (8,000 rows in 2 KB slices)',
  points: 80,
  fresh: () => ({ run: 0 }),
  prepare: (db) => loadBook(db),
  async act(db) {
    await runImport(importArgs(db, 'imp-1'));
  },
  async recover(db) {
    // on restart the options page offers "Resume" for an unfinished import; one never begun is re-run
    const [open] = await importLogRepo(db).unfinished();
    if (open?.checkpoint) await runImport({ ...importArgs(db, open.log.id), resume: open.checkpoint, resumeLog: open.log });
    else if (!(await importLogRepo(db).get('imp-1'))) await runImport(importArgs(db, 'imp-2'));
  },
  async check(db) {
    const have = (await db.transactions.toArray()).map(contentKey);
    if (!importReference) throw new Error('no reference import');
    return compare(importReference, have);
  },
};

export async function importBaseline(db: AppDB): Promise<void> {
  await loadBook(db);
  await runImport(importArgs(db, 'ref'));
  importReference = (await db.transactions.toArray()).map(contentKey);
}

// ---------- quick-log ----------
const LOGS = 10;
const clientId = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const handlers = (db: AppDB) =>
  createInteractionsHandlers({
    db: () => db,
    settings: async () => settings,
    rescore: (d, id, s, asOf) => rescoreCustomer(d, id, s, asOf),
    broadcast: async () => undefined,
    asOf: () => SAMPLE_AS_OF,
    newId: () => crypto.randomUUID(),
    now: () => 1,
  });
const sender = { id: 'rapport', url: 'chrome-extension://rapport/popup.html' } as never;
const logPayload = (i: number) => ({
  clientId: clientId(i),
  customerId: book.customers[i % book.customers.length]!.id,
  date: SAMPLE_AS_OF,
  channel: 'call' as const,
  summary: `Call ${i}`,
  feedback: { kind: 'csat' as const, score: 4 },
});

export const quickLogScenario: Scenario<{ acked: Set<number> }> = {
  name: `quick-log (${LOGS} saves, each rescoring its customer)`,
  points: 60,
  fresh: () => ({ acked: new Set() }),
  async prepare(db) {
    await loadBook(db);
    await rescoreAll(db, settings, SAMPLE_AS_OF);
  },
  async act(db, ack) {
    const h = handlers(db);
    for (let i = 0; i < LOGS; i++) {
      await h.logInteraction(logPayload(i), sender);
      ack.acked.add(i);
    }
  },
  async recover(db, ack) {
    // the popup still holds every unanswered draft and saves it again with its id
    const h = handlers(db);
    for (let i = 0; i < LOGS; i++) if (!ack.acked.has(i)) await h.logInteraction(logPayload(i), sender);
  },
  async check(db) {
    const ids = (await db.interactions.toArray()).map((r) => r.id).filter((id) => id.startsWith('ql-'));
    const feedback = (await db.feedback.toArray()).map((r) => r.id).filter((id) => id.startsWith('ql-'));
    const want = Array.from({ length: LOGS }, (_, i) => quickLogId(clientId(i)));
    const a = compare(want, ids);
    const b = compare(
      want.map((w) => `${w}-fb`),
      feedback,
    );
    return { lost: a.lost + b.lost, duplicated: a.duplicated + b.duplicated };
  },
};

// ---------- rescore ----------
const NEXT_DAY = addDays(SAMPLE_AS_OF, 1);
type Decided = { id: string; status: 'done' | 'dismissed' }[];
export const rescoreScenario: Scenario<{ decided: Decided }> = {
  name: 'daily rescore with decisions made the day before',
  points: 70,
  fresh: () => ({ decided: [] }),
  async prepare(db) {
    await loadBook(db);
    await rescoreAll(db, settings, SAMPLE_AS_OF);
    const open = (await db.actions.where('status').equals('open').toArray()).slice(0, 4);
    for (const [i, a] of open.entries())
      await applyActionUpdate(db, { actionId: a.id, status: i % 2 ? 'dismissed' : 'done', ...(i % 2 ? { reason: 'not now' } : {}) }, settings, SAMPLE_AS_OF, 1);
  },
  async act(db, ack) {
    ack.decided = (await db.actions.toArray())
      .filter((a) => a.status === 'done' || a.status === 'dismissed')
      .map((a) => ({ id: a.id, status: a.status as 'done' | 'dismissed' }));
    await rescoreAll(db, settings, NEXT_DAY);
  },
  async recover(db) {
    // the background rescores a stale book when it wakes (lib/services/daily.ts)
    await rescoreAll(db, settings, NEXT_DAY);
  },
  async check(db, ack) {
    const actions = await db.actions.toArray();
    // a decision is kept as its row, or (recommended again) as an archived copy of it
    let lost = 0;
    for (const d of ack.decided) if (!actions.some((a) => (a.id === d.id || a.id.startsWith(`${d.id}@`)) && a.status === d.status)) lost++;
    lost += (await db.customers.count()) - (await db.scores.count());
    const open = actions.filter((a) => a.status === 'open').map((a) => `${a.customerId}|${a.kind}`);
    const dup = open.length - new Set(open).size;
    const outcomes = (await db.actionOutcomes.toArray()).filter((o) => o.outcome !== 'expired').map((o) => o.id);
    return { lost, duplicated: dup + (outcomes.length - new Set(outcomes).size) };
  },
};

// ---------- restore ----------
const other = generateSampleBook({ customers: 12, seed: 7 });
let backupJson: string | undefined;
let restoredReference: string | undefined;
const dumpKey = async (db: AppDB): Promise<string> => JSON.stringify(await dataRepo(db).dump());

export async function restoreBaseline(db: AppDB): Promise<void> {
  await loadBook(db, other);
  backupJson = JSON.stringify(await createBackup(db, settings, 1));
  await dataRepo(db).clearAll();
  await restoreBackup(db, parseBackup(backupJson, db.verno));
  restoredReference = await dumpKey(db);
}

export const restoreScenario: Scenario<{ before?: string; done: boolean }> = {
  name: 'restore a backup over another book',
  points: 40,
  fresh: () => ({ done: false }),
  async prepare(db) {
    await loadBook(db);
  },
  async act(db, ack) {
    ack.before = await dumpKey(db);
    await restoreBackup(db, parseBackup(backupJson!, db.verno));
    ack.done = true;
  },
  async recover(db, ack) {
    // after a crash the database is the old book or the backup, never a mix; the user restores again
    const now = await dumpKey(db);
    if (now !== ack.before && now !== restoredReference) throw new Error('restore left a mixed database');
    if (!ack.done) await restoreBackup(db, parseBackup(backupJson!, db.verno));
  },
  async check(db) {
    const now = await dataRepo(db).dump();
    const want = JSON.parse(restoredReference!) as Record<string, unknown[]>;
    const rows = (d: Record<string, unknown[]>): string[] => Object.entries(d).flatMap(([t, r]) => r.map((x) => `${t}:${JSON.stringify(x)}`));
    return compare(rows(want), rows(now as Record<string, unknown[]>));
  },
};
