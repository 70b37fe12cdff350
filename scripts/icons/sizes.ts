/** Icon sizes the packages ship, and which drawing each is rendered from (see render.ts). */

/** 16/32/48/128 for Chrome (toolbar, extensions page, store); 96 for Firefox's add-ons manager. */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
export type IconSize = (typeof ICON_SIZES)[number];

export type IconSource = 'rapport.svg' | 'rapport-small.svg';

/** Toolbar sizes use the simplified drawing: at 16–32 px the pulse line would blur into the tiers. */
export const iconSource = (size: IconSize): IconSource => (size <= 32 ? 'rapport-small.svg' : 'rapport.svg');

/**
 * Transparent margin around the artwork: Chrome's store guidance draws the 128 px icon at
 * 96 × 96 with 16 px of padding per side; the other sizes fill their square.
 */
export const iconPadding = (size: IconSize): number => (size === 128 ? 16 : 0);

/** Written next to the SVGs by render.ts: the SHA-256 of each source the PNGs came from. */
export const RENDERED_FROM = 'rendered-from.json';
