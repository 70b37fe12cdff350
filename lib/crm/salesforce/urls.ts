/**
 * Salesforce Lightning hosts and URL forms (docs/crm/salesforce.md §Hosts, §URLs):
 *   record  /lightning/r/<SObject>/<Id>/view|edit, /lightning/r/<Id>/view (object omitted)
 *   related /lightning/r/<Parent>/<ParentId>/related/<Rel>/view — a list page, not the parent's record
 *   list    /lightning/o/<SObject>/list|home
 * Ids come as 15 or 18 characters; `toId18` turns both into the 18-character form we store.
 */
import type { ObjectType } from '../../schemas/values';
import { enc, lookup, nameOf, onHosts } from '../read';
import type { CrmBase, PageInfo } from '../types';

/** My Domain hosts: production, sandboxes and partitions are subdomains of these (`*.` is any depth). */
export const SALESFORCE_HOSTS = ['*.lightning.force.com', '*.my.salesforce.com'] as const;

export const SF_LEX_RECORD =
  /^\/lightning\/r\/(?:([A-Za-z][A-Za-z0-9_]*)\/)?([A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)\/(view|edit|related\/([A-Za-z0-9_]+)\/view)(?:[/?#]|$)/;
export const SF_LEX_LIST = /^\/lightning\/o\/([A-Za-z][A-Za-z0-9_]*)\/(list|home)(?:[/?#]|$)/;

const OBJECTS: Readonly<Record<string, ObjectType>> = { Account: 'account', Contact: 'contact', Opportunity: 'deal', Lead: 'lead' };
/** Key prefixes of the supported objects, for URLs that omit the object name. */
const PREFIXES: Readonly<Record<string, ObjectType>> = { '001': 'account', '003': 'contact', '006': 'deal', '00Q': 'lead' };

const objectOf = (name: string | undefined, id: string): ObjectType | undefined => (name ? lookup(OBJECTS, name) : lookup(PREFIXES, id.slice(0, 3)));

const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character, case-insensitive-safe form of a 15- or 18-character Salesforce id. */
export function toId18(id: string): string {
  if (id.length !== 15) return id;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id[chunk * 5 + i]!;
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += CHECKSUM[bits];
  }
  return id + suffix;
}

export const isSalesforceHost = (hostname: string): boolean => onHosts(SALESFORCE_HOSTS, hostname);

/**
 * The org: its My Domain name with the partition (`acme`, `acme--uat.sandbox`), the same on the
 * Lightning and the my.salesforce.com host; a custom domain is its own host.
 */
export const salesforceTenant = (url: URL): string => url.hostname.toLowerCase().replace(/\.(?:lightning\.force|my\.salesforce)\.com$/, '');

/** Lightning links work on the org host the tab showed (a my.salesforce.com host redirects). */
export const salesforceBase = (url: URL): CrmBase => ({ origin: url.origin });

export function salesforceRecordUrl(ref: { objectType: ObjectType; id: string }, base: CrmBase | undefined): string | null {
  const object = nameOf(OBJECTS, ref.objectType);
  return base && object ? `${base.origin}/lightning/r/${object}/${enc(ref.id)}/view` : null;
}

export function parseSalesforceUrl(url: URL): PageInfo {
  const path = url.pathname;
  const record = SF_LEX_RECORD.exec(path);
  if (record) {
    const objectType = objectOf(record[1], record[2]!);
    if (!objectType) return { kind: 'other' };
    // A related list ("View all") carries the parent's id: it is a list page.
    if (record[4]) return { kind: 'other' };
    return { kind: 'record', objectType, recordId: record[2]! };
  }
  const list = SF_LEX_LIST.exec(path);
  if (list) {
    const objectType = objectOf(list[1], '');
    return objectType ? { kind: 'list', objectType } : { kind: 'other' };
  }
  return { kind: 'other' };
}
