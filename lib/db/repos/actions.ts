/**
 * Actions: the playbook's recommendations materialised as rows the user works through (done,
 * dismissed with a reason, snoozed until a date, reopened). A customer's open recommendations
 * have deterministic ids `${customerId}:${kind}`; when a kind comes back after its rest, the old
 * done/dismissed row is kept as history under `${customerId}:${kind}@${date}` (the dismissal
 * count that lengthens the rest, and the acceptance-rate report, read these).
 */
import Dexie from 'dexie';
import type { AppDB } from '../app-db';
import type { Action } from '../../schemas/domain';
import type { ActionKind } from '../../schemas/enums';
import type { RankedAction } from '../../scoring/actions';
import { isoOfMs } from '../../clock';

/** Recommendations kept open per customer (the NBA and the next two). */
export const MAX_OPEN_ACTIONS = 3;

export const actionId = (customerId: string, kind: ActionKind): string => `${customerId}:${kind}`;

export interface ActionPlan {
  put: Action[];
  remove: string[];
}

const same = (a: Action, b: Action): boolean =>
  a.status === b.status && a.due === b.due && a.reason === b.reason && a.snoozedUntil === b.snoozedUntil && a.statusReason === b.statusReason;

/**
 * What to write so a customer's open actions match the playbook's top recommendations, keeping
 * the user's statuses: a snoozed row stays until its snooze ends, done/dismissed rows stay as
 * they are unless the kind is recommended again (its rest or cooldown is over — the playbook
 * suppresses it before), and only untouched open rows that are no longer recommended go away.
 */
export function planActions(customerId: string, existing: readonly Action[], ranked: readonly RankedAction[], asOf: string, now: number): ActionPlan {
  const top = ranked.slice(0, MAX_OPEN_ACTIONS);
  const wanted = new Map(top.map((r) => [r.kind, r]));
  const current = new Map<string, Action>();
  for (const a of existing) current.set(a.id, a);
  const put: Action[] = [];
  const remove: string[] = [];
  for (const a of existing) {
    if (a.id !== actionId(customerId, a.kind)) continue; // history row
    const want = wanted.get(a.kind);
    if (a.status === 'open') {
      if (!want) remove.push(a.id);
      else {
        const next: Action = { ...a, due: want.due, reason: want.reason };
        if (!same(a, next)) put.push({ ...next, updatedAt: now });
      }
    } else if (a.status === 'snoozed') {
      const ended = (a.snoozedUntil ?? a.due) <= asOf;
      if (ended && want) {
        const { snoozedUntil: _s, statusReason: _r, ...rest } = a;
        put.push({ ...rest, status: 'open', due: want.due, reason: want.reason, updatedAt: now });
      } else if (ended) remove.push(a.id);
    } else if (want) {
      // done / dismissed and recommended again: keep the old row as history, reopen fresh
      let archiveId = `${a.id}@${isoOfMs(a.updatedAt)}`;
      for (let n = 2; current.has(archiveId); n++) archiveId = `${a.id}@${isoOfMs(a.updatedAt)}#${n}`;
      current.set(archiveId, a);
      put.push({ ...a, id: archiveId });
      put.push({ id: a.id, customerId, kind: a.kind, status: 'open', due: want.due, reason: want.reason, createdAt: now, updatedAt: now });
    }
  }
  for (const r of top) {
    if (current.has(actionId(customerId, r.kind))) continue;
    put.push({ id: actionId(customerId, r.kind), customerId, kind: r.kind, status: 'open', due: r.due, reason: r.reason, createdAt: now, updatedAt: now });
  }
  return { put, remove };
}

export const actionsRepo = {
  forCustomer(db: AppDB, customerId: string): Promise<Action[]> {
    return db.actions.where('customerId').equals(customerId).toArray();
  },
  async apply(db: AppDB, plan: ActionPlan): Promise<void> {
    if (plan.remove.length) await db.actions.bulkDelete(plan.remove);
    if (plan.put.length) await db.actions.bulkPut(plan.put);
  },
  /** Open actions due by asOf and snoozed ones whose snooze has ended (a snooze moves `due` to its end), across customers. */
  async dueBy(db: AppDB, asOf: string): Promise<Action[]> {
    const [open, snoozed] = await Promise.all([
      db.actions.where('[status+due]').between(['open', Dexie.minKey], ['open', asOf], true, true).toArray(),
      db.actions
        .where('[status+due]')
        .between(['snoozed', Dexie.minKey], ['snoozed', asOf], true, true)
        .filter((a) => (a.snoozedUntil ?? a.due) <= asOf)
        .toArray(),
    ]);
    return [...open, ...snoozed];
  },
};
