/**
 * What happened to every shown recommendation: done, dismissed (with the reason), snoozed, or left
 * to expire unseen — with the customer's churn risk then and, for done actions, four weeks later.
 * The rescore learns the rep's acceptance from these (lib/scoring/acceptance.ts).
 */
import { defineRepo } from '../repo';
import { addDays } from '../../clock';
import type { ActionOutcomeRow } from '../../schemas/history';

/** Risk is read again this many days after a done action ("did risk fall after it?"). */
export const FOLLOW_UP_DAYS = 28;

export const outcomesRepo = defineRepo(
  (db) => ({
    all: (): Promise<ActionOutcomeRow[]> => db.actionOutcomes.toArray(),
    forCustomer: (customerId: string): Promise<ActionOutcomeRow[]> => db.actionOutcomes.where('customerId').equals(customerId).toArray(),
    /** Done outcomes old enough for their follow-up risk and still without it. */
    awaitingFollowUp: (asOf: string): Promise<ActionOutcomeRow[]> =>
      db.actionOutcomes
        .where('date')
        .belowOrEqual(addDays(asOf, -FOLLOW_UP_DAYS))
        .filter((o) => o.outcome === 'done' && o.riskAfter === undefined && o.riskBefore !== undefined)
        .toArray(),
  }),
  (db) => ({
    async add(rows: readonly ActionOutcomeRow[]): Promise<void> {
      if (rows.length) await db.actionOutcomes.bulkPut([...rows]);
    },
    /** Undo: forget what was recorded for an action on a day. */
    async removeFor(actionId: string, date: string): Promise<void> {
      await db.actionOutcomes
        .where('date')
        .equals(date)
        .filter((o) => o.actionId === actionId)
        .delete();
    },
  }),
);
