import { BOOKS } from '../../lib/crm/books';
import { CRM_IDS, type CrmId } from '../../lib/schemas/values';

/** Product names as the vendors write them (not translated), from each CRM's book. */
export const CRM_NAMES = Object.fromEntries(CRM_IDS.map((id) => [id, BOOKS[id].name])) as Record<CrmId, string>;
