/**
 * `npm run icons`: renders the Rapport mark (scripts/icons/rapport.svg, and rapport-small.svg
 * for the toolbar sizes, where the pulse line would blur) to public/icon/<size>.png with the
 * headless Chromium the tests already use (CHROMIUM_PATH, default /usr/bin/chromium), and
 * records the sources' SHA-256 in rendered-from.json so a unit test notices an SVG edited
 * without re-rendering. The PNGs are committed: builds never need a browser to get icons.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ICON_SIZES, iconPadding, iconSource, RENDERED_FROM, type IconSource } from './sizes';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const OUT_DIR = here('../../public/icon/');

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

async function main(): Promise<void> {
  const sources = Object.fromEntries(
    await Promise.all((['rapport.svg', 'rapport-small.svg'] as const).map(async (f) => [f, await readFile(here(`./${f}`), 'utf8')] as const)),
  ) as Record<IconSource, string>;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    await mkdir(OUT_DIR, { recursive: true });
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const svg = sources[iconSource(size)];
      // The SVG is our own file, drawn as an <img> so it cannot run anything.
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      const pad = iconPadding(size);
      await page.setContent(
        `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block;margin:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px}</style><img src="${src}">`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await writeFile(`${OUT_DIR}${size}.png`, png);
      await page.close();
      console.log(`public/icon/${size}.png ← ${iconSource(size)}`);
    }
  } finally {
    await browser.close();
  }
  const record = Object.fromEntries(Object.entries(sources).map(([f, text]) => [f, sha256(text)]));
  await writeFile(here(`./${RENDERED_FROM}`), `${JSON.stringify(record, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
