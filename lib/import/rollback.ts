/**
 * Rolling back an unfinished import (the user cancels it, or rolls back one a crash left
 * behind), from its journal (lib/import/journal.ts), in one transaction:
 *
 * - the history rows it added go;
 * - a customer it replaced gets back, field by field, only what the import changed and that still
 *   holds the import's value — a change made since (a link from a CRM page, a sync, a later
 *   import) stays; emails and CRM refs lose only the entries the import added; a customer deleted
 *   since stays deleted;
 * - a customer or placeholder it created goes, unless it is now in use: something else points at
 *   it (a quick-log or any other history row, an action decision or outcome —
 *   lib/db/repos/customer-use.ts) or it changed since it was written (a CRM ref linked or synced).
 *
 * The caller rescores afterwards (lib/services/import-port.ts, lib/services/data.ts).
 */
import { fromStoredCustomer, toStoredCustomer, type AppDB } from '../db/app-db';
import { transact } from '../db/repo';
import { customersRepo } from '../db/repos/customers';
import { customerUseRepo } from '../db/repos/customer-use';
import { feedbackRepo, interactionsRepo, transactionsRepo } from '../db/repos/history';
import { checkpointKey, importLogRepo } from '../db/repos/import-log';
import { metaRepo } from '../db/repos/meta';
import type { StoredCustomer, TableName } from '../db/tables';
import { CodedError } from '../messaging/errors';
import type { Customer, ImportLog } from '../schemas/domain';
import { journalPrefix, type JournalEntry } from './journal';

const ROLLBACK_TABLES: readonly TableName[] = [
  'customers',
  'contacts',
  'transactions',
  'interactions',
  'feedback',
  'actions',
  'actionOutcomes',
  'importLog',
  'meta',
];

/** JSON with object keys sorted: equal values give equal text whatever order their keys were written in. */
const canon = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );

const LISTS = ['emails', 'crmRefs'] as const;

/** `now` with the import's changes (`before` → `written`) taken back where `now` still holds them. */
export function revertCustomer(now: Customer, before: Customer, written: Customer): Customer {
  const out = { ...now } as Record<string, unknown>;
  const b = before as unknown as Record<string, unknown>;
  const w = written as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(b), ...Object.keys(w)])) {
    if (k === 'id' || (LISTS as readonly string[]).includes(k)) continue;
    if (canon(b[k]) === canon(w[k]) || canon(out[k]) !== canon(w[k])) continue;
    if (b[k] === undefined) delete out[k];
    else out[k] = b[k];
  }
  for (const k of LISTS) {
    const was = new Set((before[k] as unknown[]).map(canon));
    const wrote = new Set((written[k] as unknown[]).map(canon));
    const kept = (now[k] as unknown[]).filter((x) => was.has(canon(x)) || !wrote.has(canon(x)));
    const have = new Set(kept.map(canon));
    for (const x of before[k] as unknown[]) if (!wrote.has(canon(x)) && !have.has(canon(x))) kept.push(x);
    out[k] = kept;
  }
  // A placeholder again only if its name is the placeholder's again (a sync or import may have named it since).
  if (out.placeholder && out.name !== before.name) delete out.placeholder;
  return out as unknown as Customer;
}

/** Undo everything an unfinished import wrote (as above); its log row stays, marked cancelled. */
export async function rollbackImport(db: AppDB, importId: string, finishedAt: number): Promise<ImportLog> {
  return transact(db, 'rw', ROLLBACK_TABLES, async () => {
    const log = await importLogRepo(db).get(importId);
    if (!log) throw new CodedError('import.unknown', { importId });
    if (log.status === 'cancelled') return log;
    if (log.status !== 'running') throw new CodedError('import.not-resumable', { file: log.fileName });
    const entries = (await metaRepo(db).withPrefix(journalPrefix(importId))).map((m) => m.value as JournalEntry);
    for (const e of entries) {
      if (e.table === 'transactions') await transactionsRepo(db).bulkDelete(e.added);
      else if (e.table === 'interactions') await interactionsRepo(db).bulkDelete(e.added);
      else if (e.table === 'feedback') await feedbackRepo(db).bulkDelete(e.added);
    }
    for (const e of entries.reverse()) await undoCustomers(db, e);
    await metaRepo(db).deletePrefix(journalPrefix(importId));
    await metaRepo(db).delete([checkpointKey(importId)]);
    const cancelled: ImportLog = { ...log, status: 'cancelled', finishedAt, accepted: 0, duplicates: 0 };
    await importLogRepo(db).put(cancelled);
    return cancelled;
  });
}

/** One chunk's customers, taken back (its history rows are gone already). */
async function undoCustomers(db: AppDB, e: JournalEntry): Promise<void> {
  const repo = customersRepo(db);
  const written = new Map((e.written ?? []).map((r) => [r.id, fromStoredCustomer(r)]));
  const replaced = e.replacedCustomers;
  const current = await repo.getStored(replaced.map((r) => r.id));
  const puts: StoredCustomer[] = [];
  replaced.forEach((prevRow, i) => {
    const nowRow = current[i];
    if (!nowRow) return; // deleted since: not brought back
    const w = written.get(prevRow.id);
    // A journal without the written rows (an older build) can only put the old row back.
    puts.push(w ? toStoredCustomer(revertCustomer(fromStoredCustomer(nowRow), fromStoredCustomer(prevRow), w)) : prevRow);
  });
  await repo.putStored(puts);

  const created = [...(e.table === 'customers' ? e.added : []), ...e.addedCustomers];
  if (!created.length) return;
  const used = await customerUseRepo(db).inUse(created);
  const rows = await repo.getStored(created);
  const drop = created.filter((id, i) => {
    const row = rows[i];
    if (!row || used.has(id)) return false;
    const w = written.get(id);
    const now = fromStoredCustomer(row);
    if (w) return canon(now) === canon(w);
    // An older build's journal: a placeholder goes while it is still a bare placeholder.
    return e.addedCustomers.includes(id) ? !!now.placeholder && now.crmRefs.length === 0 : true;
  });
  await repo.bulkDelete(drop);
}
