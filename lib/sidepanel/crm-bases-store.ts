/** Remembered CRM bases (see crm-links.ts) in the `meta` table, refreshed from open tabs. */
import type { AppDB } from '../db/app-db';
import { mergeBases, type CrmBases } from './crm-links';

export const CRM_BASES_KEY = 'sidepanel.crmBases';

export async function loadCrmBases(db: AppDB): Promise<CrmBases> {
  const row = await db.meta.get(CRM_BASES_KEY);
  return row && typeof row.value === 'object' && row.value !== null ? (row.value as CrmBases) : {};
}

/** Learn from tab URLs; stores and returns the merged bases (unchanged bases are not rewritten). */
export async function learnCrmBases(db: AppDB, urls: readonly string[]): Promise<CrmBases> {
  const known = await loadCrmBases(db);
  const next = mergeBases(known, urls);
  if (JSON.stringify(next) !== JSON.stringify(known)) await db.meta.put({ key: CRM_BASES_KEY, value: next });
  return next;
}
