/**
 * Working through recommendations: `updateAction` (done / dismissed with a reason / snoozed
 * until a date / reopened = undo), then the customer is rescored so the next best action
 * follows from what the user did, and open pages refresh. Reads (one customer's open actions,
 * the Today queue) are lib/db/repos/action-queue.ts.
 */
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { actionsRepo } from '../db/repos/actions';
import type { Handlers } from '../messaging/router';
import { CodedError } from '../messaging/errors';
import type { Action } from '../schemas/domain';
import type { ActionStatus } from '../schemas/enums';
import type { ScoringSettings, Settings } from '../schemas/settings';
import { loadSettings } from '../settings/store';
import { addDays, isRealDate, today } from '../clock';
import { assertTabAction } from './overlay-guard';
import { broadcastDataChanged } from './broadcast';
import { outcomeRow, rescoreCustomer } from './rescore';
import { transact } from '../db/repo';
import { outcomesRepo } from '../db/repos/outcomes';
import { scoresRepo } from '../db/repos/scores';

export interface ActionUpdate {
  actionId: string;
  status: ActionStatus;
  snoozedUntil?: string;
  reason?: string;
}

/** The furthest a snooze may reach: a year from today. */
export const MAX_SNOOZE_DAYS = 365;

/** Apply a user's decision to one action, then rescore its customer. Returns the action as stored. */
export async function applyActionUpdate(db: AppDB, u: ActionUpdate, settings: ScoringSettings | Settings, asOf: string, now: number): Promise<Action> {
  const repo = actionsRepo(db);
  const action = await repo.get(u.actionId);
  if (!action) throw new CodedError('action.unknown', { actionId: u.actionId }, 'actionId');
  const { snoozedUntil: _s, statusReason: _r, ...base } = action;
  let next: Action;
  switch (u.status) {
    case 'snoozed':
      if (!u.snoozedUntil) throw new CodedError('snooze.until-required', undefined, 'snoozedUntil');
      if (!isRealDate(u.snoozedUntil)) throw new CodedError('date.not-calendar', { value: u.snoozedUntil }, 'snoozedUntil');
      if (u.snoozedUntil <= asOf) throw new CodedError('snooze.not-after-today', { value: u.snoozedUntil, today: asOf }, 'snoozedUntil');
      if (u.snoozedUntil > addDays(asOf, MAX_SNOOZE_DAYS))
        throw new CodedError('snooze.too-far', { value: u.snoozedUntil, max: MAX_SNOOZE_DAYS }, 'snoozedUntil');
      // a snoozed action is due again when the snooze ends
      next = { ...base, status: 'snoozed', snoozedUntil: u.snoozedUntil, due: u.snoozedUntil, updatedAt: now, ...(u.reason ? { statusReason: u.reason } : {}) };
      break;
    case 'dismissed':
      next = { ...base, status: 'dismissed', updatedAt: now, ...(u.reason ? { statusReason: u.reason } : {}) };
      break;
    case 'done':
      next = { ...base, status: 'done', updatedAt: now, ...(u.reason ? { statusReason: u.reason } : {}) };
      break;
    case 'open':
      // undo: back to open; a snoozed action is due today again
      next = { ...base, status: 'open', updatedAt: now, ...(action.status === 'snoozed' && action.due > asOf ? { due: asOf } : {}) };
      break;
  }
  const score = await scoresRepo(db).get(action.customerId);
  await transact(db, 'rw', ['actions', 'actionOutcomes'], async () => {
    await repo.put(next);
    // what happened to the recommendation, for actions that learn (undo forgets it)
    if (u.status === 'open') await outcomesRepo(db).removeFor(action.id, asOf);
    else if (score) await outcomesRepo(db).add([outcomeRow(action, score, u.status, asOf, u.reason)]);
  });
  await rescoreCustomer(db, action.customerId, settings, asOf);
  return (await repo.get(next.id)) ?? next;
}

export const actionsHandlers: Partial<Handlers> = {
  async updateAction(payload, sender) {
    const db = getDb();
    const settings = await loadSettings();
    // A content script acts only on the customer its tab's record resolved to.
    if (!sender.extensionPage) await assertTabAction(db, sender, payload.actionId, settings.crm.customDomains);
    const action = await applyActionUpdate(db, payload, settings, today(), Date.now());
    await broadcastDataChanged([action.customerId]);
    return action;
  },
  /** The same decision for many actions (the side panel's bulk snooze / dismiss), one broadcast at the end. */
  async updateActions({ updates }) {
    const db = getDb();
    const settings = await loadSettings();
    const asOf = today();
    const now = Date.now();
    const customers = new Set<string>();
    for (const u of updates) customers.add((await applyActionUpdate(db, u, settings, asOf, now)).customerId);
    await broadcastDataChanged([...customers]);
    return { updated: updates.length };
  },
};
