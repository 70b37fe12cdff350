/**
 * What the background remembers per CRM tab: the record the tab's content script last resolved
 * (from the sender's URL, never from the page), the customer it resolved to (an exact match of
 * this tenant) and the customers the link picker offered it. Content-script actions act only
 * on these; the card iframe reads the binding of its tab's top frame. Kept in memory: a restarted
 * background has no bindings, and the content script resolves again (its requests carry the record).
 */
import type { CrmId, ObjectType } from '../schemas/enums';

export interface TabRecord {
  crm: CrmId;
  /** The CRM book's tenant of the sender URL (`tenantOf`); null when the URL does not say. */
  tenant: string | null;
  objectType: ObjectType;
  id: string;
}

export interface TabBinding {
  /** The sender URL the record was read from (a later URL of the same record keeps the binding). */
  url: string;
  record: TabRecord;
  /** The customer of an exact match of this tenant; absent while the record is not linked. */
  customerId?: string;
  /** What the page showed (name, email, domain): only ever used to suggest link candidates. */
  hints: { name?: string; email?: string; domain?: string };
  /** Customer ids the link picker offered this tab; a link from the tab must name one of them. */
  offered: Set<string>;
}

/** Frame 0 is the tab's top frame: where the content script runs and whose record the card shows. */
export const TOP_FRAME = 0;
const MAX_TABS = 500;

export const sameRecord = (a: TabRecord, b: TabRecord): boolean => a.crm === b.crm && a.tenant === b.tenant && a.objectType === b.objectType && a.id === b.id;

export class TabBindings {
  private readonly map = new Map<string, TabBinding>();

  private static key(tabId: number, frameId: number): string {
    return `${tabId}:${frameId}`;
  }

  get(tabId: number, frameId: number): TabBinding | undefined {
    return this.map.get(TabBindings.key(tabId, frameId));
  }

  set(tabId: number, frameId: number, binding: TabBinding): void {
    const key = TabBindings.key(tabId, frameId);
    this.map.delete(key);
    this.map.set(key, binding);
    // Tabs close without telling the background (no tabs permission): forget the oldest.
    while (this.map.size > MAX_TABS) this.map.delete(this.map.keys().next().value!);
  }

  delete(tabId: number, frameId: number): void {
    this.map.delete(TabBindings.key(tabId, frameId));
  }

  get size(): number {
    return this.map.size;
  }
}
