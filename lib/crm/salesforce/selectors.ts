/**
 * Salesforce Lightning selector registry. Root: the visible page host — Lightning keeps
 * earlier pages hidden in the DOM (`div.windowViewMode-normal.active` in standard apps,
 * `section.oneConsoleTab … .active` in console apps). LWC synthetic shadow is plain DOM to
 * a content script; native shadow roots are searched by lib/dom/query.ts.
 * Evidence: docs/crm/salesforce.md §DOM.
 */
import type { SelectorRegistry } from '../types';

export const SALESFORCE_SELECTORS = {
  /** The live page host (cached pages stay in the DOM without `.active`): console or standard app, both current. */
  'page.active': [
    // 2026-11: SFIR addon/button.js l.300 — console apps, standard apps
    'section.oneConsoleTab div.windowViewMode-maximized.active, div.windowViewMode-normal.active',
  ],
  /** Record name in the highlights panel (formatted text for Account / Opportunity, formatted name for Contact / Lead). */
  'record.title': [
    // 2026-11: docs/crm/salesforce.md §DOM — the highlights panel's primary field
    'records-highlights2 lightning-formatted-text[slot="primaryField"], records-highlights2 lightning-formatted-name[slot="primaryField"]',
    // 2026-11: Toggl fallback through the page header
    '.slds-page-header__title lightning-formatted-text, .slds-page-header__title lightning-formatted-name',
    // 2026-11: older Aura header
    'h1.slds-page-header__title',
  ],
  /** Email value (Contact / Lead). */
  'record.email': [
    // 2026-11: lightning-formatted-email renders a mailto link
    'lightning-formatted-email a[href^="mailto:"]',
    'a[href^="mailto:"]',
  ],
  /** Website value (Account). */
  'record.website': [
    // 2026-11: lightning-formatted-url renders the link
    'records-record-layout-item[field-label="Website"] lightning-formatted-url a[href]',
    'lightning-formatted-url a[href^="http"]',
  ],
  /** Rows of an LWC list view (`lightning-datatable`), or Aura list rows. */
  'list.row': [
    // 2026-11: docs/crm/salesforce.md §DOM — LWC list views
    'lightning-list-view-table tbody tr[data-row-key-value]',
    'lightning-datatable tbody tr[data-row-key-value]',
    // 2026-11: Aura list views
    '.forceListViewManager tbody tr',
  ],
  /** The record link inside a row. */
  'list.recordLink': [
    // 2026-11: docs/crm/salesforce.md §DOM — name link in the row header cell
    'th[scope="row"] a[href*="/lightning/r/"]',
    'a[data-recordid]',
  ],
} as const satisfies SelectorRegistry;
