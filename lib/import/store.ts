/**
 * Writing parsed import chunks into Dexie: one transaction per chunk holding the records, the
 * placeholders they need, the importLog counters and a journal entry — so the database never
 * holds rows that the log doesn't count, and an interrupted import can be rolled back exactly.
 *
 * Idempotency: records are added with `bulkAdd`; a key already stored fails with a
 * ConstraintError that we catch — that row is a duplicate (accepted, not written again).
 */
import Dexie from 'dexie';
import { crmKey, toStoredCustomer, fromStoredCustomer, type AppDB, type StoredCustomer } from '../db/app-db';
import type { Customer, ImportLog } from '../schemas/domain';
import type { ImportKind } from './columns';
import type { ParsedChunk } from './parser';
import type { DateOrder } from './values';

export const TABLE_OF: Record<Exclude<ImportKind, 'customers'>, 'transactions' | 'interactions' | 'feedback'> = {
  transactions: 'transactions',
  interactions: 'interactions',
  feedback: 'feedback',
};

/** Where a running import is, stored next to its importLog row (meta `import:<id>`). */
export interface ImportCheckpoint {
  importId: string;
  fileName: string;
  fileSize: number;
  lastModified: number;
  kind: ImportKind;
  mapping?: Record<string, string>;
  dateOrder?: DateOrder;
  /** Number of fixed-size slices fully written (the next slice to write). */
  slicesDone: number;
  sliceSize: number;
  /** The end-of-file batch (held rows, last row) is written. */
  tailDone: boolean;
}

/** meta `importJournal:<id>:<seq>`: what one chunk added or replaced, for rollback. */
interface JournalEntry {
  table: 'customers' | 'transactions' | 'interactions' | 'feedback';
  added: string[];
  addedCustomers: string[];
  replacedCustomers: StoredCustomer[];
}

export const checkpointKey = (id: string): string => `import:${id}`;
export const fileKey = (id: string): string => `importFile:${id}`;
const journalPrefix = (id: string): string => `importJournal:${id}:`;
const journalKey = (id: string, seq: number): string => `${journalPrefix(id)}${String(seq).padStart(8, '0')}`;

export interface ChunkResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  rowsSeen: number;
  placeholdersCreated: number;
  changedCustomerIds: string[];
}

export async function startImportLog(db: AppDB, cp: ImportCheckpoint, file: Blob | undefined, startedAt: number): Promise<void> {
  const log: ImportLog = {
    id: cp.importId,
    fileName: cp.fileName,
    kind: cp.kind,
    startedAt,
    status: 'running',
    rowsSeen: 0,
    accepted: 0,
    rejected: 0,
    duplicates: 0,
  };
  await db.transaction('rw', db.importLog, db.meta, async () => {
    await db.importLog.put(log);
    await db.meta.put({ key: checkpointKey(cp.importId), value: cp });
    // The file itself, so the import can resume after the tab or browser is closed.
    if (file) await db.meta.put({ key: fileKey(cp.importId), value: file });
  });
}

const failedPositions = (e: unknown): Set<number> => {
  if (e instanceof Dexie.BulkError) {
    for (const f of Object.values(e.failuresByPos)) if ((f as Error).name !== 'ConstraintError') throw e;
    return new Set(Object.keys(e.failuresByPos).map(Number));
  }
  throw e;
};

/** Add rows, skipping keys already stored; returns the ids actually added. */
async function addNew<T extends { id: string }>(table: Dexie.Table<T, string>, rows: T[]): Promise<string[]> {
  if (!rows.length) return [];
  let failed = new Set<number>();
  try {
    await table.bulkAdd(rows);
  } catch (e) {
    failed = failedPositions(e);
  }
  return failed.size ? rows.filter((_, i) => !failed.has(i)).map((r) => r.id) : rows.map((r) => r.id);
}

const sameCustomer = (a: Customer, b: Customer): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A customers row over a stored customer: new fields win, links and emails are kept. */
function mergeCustomer(prev: Customer, next: Customer): Customer {
  const refs = [...next.crmRefs];
  for (const r of prev.crmRefs) if (!refs.some((x) => crmKey(x) === crmKey(r))) refs.push(r);
  const emails = [...new Set([...next.emails, ...prev.emails])];
  const merged: Customer = { ...prev, ...next, emails, crmRefs: refs };
  delete merged.placeholder;
  return merged;
}

/**
 * Write one parsed chunk (and its counters and checkpoint) in one transaction. `cp` is the
 * checkpoint to store once this chunk is in.
 */
export async function writeChunk(
  db: AppDB,
  kind: ImportKind,
  chunk: ParsedChunk,
  seq: number,
  cp: ImportCheckpoint,
  /** Customer ids known to be stored (earlier chunks of this import): no placeholder lookup for them. */
  knownCustomers?: Set<string>,
): Promise<ChunkResult> {
  const result: ChunkResult = {
    accepted: 0,
    duplicates: chunk.duplicates,
    rejected: chunk.rejected.length,
    rowsSeen: chunk.rowsSeen,
    placeholdersCreated: 0,
    changedCustomerIds: [],
  };
  const tables = [db.customers, db.importLog, db.meta, ...(kind === 'customers' ? [] : [db[TABLE_OF[kind]]])];
  let newlyKnown: string[] = [];
  await db.transaction('rw', tables, async () => {
    const journal: JournalEntry = { table: kind === 'customers' ? 'customers' : TABLE_OF[kind], added: [], addedCustomers: [], replacedCustomers: [] };
    const changed = new Set<string>();
    if (kind === 'customers') {
      const incoming = chunk.records as Customer[];
      // Within a chunk, the last row of an id wins.
      const byId = new Map<string, Customer>();
      for (const c of incoming) byId.set(c.id, c);
      const ids = [...byId.keys()];
      const stored = await db.customers.bulkGet(ids);
      const puts: StoredCustomer[] = [];
      ids.forEach((id, i) => {
        const next = byId.get(id)!;
        const prevRow = stored[i];
        if (!prevRow) {
          puts.push(toStoredCustomer(next));
          journal.added.push(id);
          changed.add(id);
          return;
        }
        const prev = fromStoredCustomer(prevRow);
        const merged = mergeCustomer(prev, next);
        if (sameCustomer(prev, merged)) {
          result.duplicates++;
          return;
        }
        puts.push(toStoredCustomer(merged));
        journal.replacedCustomers.push(prevRow);
        changed.add(id);
      });
      // Rows repeating an id inside this chunk with different content were updates, not duplicates.
      if (puts.length) await db.customers.bulkPut(puts);
    } else {
      const table = db[TABLE_OF[kind]] as unknown as Dexie.Table<{ id: string; customerId: string; date: string }, string>;
      const rows = chunk.records as unknown as { id: string; customerId: string; date: string }[];
      const added = await addNew(table, rows);
      result.duplicates += rows.length - added.length;
      journal.added = added;
      // Placeholders for customers not stored yet (name = the id, created on their first row's date).
      const first = new Map<string, string>();
      for (const r of rows) {
        const d = first.get(r.customerId);
        if (d === undefined || r.date < d) first.set(r.customerId, r.date);
        changed.add(r.customerId);
      }
      const unknown = [...first.keys()].filter((id) => !knownCustomers?.has(id));
      const stored = new Set(unknown.length ? await db.customers.where(':id').anyOf(unknown).primaryKeys() : []);
      const placeholders: StoredCustomer[] = unknown
        .filter((id) => !stored.has(id))
        .map((id) => toStoredCustomer({ id, name: id, emails: [], createdAt: first.get(id)!, crmRefs: [], placeholder: true }));
      journal.addedCustomers = await addNew(db.customers as unknown as Dexie.Table<StoredCustomer, string>, placeholders);
      newlyKnown = unknown;
      result.placeholdersCreated = journal.addedCustomers.length;
      if (added.length === 0) changed.clear();
    }
    result.accepted = chunk.records.length + chunk.duplicates;
    result.changedCustomerIds = [...changed];
    const log = await db.importLog.get(cp.importId);
    if (!log) throw new Error(`Import ${cp.importId} has no log row.`);
    await db.importLog.put({
      ...log,
      rowsSeen: log.rowsSeen + result.rowsSeen,
      accepted: log.accepted + result.accepted,
      rejected: log.rejected + result.rejected,
      duplicates: log.duplicates + result.duplicates,
    });
    await db.meta.put({ key: checkpointKey(cp.importId), value: cp });
    if (journal.added.length || journal.addedCustomers.length || journal.replacedCustomers.length)
      await db.meta.put({ key: journalKey(cp.importId, seq), value: journal });
  });
  // Only once the transaction committed: these customers now exist.
  for (const id of newlyKnown) knownCustomers?.add(id);
  return result;
}

/** Mark an import done and drop its journal and stored file (it can no longer be rolled back). */
export async function finishImport(db: AppDB, importId: string, finishedAt: number): Promise<ImportLog> {
  return db.transaction('rw', db.importLog, db.meta, async () => {
    const log = (await db.importLog.get(importId))!;
    const done: ImportLog = { ...log, status: 'done', finishedAt };
    await db.importLog.put(done);
    await db.meta.where('key').startsWith(journalPrefix(importId)).delete();
    await db.meta.bulkDelete([checkpointKey(importId), fileKey(importId)]);
    return done;
  });
}

/** Undo everything an unfinished import wrote; its log row stays, marked cancelled. */
export async function rollbackImport(db: AppDB, importId: string, finishedAt: number): Promise<ImportLog> {
  return db.transaction('rw', [db.customers, db.transactions, db.interactions, db.feedback, db.importLog, db.meta], async () => {
    const entries = (await db.meta.where('key').startsWith(journalPrefix(importId)).toArray()).map((m) => m.value as JournalEntry);
    for (const e of entries.reverse()) {
      if (e.table !== 'customers') await db[e.table].bulkDelete(e.added);
      else await db.customers.bulkDelete(e.added);
      await db.customers.bulkDelete(e.addedCustomers);
      if (e.replacedCustomers.length) await db.customers.bulkPut(e.replacedCustomers);
    }
    await db.meta.where('key').startsWith(journalPrefix(importId)).delete();
    await db.meta.bulkDelete([checkpointKey(importId), fileKey(importId)]);
    const log = (await db.importLog.get(importId))!;
    const cancelled: ImportLog = { ...log, status: 'cancelled', finishedAt, accepted: 0, duplicates: 0 };
    await db.importLog.put(cancelled);
    return cancelled;
  });
}

/** Imports left `running` (tab closed, browser killed), with their checkpoint and stored file. */
export async function unfinishedImports(db: AppDB): Promise<{ log: ImportLog; checkpoint?: ImportCheckpoint; file?: Blob }[]> {
  const logs = await db.importLog.where('status').equals('running').toArray();
  return Promise.all(
    logs.map(async (log) => ({
      log,
      checkpoint: (await db.meta.get(checkpointKey(log.id)))?.value as ImportCheckpoint | undefined,
      file: (await db.meta.get(fileKey(log.id)))?.value as Blob | undefined,
    })),
  );
}
