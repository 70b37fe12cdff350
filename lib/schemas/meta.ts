/**
 * The meta keys a backup may restore, each with the shape of its value. Anything else in a
 * backup's meta table (a planted key, an import journal) is dropped on restore. The book model
 * and the back-test are kept as objects (a model from another version or horizon is refitted,
 * never misread: lib/services/rescore.ts). A remembered CRM base must be an https origin of that CRM
 * (lib/crm/books.ts) — a planted origin would turn "Open in CRM" into a link elsewhere.
 */
import { z } from './zod';
import { IsoDateSchema } from './domain';
import { TierSchema } from './enums';
import { CRM_IDS } from './values';
import { crmOfUrl } from '../crm/books';

const CrmBaseSchema = z.object({ origin: z.string().max(300), part: z.string().max(200).optional() });

/** Each base kept only when its origin is an https page of the CRM it is filed under. */
export const CrmBasesSchema = z.record(z.string(), z.unknown()).transform((raw) => {
  const out: Record<string, z.output<typeof CrmBaseSchema>> = {};
  for (const crm of CRM_IDS) {
    const b = CrmBaseSchema.safeParse(raw[crm]);
    if (!b.success || !/^https:\/\/[^/?#]+$/.test(b.data.origin)) continue;
    if (crmOfUrl(`${b.data.origin}/`)?.crm === crm) out[crm] = b.data;
  }
  return out;
});

const TierSnapshotsSchema = z.array(z.object({ asOf: IsoDateSchema, tiers: z.record(z.string(), TierSchema) })).max(400);
const DerivedSchema = z.record(z.string(), z.unknown());

export const RESTORABLE_META = {
  bookModel: DerivedSchema,
  riskBacktest: DerivedSchema,
  historyWeek: IsoDateSchema,
  'sidepanel.crmBases': CrmBasesSchema,
  'sidepanel.tierSnapshots': TierSnapshotsSchema,
} as const;

/** The backup's meta rows that may be restored, with their values checked; the rest are dropped. */
export function restorableMeta(rows: readonly { key: string; value: unknown }[]): { key: string; value: unknown }[] {
  const out: { key: string; value: unknown }[] = [];
  for (const r of rows) {
    if (!Object.hasOwn(RESTORABLE_META, r.key)) continue;
    const parsed = RESTORABLE_META[r.key as keyof typeof RESTORABLE_META].safeParse(r.value);
    if (parsed.success) out.push({ key: r.key, value: parsed.data });
  }
  return out;
}
