/**
 * Writes one ChangeBatch into the book, in one transaction, through repositories:
 *
 * - Customers are keyed by the CRM record id: a synced account whose CRM ref a stored customer
 *   already holds (a CSV import with the CRM id, an earlier sync) is that customer — it keeps its
 *   id and its other refs, the CRM's fields win. A new one is stored under its sync row id.
 * - History rows carry the CRM account id as `customerId`; it becomes the local customer's id. A
 *   row whose account is unknown (not shared with this user) is left out.
 * - An activity written back from a quick-log (recognised by its tag, `ChangeBatch.tagged`, or
 *   by the CRM id the outbox stored) is the local interaction: it is not stored twice, and the
 *   outbox learns its CRM id if the write's answer was lost.
 * - Deletions: a deleted account's ref is dropped; a customer that came from this CRM alone goes
 *   with its history. Deleted history rows go; a deleted activity that was a quick-log removes it.
 * - Merges: the merged-away customer's history moves to the surviving one.
 * - The privacy "never log" list (settings): an account it names (its id, domain or emails, or
 *   the stored customer's) is not accepted — neither created nor updated — and its history rows
 *   are left out.
 */
import type { AppDB } from '../db/app-db';
import { refKey } from '../db/stored';
import { transact } from '../db/repo';
import { syncBookRepo, type HistoryTable } from '../db/repos/sync-book';
import { syncRepo } from '../db/repos/sync';
import type { Customer } from '../schemas/domain';
import type { CrmId } from '../schemas/values';
import { neverLogRecordHit } from '../privacy/never-log';
import { syncRowId, type ChangeBatch, type RecordKey } from './types';

export interface Applied {
  /** Customers whose history changed (to rescore). */
  touched: Set<string>;
  /** Customers removed or merged away (a full rescore clears their scores). */
  removed: boolean;
  /** History rows left out because their account is not in the book. */
  orphans: number;
  /** Accounts and history rows left out because the "never log" list names their account. */
  refused: number;
}

const TABLE_OF: Partial<Record<RecordKey['objectType'], HistoryTable>> = {
  contact: 'contacts',
  transaction: 'transactions',
  activity: 'interactions',
  feedback: 'feedback',
};

/**
 * A synced account is the same record whatever tenant a CRM page has bound its ref to (the
 * overlay binds refs on first sight, lib/db/stored.ts): sync matches by the tenant-free key.
 */
const accountKey = (crm: CrmId, id: string): string => refKey({ crm, objectType: 'account', id });

/** The CRM wins on its fields; the stored customer keeps its id, its other refs and its emails. */
function mergeCustomer(stored: Customer, synced: Customer): Customer {
  const { placeholder: _p, ...rest } = stored;
  const refs = [...stored.crmRefs];
  for (const r of synced.crmRefs) if (!refs.some((x) => refKey(x) === refKey(r))) refs.push(r);
  return {
    ...rest,
    ...synced,
    id: stored.id,
    emails: [...new Set([...synced.emails, ...stored.emails])],
    createdAt: stored.createdAt < synced.createdAt ? stored.createdAt : synced.createdAt,
    crmRefs: refs,
  };
}

const neverLogged = (list: readonly string[], c: Customer, accountId: string | undefined): boolean =>
  !!neverLogRecordHit(list, { ids: accountId ? [c.id, accountId] : [c.id], ...(c.domain ? { domain: c.domain } : {}), emails: c.emails });

/** `neverLog`: the privacy list of the settings. */
export async function applyBatch(db: AppDB, crm: CrmId, batch: ChangeBatch, neverLog: readonly string[] = []): Promise<Applied> {
  const book = syncBookRepo(db);
  const sync = syncRepo(db);
  const list = neverLog;
  const out: Applied = { touched: new Set(), removed: false, orphans: 0, refused: 0 };
  const tables = ['customers', 'contacts', 'transactions', 'interactions', 'feedback', 'actions', 'scores', 'syncOutbox'] as const;
  await transact(db, 'rw', tables, async () => {
    // Account id (CRM) → local customer id, for every account this batch names.
    const accountIds = new Set<string>();
    for (const c of batch.customers) for (const r of c.crmRefs) if (r.crm === crm) accountIds.add(r.id);
    for (const k of ['contacts', 'transactions', 'interactions', 'feedback'] as const) for (const r of batch[k]) accountIds.add(r.customerId);
    for (const m of batch.merged) if (m.objectType === 'account') [m.from, m.into].forEach((id) => accountIds.add(id));
    for (const d of batch.deleted) if (d.objectType === 'account') accountIds.add(d.id);
    const local = new Map<string, Customer>();
    for (const c of await book.customersByKeys([...accountIds].map((id) => accountKey(crm, id))))
      for (const r of c.crmRefs) if (r.crm === crm && r.objectType === 'account') local.set(r.id, c);

    // CRM account ids the "never log" list names, by the stored customer or the synced account.
    const refused = new Set<string>();
    for (const [accountId, c] of local) if (neverLogged(list, c, accountId)) refused.add(accountId);
    const customers: Customer[] = [];
    for (const c of batch.customers) {
      const ref = c.crmRefs.find((r) => r.crm === crm);
      if (ref ? refused.has(ref.id) || neverLogged(list, c, ref.id) : neverLogged(list, c, undefined)) {
        if (ref) refused.add(ref.id);
        out.refused++;
        continue;
      }
      const stored = ref && local.get(ref.id);
      const row = stored ? mergeCustomer(stored, c) : c;
      if (ref) local.set(ref.id, row);
      customers.push(row);
      out.touched.add(row.id);
    }
    await book.putCustomers(customers);

    const resolve = <T extends { customerId: string }>(rows: readonly T[]): T[] => {
      const kept: T[] = [];
      for (const r of rows) {
        if (refused.has(r.customerId)) {
          out.refused++;
          continue;
        }
        const owner = local.get(r.customerId);
        if (!owner) {
          out.orphans++;
          continue;
        }
        kept.push({ ...r, customerId: owner.id });
        out.touched.add(owner.id);
      }
      return kept;
    };

    // Quick-logs read back: the local interaction stands for them.
    const ours = new Map<string, string>(); // sync row id → local interaction id
    const tagged = batch.tagged ?? [];
    const localIds = await book.interactionIds(tagged.map((t) => t.key));
    for (const t of tagged) if (localIds.has(t.key)) ours.set(syncRowId(crm, 'activity', t.id), t.key);
    const prefix = `${crm}:activity:`;
    const written = await sync.outboxByCrmIds(
      crm,
      batch.interactions.filter((r) => !ours.has(r.id) && r.id.startsWith(prefix)).map((r) => r.id.slice(prefix.length)),
    );
    const stillLocal = await book.interactionIds(written.map((w) => w.interactionId));
    for (const w of written) if (stillLocal.has(w.interactionId)) ours.set(syncRowId(crm, 'activity', w.crmId!), w.interactionId);
    for (const [rowId, key] of ours) {
      const crmId = rowId.slice(`${crm}:activity:`.length);
      const row = await sync.outboxRow(key);
      if (row && row.crm === crm && row.state !== 'written') await sync.updateOutbox(key, { state: 'written', crmId, uncertain: false });
    }

    await book.putContacts(resolve(batch.contacts));
    await book.putTransactions(resolve(batch.transactions));
    await book.putInteractions(resolve(batch.interactions.filter((r) => !ours.has(r.id))));
    await book.putFeedback(resolve(batch.feedback));

    for (const m of batch.merged) {
      if (m.objectType !== 'account') {
        const table = TABLE_OF[m.objectType as RecordKey['objectType']];
        if (table) for (const id of await book.deleteRows(table, [syncRowId(crm, m.objectType, m.from)])) out.touched.add(id);
        continue;
      }
      const from = local.get(m.from);
      const into = local.get(m.into);
      if (!from) continue;
      if (!into || into.id === from.id) {
        // The survivor is not stored yet: the merged-away customer becomes it.
        const moved = {
          ...from,
          crmRefs: [...from.crmRefs.filter((r) => !(r.crm === crm && r.id === m.from)), { crm, objectType: 'account' as const, id: m.into }],
        };
        await book.putCustomers([moved]);
        local.set(m.into, moved);
        out.touched.add(moved.id);
        continue;
      }
      await book.moveHistory(from.id, into.id);
      await book.putCustomers([{ ...into, crmRefs: [...into.crmRefs, ...from.crmRefs.filter((r) => !(r.crm === crm && r.id === m.from))] }]);
      await book.deleteCustomer(from.id);
      out.touched.delete(from.id);
      out.touched.add(into.id);
      out.removed = true;
    }

    for (const d of batch.deleted) {
      if (d.objectType === 'account') {
        const c = local.get(d.id);
        if (!c) continue;
        const key = accountKey(crm, d.id);
        if (c.id === syncRowId(crm, 'account', d.id) && c.crmRefs.every((r) => refKey(r) === key)) {
          await book.deleteCustomer(c.id);
          out.touched.delete(c.id);
          out.removed = true;
        } else {
          await book.dropRef(c.id, key);
        }
        continue;
      }
      const table = TABLE_OF[d.objectType];
      if (!table) continue;
      const ids = [syncRowId(crm, d.objectType, d.id)];
      if (d.objectType === 'activity') {
        const row = await sync.outboxByCrmId(crm, d.id);
        if (row) ids.push(row.interactionId);
      }
      for (const id of await book.deleteRows(table, ids)) out.touched.add(id);
    }
  });
  return out;
}
