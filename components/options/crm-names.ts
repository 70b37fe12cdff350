import { CRMS } from '../../lib/crm/registry';
import type { CrmId } from '../../lib/schemas/values';

/** Product names as the vendors write them (not translated), from each CRM's descriptor. */
export const CRM_NAMES = Object.fromEntries(CRMS.map((d) => [d.id, d.name])) as Record<CrmId, string>;
