/**
 * The contract every CRM adapter fulfils. Adapters are data-heavy and logic-light: URL
 * parsing, ordered fallback selectors, record-ref extraction. They never touch storage or
 * messaging and hold no state, so they are tested against committed fixture pages.
 */
import type { CrmId, ObjectType } from '../schemas/values';

export type PageInfo = { kind: 'record'; objectType: ObjectType; recordId: string } | { kind: 'list'; objectType: ObjectType } | { kind: 'other' };

export type RecordPage = Extract<PageInfo, { kind: 'record' }>;
export type ListPage = Extract<PageInfo, { kind: 'list' }>;

/** What the page tells us about the record on screen (never sent anywhere but our background). */
export interface RecordRef {
  crm: CrmId;
  objectType: ObjectType;
  recordId: string;
  name?: string;
  email?: string;
  domain?: string;
}

/**
 * Selector registry: keys `'area.element'`, values ordered candidates (first = current DOM,
 * later = older/alternative layouts). Every key has a fixture test in tests/dom/.
 */
export type SelectorRegistry = Record<string, readonly string[]>;

export interface ListRow {
  /** The row element (a `tr`, `[role=row]`, card…), used for visibility and keying. */
  row: Element;
  recordId: string;
  /** Where to append the chip inside the row (usually the name cell/link's parent). */
  mount: Element;
}

export interface CrmAdapter {
  id: CrmId;
  /** Manifest match patterns for the CRM's own hosts (custom domains come from settings). */
  matches: readonly string[];
  /** True when a hostname belongs to this CRM (post-filter of broad match patterns). */
  isHost(hostname: string): boolean;
  /** Classify a URL: record (with object type and id), list, or other. Pure. */
  parseUrl(url: URL): PageInfo;
  selectors: SelectorRegistry;
  /** The form an id is stored in, when the CRM shows several (Salesforce 15 → 18 characters). */
  canonicalId?(id: string): string;
  /**
   * The element the record badge row is inserted after (usually the record title), or null
   * when the page has not rendered it (yet) — the overlay then waits, then floats.
   */
  findTitle(root: ParentNode, page: RecordPage): Element | null;
  /** Read name / email / domain shown on the record page (text only, trimmed). */
  readRecord(root: ParentNode, page: RecordPage): RecordRef;
  /** The visible rows of a list view, each with its record id. */
  listRows(root: ParentNode, page: ListPage): ListRow[];
}
