/**
 * Every tier and risk chip reads at 4.5:1 or better (WCAG AA for text) against each surface it is
 * drawn on, in the light and the dark theme: the pages' chips (components/common/base.css: chip
 * text in the chip colour on the page, panel and raised surfaces) and the CRM overlay's chips
 * (lib/overlay/palette.css: chip colour on the chip background and on the card).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The custom properties declared in the first block whose selector matches `selector`. */
function vars(file: string, selector: string): Record<string, string> {
  const css = readFileSync(path.resolve(file), 'utf8');
  const at = css.indexOf(`${selector} {`);
  if (at < 0) throw new Error(`${selector} not in ${file}`);
  const body = css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

export const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

const PAGE_CHIPS = ['tier-platinum', 'tier-gold', 'tier-iron', 'tier-lead', 'risk-low', 'risk-medium', 'risk-high'].map((n) => `--r-${n}`);
const PAGE_SURFACES = ['--r-bg', '--r-surface', '--r-surface-2'];
const OVERLAY_CHIPS = ['--platinum', '--gold', '--iron', '--lead', '--low', '--medium', '--high'];
const OVERLAY_SURFACES = ['--chip', '--bg'];

const cases = (file: string, selectors: [string, string][], chips: string[], surfaces: string[]) =>
  selectors.flatMap(([theme, sel]) => {
    const v = vars(file, sel);
    return chips.flatMap((c) => surfaces.map((s) => [`${file} ${theme} ${c} on ${s}`, v[c]!, v[s]!] as const));
  });

const ALL = [
  ...cases(
    'components/common/base.css',
    [
      ['light', ':root'],
      ['dark', "html[data-theme='dark']"],
    ],
    PAGE_CHIPS,
    PAGE_SURFACES,
  ),
  ...cases(
    'lib/overlay/palette.css',
    [
      ['light', ':host'],
      ['dark', ":host([data-theme='dark'])"],
    ],
    OVERLAY_CHIPS,
    OVERLAY_SURFACES,
  ),
];

describe('chip contrast', () => {
  it('computes WCAG ratios (black on white is 21:1, a colour on itself 1:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#2458d3', '#2458d3')).toBe(1);
  });

  it('finds every colour it checks', () => {
    expect(ALL).toHaveLength(2 * 7 * 3 + 2 * 7 * 2);
    for (const [name, fg, bg] of ALL) expect([name, fg, bg]).toEqual([name, expect.stringMatching(/^#/), expect.stringMatching(/^#/)]);
  });

  it.each(ALL)('%s is at least 4.5:1', (_name, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
});
