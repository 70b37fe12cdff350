import type { Migration } from './index';

/**
 * v4: CRM refs carry their tenant. `crmKeys` becomes `crm:tenant:objectType:id` (tenant
 * URI-encoded; empty for a ref no tenant has claimed yet) and the new `refKeys` index keeps
 * `crm:objectType:id` for lookups that do not know the tenant. Stored refs have no tenant yet, so
 * every key is rewritten in the unbound form; a ref is bound the first time its record is shown
 * on a tenant (docs/security/overlay.md). The key forms are written out here, not imported: a
 * shipped migration must not change when lib/db/stored.ts does.
 */
type Ref = { crm: string; objectType: string; id: string; tenant?: string };
type Row = { crmRefs?: Ref[]; crmKeys?: string[]; refKeys?: string[] };

export const tenantKeyV4 = (r: Ref): string => `${r.crm}:${encodeURIComponent(r.tenant ?? '')}:${r.objectType}:${r.id}`;
export const anyTenantKeyV4 = (r: Ref): string => `${r.crm}:${r.objectType}:${r.id}`;

export const v4: Migration = {
  version: 4,
  stores: { customers: '&id, name, domain, *emails, *crmKeys, *refKeys, segment, owner, createdAt' },
  async upgrade(tx) {
    await tx
      .table('customers')
      .toCollection()
      .modify((row: Row) => {
        const refs = row.crmRefs ?? [];
        row.crmKeys = refs.map(tenantKeyV4);
        row.refKeys = refs.map(anyTenantKeyV4);
      });
  },
};
