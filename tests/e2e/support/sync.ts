/**
 * Helpers for the sync e2e specs: the e2e build (`RAPPORT_E2E_API_HOSTS=1 WXT_OUT_DIR=.output-e2e
 * npx wxt build`: the CRM API hosts and `cookies` granted at install, since a headless browser
 * cannot answer the permission prompt), one browser per spec file, the options page's
 * connection card, and messages sent from an extension page.
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { CrmId } from '../../../lib/schemas/values';
import type { MockHandler } from '../../mocks/harness';
import { expect, extensionIdOf, launchWithExtension, test as base } from './extension';

export const E2E_EXTENSION_DIR = path.resolve(process.env.RAPPORT_E2E_EXT_DIR ?? '.output-e2e/chrome-mv3');

type Chrome = { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> }; tabs: { query: (q: { url: string }) => Promise<{ id?: number }[]> } } };

export interface SyncWorld {
  context: BrowserContext;
  extensionId: string;
  /** An options page kept open for the whole file. */
  options: Page;
}

/** One browser per spec file; `setup` routes the CRM's API to its mock before any page opens. */
export function syncTest(setup: (context: BrowserContext) => Promise<unknown>) {
  return base.extend<object, { world: SyncWorld }>({
    world: [
      async ({}, use) => {
        const context = await launchWithExtension(E2E_EXTENSION_DIR);
        await setup(context);
        const extensionId = await extensionIdOf(context);
        const options = await context.newPage();
        await options.goto(`chrome-extension://${extensionId}/options.html`);
        await use({ context, extensionId, options });
        await context.close();
      },
      { scope: 'worker', timeout: 120_000 },
    ],
  });
}

export const card = (options: Page, crm: CrmId): Locator => options.locator(`[data-rapport-connection="${crm}"]`);

/** A background message from an extension page; fails the test on an error answer. */
export async function ask<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(([t, p]) => (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ type: t, payload: p }), [
    type,
    payload,
  ] as const)) as {
    ok: boolean;
    data?: T;
  };
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  return reply.data as T;
}

/** The tab id of the one open tab whose URL matches `pattern` (the popup's `?tabId=`). */
export async function tabIdOf(page: Page, pattern: string): Promise<number> {
  const tabs = await page.evaluate((u) => (globalThis as unknown as Chrome).chrome.tabs.query({ url: u }), pattern);
  expect(tabs).toHaveLength(1);
  return tabs[0]!.id!;
}

/** Log an interaction in the popup opened on `tabId`; returns the saved panel. */
export async function quickLog(world: SyncWorld, tabId: number, summary: string): Promise<Locator> {
  const popup = await world.context.newPage();
  await popup.goto(`chrome-extension://${world.extensionId}/popup.html?tabId=${tabId}`);
  await popup.getByRole('textbox', { name: 'Summary' }).fill(summary);
  await popup.getByRole('button', { name: 'Save' }).click();
  const saved = popup.locator('[data-rapport-saved]');
  await expect(saved).toHaveCount(1);
  return saved;
}

type Route = Parameters<Parameters<BrowserContext['route']>[1]>[0];

/**
 * Like `routeTo` (tests/mocks/harness.ts) for a mock that checks the browser's session cookie:
 * Playwright leaves cookies out of `headers()`, so the mock gets `allHeaders()` — what the
 * browser really sent, cookies of the request's own origin included.
 */
export function routeWithCookies(handler: MockHandler) {
  return async (route: Route): Promise<void> => {
    const r = route.request();
    const res = await handler({ method: r.method(), url: new URL(r.url()), headers: await r.allHeaders(), body: r.postData() ?? '' });
    const text = typeof res.body === 'string';
    await route.fulfill({
      status: res.status,
      headers: { 'content-type': text ? 'text/plain' : 'application/json', ...res.headers },
      body: res.body === undefined ? '' : text ? (res.body as string) : JSON.stringify(res.body),
    });
  };
}
