/**
 * Opt-in score write-back (per connection, `writeScores`): after a pass that rescored everyone,
 * each customer with a record in that CRM gets its tier, risk band, churn risk and next best
 * action written to the CRM's account (custom fields an admin adds once; docs/crm-apis/<crm>.md).
 * In chunks, so one refusal names its chunk and the rest is not sent.
 */
import type { AppDB } from '../db/app-db';
import { customersRepo } from '../db/repos/customers';
import { scoresRepo } from '../db/repos/scores';
import type { CrmId } from '../schemas/values';
import type { ScoreWrite } from './types';

const CHUNK = 100;

/** What to write for every customer holding an account ref in this CRM and a score. */
export async function scoreWrites(db: AppDB, crm: CrmId): Promise<ScoreWrite[]> {
  const customers = (await customersRepo(db).all()).filter((c) => c.crmRefs.some((r) => r.crm === crm && r.objectType === 'account'));
  const scores = await scoresRepo(db).bulkGet(customers.map((c) => c.id));
  const out: ScoreWrite[] = [];
  customers.forEach((c, i) => {
    const s = scores[i];
    const ref = c.crmRefs.find((r) => r.crm === crm && r.objectType === 'account')!;
    if (!s) return;
    out.push({
      target: { objectType: 'account', id: ref.id },
      tier: s.tier,
      riskBand: s.risk,
      churnRisk: s.churnRisk ?? s.riskScore / 100,
      ...(s.nba ? { nextAction: { kind: s.nba.kind, due: s.nba.due } } : {}),
    });
  });
  return out;
}

export const inChunks = <T>(rows: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));
