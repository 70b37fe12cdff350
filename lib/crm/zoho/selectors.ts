/**
 * Zoho CRM (NextGen UI, Lyte/Crux custom elements, light DOM) selector registry.
 * Root: `document` (the detail view re-renders in place after a URL change; list views are
 * `crux-table-component`s). Ordered candidates: first = current DOM, later = alternatives.
 * Evidence: docs/crm/zoho.md §DOM (userscripts and extensions that read these pages).
 */
import type { SelectorRegistry } from '../types';

export const ZOHO_SELECTORS = {
  /** Record name in the detail header. */
  'record.title': [
    // 2026-11: anki-boi/userscript-showcase "Zoho CRM Context Extractor" (docs/crm/zoho.md §DOM)
    '.entityNameContent',
    // 2026-11: same source, the `data-zcqa` test hook
    '[data-zcqa="entityName"]',
    // 2026-11: same source, the header wrapper (older NextGen builds)
    '.cxEntityHeaderTitle',
  ],
  /** Email field value of a contact (field values live in `span.cxElemCompViewWrap`). */
  'record.email': [
    // 2026-11: [guess] per-field `data-zcqa="detailView_<Field>"` hook, as on list/related rows
    '[data-zcqa="detailView_Email"] a[href^="mailto:"]',
    // 2026-11: field value wrapper from "Zoho CRM Patient Quick Copy" (docs/crm/zoho.md §DOM)
    'span.cxElemCompViewWrap a[href^="mailto:"]',
  ],
  /** Website field value of an account. */
  'record.website': [
    // 2026-11: [guess] per-field hook, see record.email
    '[data-zcqa="detailView_Website"] a[href]',
    // 2026-11: field value wrapper (docs/crm/zoho.md §DOM); website values open in a new tab
    'span.cxElemCompViewWrap a[target="_blank"][href^="http"]',
  ],
  /** Data rows of a list view (header row is `lyte-exptable-tr#listviewHeaderRow`). */
  'list.row': [
    // 2026-11: gaurharsh/zoho_crm_extractor_assignment content/extractor.js (docs/crm/zoho.md §DOM)
    'crux-table-component lyte-exptable-tr[data-zcqa="detailView"]',
    // 2026-11: list template `cx-prop-row-zcqa="detailView"` with plain lyte rows (docs/crm/zoho.md §DOM)
    'crux-table-component lyte-tr[data-zcqa="detailView"]',
  ],
  /** Record link inside a row (whether rows carry anchors is unverified: ids also come from attributes). */
  'list.recordLink': [
    // 2026-11: [guess] record anchors use the record URL form of docs/crm/zoho.md §URLs
    'a[href*="/tab/"]',
  ],
  /** Cells of a row; the name cell is the chip's mount when no link is present. */
  'list.cell': [
    // 2026-11: gaurharsh content/extractor.js (docs/crm/zoho.md §DOM)
    'lyte-exptable-td',
    'lyte-td',
  ],
} as const satisfies SelectorRegistry;
