/**
 * HubSpot selector registry. Root: `document`. HubSpot styles with hashed class names, so
 * only `data-test-id` / `data-selenium-test` hooks are used. Hidden tab contents stay in the
 * DOM: pick the visible match. Evidence: docs/crm/hubspot.md §DOM.
 */
import type { SelectorRegistry } from '../types';

export const HUBSPOT_SELECTORS = {
  /** Record name in the highlight card. */
  'record.title': [
    // 2026-01: Toggl e46c3b16 — OBJECT_HIGHLIGHT card
    '[data-card-type="OBJECT_HIGHLIGHT"] [data-selenium-test="highlightTitle"]',
    // 2024: Toggl / Clockify — bare title hook
    '[data-selenium-test="highlightTitle"]',
    // 2022: Toggl description fallback
    'div[data-selenium-test$="-highlight-details"] h3',
  ],
  /** Email shown in the highlight card (contacts). */
  'record.email': [
    // 2026-11: [guess] highlight details render the primary email as a mailto link
    '[data-selenium-test$="-highlight-details"] a[href^="mailto:"]',
    '[data-test-id="record-highlight-main-content"] a[href^="mailto:"]',
  ],
  /** Company domain shown in the highlight card (companies). */
  'record.domain': [
    // 2026-11: [guess] company highlight details show the domain as an external link
    '[data-selenium-test="company-highlight-details"] a[href^="http"]',
    '[data-test-id="record-highlight-main-content"] a[href^="http"]',
  ],
  /** Rows of an index table. */
  'list.row': [
    // 2024-09: Toggl PR #2341 — name cells carry data-table-external-id
    '[data-test-id="table"] tbody tr',
    // 2022: RingCentral tooltip-click2call
    'table.table tbody tr',
  ],
  /** The cell holding the record link, where the row chip goes. */
  'list.nameCell': [
    // 2024-09: Toggl PR #2341
    'td[data-table-external-id*="name-"]',
    'td',
  ],
  /** The record link inside a row. */
  'list.recordLink': [
    // 2026-11: docs/crm/hubspot.md §DOM — match hrefs against HS_RECORD / HS_LEGACY
    'a[href*="/record/"]',
    'a[href*="/company/"], a[href*="/contact/"], a[href*="/deal/"]',
  ],
} as const satisfies SelectorRegistry;
