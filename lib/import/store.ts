/**
 * Writing parsed import chunks (the background's side of an import): one transaction per chunk
 * holding the records, the placeholders they need, the importLog counters, a journal entry and
 * the checkpoint — so the database never holds rows that the log doesn't count, and an
 * interrupted import can be resumed or rolled back exactly.
 *
 * Idempotency: records are added with `bulkAdd`; a key already stored is a duplicate (accepted,
 * not written again). A chunk sent twice (the page re-sends after the background restarted)
 * is answered from its checkpoint instead of being counted twice.
 */
import { crmKey, toStoredCustomer, fromStoredCustomer, type AppDB } from '../db/app-db';
import { transact } from '../db/repo';
import { customersRepo } from '../db/repos/customers';
import { feedbackRepo, interactionsRepo, transactionsRepo } from '../db/repos/history';
import { checkpointKey, importLogRepo, type ChunkResult, type ImportCheckpoint } from '../db/repos/import-log';
import { metaRepo } from '../db/repos/meta';
import type { StoredCustomer, TableName } from '../db/tables';
import type { Customer, Feedback, ImportLog, Interaction, Transaction } from '../schemas/domain';
import { CodedError } from '../messaging/errors';
import type { ImportKind } from './columns';
import type { ParsedChunk } from './parser';
import type { ImportSink } from './run';
import { journalKey, journalPrefix, type JournalEntry } from './journal';
import { rollbackImport } from './rollback';

export { rollbackImport };

export const TABLE_OF: Record<Exclude<ImportKind, 'customers'>, 'transactions' | 'interactions' | 'feedback'> = {
  transactions: 'transactions',
  interactions: 'interactions',
  feedback: 'feedback',
};

export type { ChunkResult, ImportCheckpoint };

const IMPORT_TABLES: readonly TableName[] = ['customers', 'transactions', 'interactions', 'feedback', 'importLog', 'meta'];

/** Create the running importLog row and the first checkpoint; a second call for the same import changes nothing. */
export async function startImportLog(db: AppDB, cp: ImportCheckpoint, startedAt: number): Promise<ImportLog> {
  return transact(db, 'rw', ['importLog', 'meta'], async () => {
    const existing = await importLogRepo(db).get(cp.importId);
    if (existing) return existing;
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
    await importLogRepo(db).put(log);
    await metaRepo(db).put(checkpointKey(cp.importId), cp);
    return log;
  });
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

async function writeCustomers(db: AppDB, incoming: Customer[], journal: JournalEntry, changed: Set<string>, result: ChunkResult): Promise<void> {
  // Within a chunk, the last row of an id wins.
  const byId = new Map<string, Customer>();
  for (const c of incoming) byId.set(c.id, c);
  const ids = [...byId.keys()];
  const stored = await customersRepo(db).getStored(ids);
  const puts: StoredCustomer[] = [];
  ids.forEach((id, i) => {
    const next = byId.get(id)!;
    const prevRow = stored[i];
    if (!prevRow) {
      puts.push(toStoredCustomer(next));
      journal.written!.push(puts.at(-1)!);
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
    journal.written!.push(puts.at(-1)!);
    journal.replacedCustomers.push(prevRow);
    changed.add(id);
  });
  await customersRepo(db).putStored(puts);
}

type HistoryRow = Transaction | Interaction | Feedback;

function addHistory(db: AppDB, table: JournalEntry['table'], rows: HistoryRow[]): Promise<string[]> {
  if (table === 'transactions') return transactionsRepo(db).addNew(rows as Transaction[]);
  if (table === 'interactions') return interactionsRepo(db).addNew(rows as Interaction[]);
  return feedbackRepo(db).addNew(rows as Feedback[]);
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
  let newlyKnown: string[] = [];
  const result = await transact(db, 'rw', IMPORT_TABLES, async () => {
    const stored = await metaRepo(db).get<ImportCheckpoint>(checkpointKey(cp.importId));
    if (stored?.lastSeq === seq && stored.lastResult) return stored.lastResult;
    const log = await importLogRepo(db).get(cp.importId);
    if (!log || log.status !== 'running' || !stored) throw new CodedError('import.not-resumable', { file: cp.fileName });
    const r: ChunkResult = {
      accepted: 0,
      duplicates: chunk.duplicates,
      rejected: chunk.rejected.length,
      rowsSeen: chunk.rowsSeen,
      placeholdersCreated: 0,
      changedCustomerIds: [],
    };
    const journal: JournalEntry = {
      table: kind === 'customers' ? 'customers' : TABLE_OF[kind],
      added: [],
      addedCustomers: [],
      replacedCustomers: [],
      written: [],
    };
    const changed = new Set<string>();
    if (kind === 'customers') await writeCustomers(db, chunk.records as Customer[], journal, changed, r);
    else {
      const rows = chunk.records as HistoryRow[];
      const added = await addHistory(db, journal.table, rows);
      r.duplicates += rows.length - added.length;
      journal.added = added;
      // Placeholders for customers not stored yet (name = the id, created on their first row's date).
      const first = new Map<string, string>();
      for (const row of rows) {
        const d = first.get(row.customerId);
        if (d === undefined || row.date < d) first.set(row.customerId, row.date);
        changed.add(row.customerId);
      }
      const unknown = [...first.keys()].filter((id) => !knownCustomers?.has(id));
      const present = await customersRepo(db).existing(unknown);
      const placeholders = unknown
        .filter((id) => !present.has(id))
        .map((id) => toStoredCustomer({ id, name: id, emails: [], createdAt: first.get(id)!, crmRefs: [], placeholder: true }));
      journal.addedCustomers = await customersRepo(db).addNew(placeholders);
      const addedSet = new Set(journal.addedCustomers);
      journal.written = placeholders.filter((p) => addedSet.has(p.id));
      newlyKnown = unknown;
      r.placeholdersCreated = journal.addedCustomers.length;
      if (added.length === 0) changed.clear();
    }
    r.accepted = chunk.records.length + chunk.duplicates;
    r.changedCustomerIds = [...changed];
    await importLogRepo(db).put({
      ...log,
      rowsSeen: log.rowsSeen + r.rowsSeen,
      accepted: log.accepted + r.accepted,
      rejected: log.rejected + r.rejected,
      duplicates: log.duplicates + r.duplicates,
    });
    await metaRepo(db).put(checkpointKey(cp.importId), { ...cp, lastSeq: seq, lastResult: r } satisfies ImportCheckpoint);
    if (journal.added.length || journal.addedCustomers.length || journal.replacedCustomers.length)
      await metaRepo(db).put(journalKey(cp.importId, seq), journal);
    return r;
  });
  // Only once the transaction committed: these customers now exist.
  for (const id of newlyKnown) knownCustomers?.add(id);
  return result;
}

/** Mark an import done and drop its journal (it can no longer be rolled back). Done twice, the second is a no-op. */
export async function finishImport(db: AppDB, importId: string, finishedAt: number): Promise<ImportLog> {
  return transact(db, 'rw', ['importLog', 'meta'], async () => {
    const log = await importLogRepo(db).get(importId);
    if (!log) throw new CodedError('import.unknown', { importId });
    if (log.status === 'done') return log;
    const done: ImportLog = { ...log, status: 'done', finishedAt };
    await importLogRepo(db).put(done);
    await metaRepo(db).deletePrefix(journalPrefix(importId));
    await metaRepo(db).delete([checkpointKey(importId)]);
    return done;
  });
}

/** An ImportSink writing straight to the database: the background's, the CLI's and the tests'. */
export function dbSink(db: AppDB): ImportSink {
  const knownCustomers = new Set<string>();
  return {
    begin: async (cp, startedAt) => void (await startImportLog(db, cp, startedAt)),
    write: (chunk, seq, cp) => writeChunk(db, cp.kind, chunk, seq, cp, knownCustomers),
    finish: (importId, at) => finishImport(db, importId, at),
    rollback: (importId, at) => rollbackImport(db, importId, at),
  };
}
