import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconPadding, RENDERED_FROM } from '../../../scripts/icons/sizes';
import { CHROME, FIREFOX, manifestFor } from './manifest-config';

const file = (p: string): string => new URL(`../../../${p}`, import.meta.url).pathname;

/** Width, height and the RGBA pixel at (x, y) of an 8-bit RGBA, non-interlaced PNG (what Chromium writes). */
function readPng(bytes: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let pos = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (pos < bytes.length) {
    const len = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    const data = bytes.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]); // 8-bit, RGBA, not interlaced
    }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    const prev = rows[y - 1];
    for (let i = 0; i < stride; i++) {
      const a = i >= 4 ? line[i - 4]! : 0;
      const b = prev ? prev[i]! : 0;
      const c = prev && i >= 4 ? prev[i - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const add = [0, a, b, (a + b) >> 1, paeth][filter];
      if (add === undefined) throw new Error(`icon PNG: unknown row filter ${filter} on row ${y}`);
      line[i] = (line[i]! + add) & 0xff;
    }
    rows.push(line);
  }
  return { width, height, pixel: (x, y) => [...rows[y]!.subarray(x * 4, x * 4 + 4)] };
}

describe('icons', () => {
  it.each(ICON_SIZES)('public/icon/%i.png is that size: transparent outside the tile, the opaque mark inside', (size) => {
    const png = readPng(readFileSync(file(`public/icon/${size}.png`)));
    expect([png.width, png.height]).toEqual([size, size]);
    expect(png.pixel(0, 0)[3]).toBeLessThan(32); // rounded corner (anti-aliased at 16 px)
    expect(png.pixel(size >> 1, size >> 1)[3]).toBe(255);
    // The 128 px icon keeps Chrome's 16 px transparent margin; the others fill their square.
    const pad = iconPadding(size);
    if (pad > 0) expect(png.pixel(size >> 1, pad - 1)[3]).toBe(0);
    expect(png.pixel(size >> 1, pad + Math.ceil((size - 2 * pad) * 0.08))[3]).toBe(255); // the tile's top edge
  });

  it('every icon the manifests name exists', async () => {
    for (const target of [CHROME, FIREFOX]) {
      const m = (await manifestFor(target)) as {
        icons?: Record<string, string>;
        action?: { default_icon?: Record<string, string> };
        browser_action?: { default_icon?: Record<string, string> };
      };
      const named = { ...m.icons, ...(m.action ?? m.browser_action)?.default_icon };
      expect(Object.keys(named).length).toBeGreaterThanOrEqual(4);
      for (const [size, path] of Object.entries(named)) expect(readPng(readFileSync(file(`public/${path}`))).width).toBe(Number(size));
    }
  });

  it('the PNGs were rendered from the SVGs as they are now (run `npm run icons` after editing one)', () => {
    const recorded = JSON.parse(readFileSync(file(`scripts/icons/${RENDERED_FROM}`), 'utf8')) as Record<string, string>;
    expect(Object.keys(recorded).sort()).toEqual(['rapport-small.svg', 'rapport.svg']);
    for (const [svg, sha] of Object.entries(recorded)) {
      expect(
        createHash('sha256')
          .update(readFileSync(file(`scripts/icons/${svg}`), 'utf8'))
          .digest('hex'),
        svg,
      ).toBe(sha);
    }
  });
});
