/**
 * Actions: the playbook's recommendations materialised as rows the user works through (done,
 * dismissed with a reason, snoozed until a date, reopened). A customer's open recommendations
 * have deterministic ids `${customerId}:${kind}`; when a kind comes back after its rest, the old
 * done/dismissed row is kept as history under `${customerId}:${kind}@${date}` (the dismissal
 * count that lengthens the rest, and the acceptance-rate report, read these).
 */
import Dexie from 'dexie';
import { defineRepo } from '../repo';
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
  /** Open actions that fell due and went away without a decision: "expired unseen" outcomes. */
  expired: Action[];
}

const sameWhy = (a: Action['why'], b: Action['why']): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const same = (a: Action, b: Action): boolean =>
  a.status === b.status &&
  a.due === b.due &&
  a.reason === b.reason &&
  a.snoozedUntil === b.snoozedUntil &&
  a.statusReason === b.statusReason &&
  sameWhy(a.why, b.why);

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
  const expired: Action[] = [];
  for (const a of existing) {
    if (a.id !== actionId(customerId, a.kind)) continue; // history row
    const want = wanted.get(a.kind);
    if (a.status === 'open') {
      if (!want) {
        remove.push(a.id);
        if (a.due < asOf) expired.push(a);
      } else {
        const next: Action = { ...a, due: want.due, reason: want.reason, why: want.why };
        if (!same(a, next)) put.push({ ...next, updatedAt: now });
      }
    } else if (a.status === 'snoozed') {
      const ended = (a.snoozedUntil ?? a.due) <= asOf;
      if (ended && want) {
        const { snoozedUntil: _s, statusReason: _r, ...rest } = a;
        put.push({ ...rest, status: 'open', due: want.due, reason: want.reason, why: want.why, updatedAt: now });
      } else if (ended) remove.push(a.id);
    } else if (want) {
      // done / dismissed and recommended again: keep the old row as history, reopen fresh
      let archiveId = `${a.id}@${isoOfMs(a.updatedAt)}`;
      for (let n = 2; current.has(archiveId); n++) archiveId = `${a.id}@${isoOfMs(a.updatedAt)}#${n}`;
      current.set(archiveId, a);
      put.push({ ...a, id: archiveId });
      put.push({ id: a.id, customerId, kind: a.kind, status: 'open', due: want.due, reason: want.reason, why: want.why, createdAt: now, updatedAt: now });
    }
  }
  for (const r of top) {
    if (current.has(actionId(customerId, r.kind))) continue;
    put.push({
      id: actionId(customerId, r.kind),
      customerId,
      kind: r.kind,
      status: 'open',
      due: r.due,
      reason: r.reason,
      why: r.why,
      createdAt: now,
      updatedAt: now,
    });
  }
  return { put, remove, expired };
}

export const actionsRepo = defineRepo(
  (db) => ({
    get: (id: string): Promise<Action | undefined> => db.actions.get(id),
    all: (): Promise<Action[]> => db.actions.toArray(),
    forCustomer: (customerId: string): Promise<Action[]> => db.actions.where('customerId').equals(customerId).toArray(),
    /** A customer's actions in one status, through the [customerId+status] index. */
    withStatus: (customerId: string, status: Action['status']): Promise<Action[]> =>
      db.actions.where('[customerId+status]').equals([customerId, status]).toArray(),
    /** Open actions due by asOf and snoozed ones whose snooze has ended (a snooze moves `due` to its end), across customers. */
    async dueBy(asOf: string): Promise<Action[]> {
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
    /**
     * Actions overdue as of `asOf`: open ones due before today, and snoozed ones due before today
     * whose snooze has ended. Two indexed range reads on [status+due].
     */
    async countOverdue(asOf: string): Promise<number> {
      const [open, snoozed] = await Promise.all([
        db.actions.where('[status+due]').between(['open', Dexie.minKey], ['open', asOf], true, false).count(),
        db.actions
          .where('[status+due]')
          .between(['snoozed', Dexie.minKey], ['snoozed', asOf], true, false)
          .filter((a) => (a.snoozedUntil ?? '') <= asOf)
          .count(),
      ]);
      return open + snoozed;
    },
  }),
  (db) => ({
    async put(action: Action): Promise<void> {
      await db.actions.put(action);
    },
    async apply(plan: ActionPlan): Promise<void> {
      if (plan.remove.length) await db.actions.bulkDelete(plan.remove);
      if (plan.put.length) await db.actions.bulkPut(plan.put);
    },
    async bulkDelete(ids: readonly string[]): Promise<void> {
      if (ids.length) await db.actions.bulkDelete([...ids]);
    },
  }),
);
