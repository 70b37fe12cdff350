/**
 * Which customers something else points at: a history row (contact, purchase, interaction or
 * quick-log, feedback), a decision on an action (done, dismissed, snoozed) or its recorded
 * outcome. Rolling back an import keeps the customers it created that are now in use
 * (lib/import/rollback.ts). Goals are scoped by tier or segment, never by a customer id; scores
 * and open actions are derived and go with the next rescore.
 */
import { defineReads } from '../repo';

const HISTORY = ['contacts', 'transactions', 'interactions', 'feedback'] as const;

export const customerUseRepo = defineReads((db) => ({
  /** The ids among `ids` that a history row, an action decision or an action outcome names. */
  async inUse(ids: readonly string[]): Promise<Set<string>> {
    const used = new Set<string>();
    if (!ids.length) return used;
    const keys = [...new Set(ids)];
    for (const t of HISTORY) for (const k of await db[t].where('customerId').anyOf(keys).keys()) used.add(String(k));
    for (const a of await db.actions.where('customerId').anyOf(keys).toArray()) if (a.status !== 'open') used.add(a.customerId);
    for (const k of await db.actionOutcomes.where('customerId').anyOf(keys).keys()) used.add(String(k));
    return used;
  },
}));
