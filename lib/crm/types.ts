/**
 * A CRM in `lib/crm/<crm>/` has two halves. Its descriptor (descriptor.ts, listed in
 * registry.ts) is what the content script needs: hosts, URL forms, ordered fallback
 * selectors, record-ref extraction. Its book (book.ts, listed in books.ts) is the rest. Both are
 * data-heavy and logic-light, never touch storage or messaging and hold no state, so they are
 * tested against committed fixture pages (tests/dom/).
 */
import type { SelectorRegistry } from '../dom/query';
import type { ImportPreset } from '../import/columns';
import type { StoryId } from '../sample/stories';
import type { CrmId, ObjectType } from '../schemas/values';

export type { SelectorRegistry };

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

export interface ListRow {
  /** The row element (a `tr`, `[role=row]`, card…), used for visibility and keying. */
  row: Element;
  recordId: string;
  /** Where to append the chip inside the row (usually the name cell/link's parent). */
  mount: Element;
}

/** What a CRM tab's URL tells us about how to address records in that CRM. */
export interface CrmBase {
  /** `https://host` (with port when not default). */
  origin: string;
  /** HubSpot portal id, Zoho org path segment (`org123` or an alias), Dynamics `appid`. */
  part?: string;
}

export interface CrmDescriptor<Id extends string = CrmId> {
  id: Id;
  /**
   * The CRM's own web hosts (`*.` = any subdomain); the manifest's match patterns are
   * `https://<host>/*`. Custom domains come from settings.
   */
  hosts: readonly string[];
  /** True when a hostname belongs to this CRM: one of `hosts` (onHosts), narrowed where a pattern is broad. */
  isHost(hostname: string): boolean;
  /** Classify a URL: record (with object type and id), list, or other. Pure. */
  parseUrl(url: URL): PageInfo;
  /** The form an id is stored in, when the CRM shows several (Salesforce 15 → 18 characters). */
  canonicalId?(id: string): string;
  /** Ordered fallback selectors per element; every key has fixture counts in tests/dom/. */
  selectors: SelectorRegistry;
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

/**
 * The extension side of a CRM (lib/crm/<crm>/book.ts, registered in lib/crm/books.ts): what the
 * background, extension pages and tools need and the content script does not — its name, tenants, links
 * to its records and how to learn them from tab URLs, the headers of its exports, the sample
 * book's ids, the demo tenant. Kept apart so the content script, which loads on every CRM page,
 * stays small.
 */
export interface CrmBook {
  /** The product's name as the vendor writes it (not translated). */
  name: string;
  /**
   * The tenant a page of this CRM belongs to (org host, portal, org id…), the same for every
   * URL form of that tenant; null when the URL does not say. Derived where URLs are trusted
   * (the background reads the sender's URL, the side panel its tabs'), so the content script
   * never needs it.
   */
  tenantOf(url: URL): string | null;
  /** How to address records, learnt from one of the CRM's tab URLs (null when it cannot be learnt). */
  learnBase(url: URL): CrmBase | null;
  /** The record's page in the CRM ("Open in CRM"), or null when the base is unknown or the object has no page we know. */
  recordUrl(ref: { objectType: ObjectType; id: string }, base: CrmBase | undefined): string | null;
  /** Header aliases of the CRM's CSV/XLSX exports, per import kind (`all`: every kind); Chinese headers included. */
  importPreset: ImportPreset;
  sample: {
    /** Account-level record id of each story customer, exactly as the CRM's URL shows it. */
    stories: Readonly<Record<StoryId, string>>;
    /** A record in no sample customer's refs: overlays must offer to track it. */
    unknown: string;
    /** The record id of the index-th generated sample customer, in the CRM's own format (`draw`: seeded random characters). */
    recordId(index: number, draw: (alphabet: string, length: number) => string): string;
  };
  /** A list view at the demo tenant: the demo learns the tenant's base from it and opens record pages beside it. */
  demoListUrl: string;
}
