/** Record ids in each CRM's own format, for generated sample customers (each CRM's book says how). */
import { BOOKS } from '../crm/books';
import { toId18 } from '../crm/salesforce/urls';
import type { CrmId } from '../schemas/values';
import type { Rng } from './prng';

/** Salesforce's 18-character id: the 15-character id plus its case-checksum suffix. */
export const salesforce18 = toId18;

export function crmRecordId(crm: CrmId, index: number, rng: Rng): string {
  return BOOKS[crm].sample.recordId(index, (alphabet, n) => Array.from({ length: n }, () => rng.pick([...alphabet])).join(''));
}
