/** Record ids in each CRM's own format, for sample customers. */
import type { CrmId } from '../schemas/enums';
import type { Rng } from './prng';

const SF_CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

/** Salesforce's 18-character id: the 15-character id plus its case-checksum suffix. */
export function salesforce18(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15[chunk * 5 + i]!;
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SF_CHECKSUM[bits];
  }
  return id15 + suffix;
}

const chars = (rng: Rng, alphabet: string, n: number): string => Array.from({ length: n }, () => rng.pick([...alphabet])).join('');

export function crmRecordId(crm: CrmId, index: number, rng: Rng): string {
  switch (crm) {
    case 'salesforce':
      return salesforce18(`001Dn0000${chars(rng, ALNUM, 6)}`);
    case 'hubspot':
      return String(18734300000 + index);
    case 'zoho':
      return String(4876876000000400000n + BigInt(index));
    case 'dynamics': {
      const h = chars(rng, HEX, 32);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
    }
    case 'pipedrive':
      return String(2000 + index);
    case 'fxiaoke':
      return chars(rng, HEX, 24);
  }
}
