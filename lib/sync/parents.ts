/**
 * The account a related record (contact, deal…) belongs to, for activities and cases that point
 * at one (Zoho's `What_Id`, Dynamics' polymorphic `regardingobjectid`): parents read earlier in
 * the pass are remembered, others fetched once each; a parent that is gone or hidden resolves to
 * none, so the record is not synced rather than filed under a wrong customer.
 */
import { ConnectorError } from './types';

/** Looks up the account a record belongs to; undefined when it has none (or it is gone). */
export type ParentFetch = (id: string) => Promise<string | undefined>;

export class ParentIndex {
  private known = new Map<string, string | null>();

  /** `accountTable`: the name refs to an account itself carry; `fetchers`: per other table. */
  constructor(
    private readonly accountTable: string,
    private readonly fetchers: Readonly<Record<string, ParentFetch>>,
  ) {}

  note(table: string, id: string, account: string | undefined): void {
    this.known.set(`${table}:${id}`, account ?? null);
  }

  /** Fetch the parents of the refs not known yet (a deleted or hidden parent resolves to none). */
  async prefetch(refs: readonly ({ table: string; id: string } | undefined)[]): Promise<void> {
    for (const ref of refs) {
      const fetch = ref && this.fetchers[ref.table];
      if (!ref || !fetch || this.known.has(`${ref.table}:${ref.id}`)) continue;
      try {
        this.known.set(`${ref.table}:${ref.id}`, (await fetch(ref.id)) ?? null);
      } catch (e) {
        if (!(e instanceof ConnectorError) || (e.code !== 'not-found' && e.code !== 'forbidden')) throw e;
        this.known.set(`${ref.table}:${ref.id}`, null);
      }
    }
  }

  accountOf(ref: { table: string; id: string } | undefined): string | undefined {
    if (!ref) return undefined;
    if (ref.table === this.accountTable) return ref.id;
    return this.known.get(`${ref.table}:${ref.id}`) ?? undefined;
  }
}
