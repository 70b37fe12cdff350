/**
 * Requests made on the rep's browser session (`credentials: 'include'`: the Dynamics 365
 * connector, lib/crm/dynamics/connector-http.ts) go through an open tab of their origin when
 * there is one, else from the background.
 *
 * Why: the background's request to the org carries the org's session cookie only when that
 * cookie is `SameSite=None` — Dynamics' default, but its admins can set `Lax` (Microsoft's
 * recommendation) or `Strict`, and then the rep, although signed in, would be asked to sign in.
 * A request made inside the org's own tab is same-origin and carries the cookie whatever its
 * SameSite (docs/crm-apis/dynamics.md, "Where it runs"). The script run in the tab only makes
 * that one request and hands back status, headers and body text; it reads nothing of the page.
 */
import { browser } from 'wxt/browser';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface TabRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body: string | null;
}

export interface TabAnswer {
  status: number;
  /** A redirect not followed (`redirect: 'manual'`): the sign-in page. */
  opaqueRedirect: boolean;
  headers: [string, string][];
  body: string;
}

/** What the background needs of the browser: open tabs on an origin, and running one request in a tab. */
export interface TabRunner {
  tabsOn(origin: string): Promise<number[]>;
  run(tabId: number, request: TabRequest): Promise<TabAnswer | undefined>;
}

/**
 * Runs in the tab (scripting.executeScript serialises it: self-contained, no imports). Firefox's
 * content scripts make page-origin requests with `content.fetch`; Chrome's `fetch` already does.
 */
export async function fetchInPage(r: TabRequest): Promise<TabAnswer> {
  const page = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  const f = typeof page?.fetch === 'function' ? page.fetch.bind(page) : fetch;
  const res = await f(r.url, { method: r.method, headers: r.headers, body: r.body, credentials: 'include', redirect: 'manual' });
  const headers: [string, string][] = [];
  res.headers.forEach((v, k) => headers.push([k, v]));
  const opaqueRedirect = res.type === 'opaqueredirect';
  return { status: res.status, opaqueRedirect, headers, body: opaqueRedirect ? '' : await res.text() };
}

/** The tab's answer as a Response (an unfollowed redirect as a 302: the connector reads it as signed out). */
export function responseOf(a: TabAnswer): Response {
  if (a.opaqueRedirect) return new Response(null, { status: 302 });
  const empty = [204, 205, 304].includes(a.status);
  return new Response(empty ? null : a.body, { status: a.status, headers: a.headers });
}

function requestOf(url: string, init: RequestInit): TabRequest {
  const headers: [string, string][] = [];
  new Headers(init.headers).forEach((v, k) => headers.push([k, v]));
  if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') throw new TypeError('tab fetch: only text bodies');
  return { url, method: (init.method ?? 'GET').toUpperCase(), headers, body: (init.body as string | null | undefined) ?? null };
}

/** `p`, or the signal's reason once it aborts (a request's timeout still holds inside a tab). */
function abortable<T>(p: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return p;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const stop = (): void => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** `base` for every request but those on the browser's session, which go through an open tab of their origin first. */
export function sessionAwareFetch(base: Fetch, tabs: TabRunner): Fetch {
  return async (input, init) => {
    if (init?.credentials !== 'include') return base(input, init);
    const request = requestOf(input, init);
    for (const tabId of await tabs.tabsOn(new URL(input).origin).catch(() => [])) {
      // A tab that is navigating, discarded or showing an error page cannot run it: try the next, then the background.
      const answer = await abortable(
        tabs.run(tabId, request).catch(() => undefined),
        init.signal,
      );
      if (answer) return responseOf(answer);
    }
    return base(input, init);
  };
}

export const browserTabs: TabRunner = {
  async tabsOn(origin) {
    const tabs = await browser.tabs.query({ url: `${origin}/*` });
    return tabs.flatMap((t) => (t.id !== undefined && !t.discarded ? [t.id] : []));
  },
  async run(tabId, request) {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, func: fetchInPage, args: [request] });
    return first?.result as TabAnswer | undefined;
  },
};
