/**
 * Playwright fixtures: the built extension (.output/chrome-mv3) loaded into the system
 * Chromium, its id, and helpers to serve CRM fixture pages at the real CRM URLs.
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import path from 'node:path';
import { existsSync } from 'node:fs';

export const EXTENSION_DIR = path.resolve(process.env.RAPPORT_EXT_DIR ?? '.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchWithExtension(dir = EXTENSION_DIR, opts: { headless?: boolean; userDataDir?: string } = {}): Promise<BrowserContext> {
  if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`No built extension at ${dir}: run \`npm run build\` first.`);
  const headless = opts.headless ?? true;
  return chromium.launchPersistentContext(opts.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport: { width: 1280, height: 800 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const sw = await serviceWorkerOf(context);
  return new URL(sw.url()).host;
}

/** Serve `body` as text/html for every URL matching `pattern` (a real CRM URL glob). */
export async function serveHtml(context: BrowserContext, pattern: string, body: string | ((url: URL) => string)): Promise<void> {
  await context.route(pattern, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: typeof body === 'string' ? body : body(new URL(route.request().url())),
    }),
  );
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  extensionPage: (name: 'popup' | 'sidepanel' | 'options', query?: string) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  context: async ({}, use) => {
    const context = await launchWithExtension();
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  extensionPage: async ({ context, extensionId }, use) => {
    await use(async (name, query = '') => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${name}.html${query}`);
      return page;
    });
  },
});

export const expect = test.expect;
