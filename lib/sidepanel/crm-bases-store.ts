/**
 * Remembered CRM bases (see crm-links.ts) in the `meta` table. The side panel reads them; the
 * background learns them from the URLs the side panel reports (`learnCrmBases`).
 */
import type { AppDB } from '../db/app-db';
import type { ReadDb } from '../db/read-db';
import { metaRepo } from '../db/repos/meta';
import { mergeBases, type CrmBases } from './crm-links';
import { CrmBasesSchema } from '../schemas/meta';

export const CRM_BASES_KEY = 'sidepanel.crmBases';

export async function loadCrmBases(db: ReadDb): Promise<CrmBases> {
  // checked on every read: only https origins of the CRM each base is filed under
  const parsed = CrmBasesSchema.safeParse(await metaRepo(db).get(CRM_BASES_KEY));
  return parsed.success ? (parsed.data as CrmBases) : {};
}

/** Learn from tab URLs; stores and returns the merged bases (unchanged bases are not rewritten). */
export async function learnCrmBases(db: AppDB, urls: readonly string[]): Promise<CrmBases> {
  const known = await loadCrmBases(db);
  const next = mergeBases(known, urls);
  if (JSON.stringify(next) !== JSON.stringify(known)) await metaRepo(db).put(CRM_BASES_KEY, next);
  return next;
}
