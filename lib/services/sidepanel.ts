/**
 * The side panel's remembered state, written by the background: CRM bases learnt from open
 * tabs ("Open in CRM" links) and the weekly tier snapshot the pyramid compares against.
 */
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { transact } from '../db/repo';
import { metaRepo } from '../db/repos/meta';
import { scoresRepo } from '../db/repos/scores';
import type { Handlers } from '../messaging/router';
import type { Tier } from '../schemas/enums';
import { learnCrmBases } from '../sidepanel/crm-bases-store';
import { planSnapshots, SNAPSHOT_KEY, type TierSnapshot } from '../sidepanel/pyramid';

/** Take this week's tier snapshot if one is due. */
export async function recordTierSnapshot(db: AppDB, asOf: string): Promise<{ taken: boolean }> {
  return transact(db, 'rw', ['scores', 'meta'], async () => {
    const [scores, stored] = await Promise.all([scoresRepo(db).all(), metaRepo(db).get(SNAPSHOT_KEY)]);
    const current: Record<string, Tier> = {};
    for (const s of scores) current[s.customerId] = s.tier;
    const plan = planSnapshots(Array.isArray(stored) ? (stored as TierSnapshot[]) : [], current, asOf);
    const taken = plan.changed && scores.length > 0;
    if (taken) await metaRepo(db).put(SNAPSHOT_KEY, plan.keep);
    return { taken };
  });
}

export const createSidePanelHandlers = (db: () => AppDB): Pick<Handlers, 'learnCrmBases' | 'recordTierSnapshot'> => ({
  learnCrmBases: ({ urls }) => learnCrmBases(db(), urls),
  recordTierSnapshot: ({ asOf }) => recordTierSnapshot(db(), asOf),
});

export const sidePanelHandlers = createSidePanelHandlers(getDb);
