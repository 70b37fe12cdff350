/**
 * Goals through the background: save (validated, every bad field named) and archive/restore.
 * Active goals rank every customer's actions, so each change queues a full rescore; the answer
 * does not wait for it (the panel shows the goal at once), and open pages and CRM tabs refresh
 * when it is done.
 */
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { goalsRepo } from '../db/repos/goals';
import type { Handlers } from '../messaging/router';
import { today } from '../clock';
import { rescoreQueue, type RescoreQueue } from './rescore-all';

export function createGoalsHandlers(deps: { db: () => AppDB; rescore: RescoreQueue; asOf: () => string }): Pick<Handlers, 'saveGoal' | 'setGoalArchived'> {
  const rerank = (): void => void deps.rescore(deps.asOf()).catch((e: unknown) => console.error('[Rapport] rescoring after a goal change failed:', e));
  return {
    async saveGoal({ goal }) {
      const saved = await goalsRepo(deps.db()).save(goal);
      rerank();
      return saved;
    },
    async setGoalArchived({ goalId, archived }) {
      const goal = await goalsRepo(deps.db()).setArchived(goalId, archived);
      rerank();
      return goal;
    },
  };
}

export const goalsHandlers = createGoalsHandlers({ db: getDb, rescore: rescoreQueue, asOf: () => today() });
