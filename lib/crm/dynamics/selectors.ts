/**
 * Dynamics 365 Unified Interface (model-driven apps) selector registry.
 * Root: `document`; a multi-session workspace holds one form per session, only the active one
 * rendered. Ordered candidates: first = current DOM, later = older layouts.
 * Evidence: docs/crm/dynamics.md §DOM (Microsoft EasyRepro, Level Up, Toggl).
 */
import type { SelectorRegistry } from '../types';

export const DYNAMICS_SELECTORS = {
  /** The record form root (one per open session in multi-session apps). */
  'record.form': [
    // 2026-11: EasyRepro AppElementReference.cs l.426–501 `//*[@data-id='editFormRoot']` (docs/crm/dynamics.md §DOM)
    '[data-id="editFormRoot"]',
    // 2026-11: Level Up form check, issue #75 (2019)
    '#editFormRoot',
  ],
  /** Record name: an h1 on main forms, an h2 in quick-create/pop-ups. */
  'record.title': [
    // 2026-11: EasyRepro `//*[@data-id='header_title']` (docs/crm/dynamics.md §DOM)
    'h1[data-id="header_title"]',
    '[data-id="header_title"]',
    // 2026-11: Toggl src/content/dynamics-365.js
    '#headerContainer h1',
  ],
  /** Email field control (contact `emailaddress1`; account forms may show it too). */
  'record.email': [
    // 2026-11: Level Up utils.ts l.474–486 `[data-id="<attr>.fieldControl-…"]` naming; mail control [guess]
    '[data-id="emailaddress1.fieldControl-mail-text-input"]',
    '[data-id="emailaddress1.fieldControl-text-box-text"]',
  ],
  /** Website field control (account `websiteurl`). */
  'record.website': [
    // 2026-11: same naming scheme; URL control [guess]
    '[data-id="websiteurl.fieldControl-url-text-input"]',
    '[data-id="websiteurl.fieldControl-text-box-text"]',
  ],
  /** Data rows of the main grid (the centre container: pinned columns repeat each row elsewhere). */
  'list.row': [
    // 2026-11: EasyRepro, Power Apps grid (OneGrid)
    '[data-id="entity_control-powerapps_onegrid_control_container"] .ag-center-cols-container [role="row"]',
    // 2026-11: EasyRepro, read-only PCF grid; main list container (docs/crm/dynamics.md §DOM)
    '[data-id="grid-container"] .ag-center-cols-container [role="row"]',
    '[data-id="entity_control-pcf_grid_control_container"] [role="row"][row-index]',
  ],
  /** The record link in the primary-name cell. */
  'list.recordLink': [
    // 2026-11: name cell `a[role="link"]` (docs/crm/dynamics.md §DOM); full record href unverified
    'a[role="link"][href*="pagetype=entityrecord"]',
    'a[href*="pagetype=entityrecord"]',
  ],
  /** Grid cells (`col-id` = attribute logical name). */
  'list.cell': [
    // 2026-11: EasyRepro `div[@role='gridcell']`; ag-grid `col-id`
    '[role="gridcell"][col-id]',
    '[role="gridcell"]',
  ],
} as const satisfies SelectorRegistry;
