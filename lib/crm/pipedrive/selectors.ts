/**
 * Pipedrive selector registry. Root: `document`. Pipedrive keeps previously visited views in
 * the DOM as `.viewContainer`s hidden with an inline `display: none` (docs/crm/pipedrive.md §DOM): every
 * lookup is filtered to the visible one. Component class names are build hashes; prefer
 * `data-testid`/`data-test`. Evidence: docs/crm/pipedrive.md §DOM (Clockify 2026, RingCentral 2022).
 */
import type { SelectorRegistry } from '../types';

export const PIPEDRIVE_SELECTORS = {
  /** A view (record detail, list); hidden cached ones carry `style="display: none"`. */
  'view.container': [
    // 2026-11: RingCentral src/features/contacts.js `.viewContainer:not([style*="none"])` (docs/crm/pipedrive.md §DOM)
    '.viewContainer',
  ],
  /** Record name in the detail header (deal, person and organization views). */
  'record.title': [
    // 2026-11: Clockify integrations/selectors.json "pipedrive": header title, name in the editable text
    '[data-testid="header-title"] .cui5-editable-text__input',
    '[data-testid="header-title"]',
    // 2026-11: RingCentral (2022) person detail info block heading [guess for the heading tag]
    '.detailView .infoBlock h1',
  ],
  /** Email of a person (links are mailto:). */
  'record.email': [
    // 2026-11: [guess] field test id, by analogy with `[data-test="phone-number-button"]` (RingCentral)
    '[data-test="email-link"]',
    '.detailView a[href^="mailto:"]',
  ],
  /** Website of an organization. */
  'record.website': [
    // 2026-11: [guess] field test id
    '[data-test="website-link"]',
    '.detailView a[target="_blank"][href^="http"]',
  ],
  /** Data rows of the list grid. */
  'list.row': [
    // 2026-11: RingCentral (2022) `.gridContent--scrollable .gridContent__table tbody tr` (docs/crm/pipedrive.md §DOM)
    '.gridContent--scrollable .gridContent__table tbody tr',
    '.gridContent__table tbody tr',
  ],
  /** Record links inside a row, one key per object type (a deal row also links its org and person). */
  'list.organizationLink': ['a[href*="/organization/"]'],
  'list.personLink': ['a[href*="/person/"]'],
  'list.dealLink': ['a[href*="/deal/"]'],
  /** Grid cells (`data-field="person.phone"` etc., RingCentral). */
  'list.cell': ['td[data-field]', 'td'],
} as const satisfies SelectorRegistry;
