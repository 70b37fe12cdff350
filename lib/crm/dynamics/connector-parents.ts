/**
 * The account a Dynamics record belongs to. Activities and cases point at an account, a contact
 * or an opportunity (polymorphic lookups); contacts and opportunities read earlier in the pass
 * are remembered, others are fetched once each (the parent column only).
 */
import { ConnectorError } from '../../sync/types';
import type { Dataverse } from './connector-http';
import { lookup, type Row } from './connector-map';

type Ref = { table: string; id: string };

export const accountOfContact = (r: Row): string | undefined => {
  const p = lookup(r, 'parentcustomerid');
  return p?.table === 'account' ? p.id : undefined;
};

export const accountOfOpportunity = (r: Row): string | undefined => {
  const c = lookup(r, 'customerid');
  return lookup(r, 'parentaccountid')?.id ?? (c?.table === 'account' ? c.id : undefined);
};

const FETCH: Record<string, { path: (id: string) => string; account: (r: Row) => string | undefined }> = {
  contact: { path: (id) => `contacts(${id})?$select=_parentcustomerid_value`, account: accountOfContact },
  opportunity: { path: (id) => `opportunities(${id})?$select=_parentaccountid_value,_customerid_value`, account: accountOfOpportunity },
};

export class AccountResolver {
  private known = new Map<string, string | null>();

  constructor(private readonly api: Dataverse) {}

  /** Remember a contact's or opportunity's account (null: it has none). */
  note(table: 'contact' | 'opportunity', id: string, account: string | undefined): void {
    this.known.set(`${table}:${id}`, account ?? null);
  }

  /** Fetch the parents of the refs not known yet (a deleted or hidden parent resolves to none). */
  async prefetch(refs: readonly (Ref | undefined)[]): Promise<void> {
    for (const ref of refs) {
      const how = ref && FETCH[ref.table];
      if (!ref || !how || this.known.has(`${ref.table}:${ref.id}`)) continue;
      try {
        this.known.set(`${ref.table}:${ref.id}`, how.account(await this.api.get<Row>(how.path(ref.id))) ?? null);
      } catch (e) {
        if (!(e instanceof ConnectorError) || (e.code !== 'not-found' && e.code !== 'forbidden')) throw e;
        this.known.set(`${ref.table}:${ref.id}`, null);
      }
    }
  }

  /** The account id a ref resolves to, if any. */
  accountOf(ref: Ref | undefined): string | undefined {
    if (!ref) return undefined;
    if (ref.table === 'account') return ref.id;
    return this.known.get(`${ref.table}:${ref.id}`) ?? undefined;
  }
}
