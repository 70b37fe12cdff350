/**
 * Styles inside the overlay's shadow roots. `:host { all: initial }` stops the CRM's CSS from
 * leaking in; px units only (CRMs change the root font size); light and dark palettes follow
 * the CRM page's own background (data-theme on the host) rather than the OS alone. Written as
 * CSS files, imported as strings (minified in the build).
 */
import chip from './chip.css?inline';
import palette from './palette.css?inline';
import record from './record.css?inline';

export const RECORD_CSS = palette + record;
export const CHIP_CSS = palette + chip;
