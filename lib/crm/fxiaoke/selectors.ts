/**
 * Fxiaoke 纷享销客 selector registry. Root: `document`. Evidence is thin (docs/crm/fxiaoke.md §DOM:
 * one public automation script reading the web app): field blocks `.faci-field-display` with
 * `data-apiname`, `_label`/`_value` parts; list rows `tr[data-id]`/`tr[data-row-key]` with
 * `td-<fieldApiName>` cells. The detail header element is unknown: its candidates are guesses,
 * backed by the record's own `name` field block.
 */
import type { SelectorRegistry } from '../types';

export const FXIAOKE_SELECTORS = {
  /** Record name. */
  'record.title': [
    // 2026-11: [guess] detail header name (title element unknown, docs/crm/fxiaoke.md §DOM)
    '.crm-d-header .crm-d-name',
    // 2026-11: the `name` field block (`.faci-field-display[data-apiname]`, docs/crm/fxiaoke.md §DOM)
    '.faci-field-display[data-apiname="name"] .faci-field-display_value',
  ],
  /** Email of a contact (ContactObj `email` field; API name [guess]). */
  'record.email': [
    // 2026-11: field block pattern from docs/crm/fxiaoke.md §DOM
    '.faci-field-display[data-apiname="email"] .faci-field-display_value',
  ],
  /** Website of an account (AccountObj `url` field, 网址; API name [guess]). */
  'record.website': [
    // 2026-11: field block pattern from docs/crm/fxiaoke.md §DOM
    '.faci-field-display[data-apiname="url"] .faci-field-display_value',
  ],
  /** List data rows carrying the record id. */
  'list.row': [
    // 2026-11: docs/crm/fxiaoke.md §DOM `tr[data-id]` / `tr[data-row-key]`
    'tr[data-id]',
    'tr[data-row-key]',
  ],
  /** The name cell (`td-<fieldApiName>`), where row chips go. */
  'list.nameCell': [
    // 2026-11: docs/crm/fxiaoke.md §DOM cell classes `td-<fieldApiName>`
    'td.td-name',
  ],
  /** Any cell: the chip's mount when a row has no name cell. */
  'list.cell': ['td'],
} as const satisfies SelectorRegistry;
