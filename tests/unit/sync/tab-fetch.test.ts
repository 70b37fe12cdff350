/**
 * Requests on the browser's session (Dynamics) through an open tab of the org
 * (lib/services/sync-tab-fetch.ts): which requests go there, what the tab is asked and what
 * comes back, the fallbacks, and the request made inside the tab.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchInPage, sessionAwareFetch, type TabAnswer, type TabRequest, type TabRunner } from '../../../lib/services/sync-tab-fetch';

const ORG = 'https://contoso.crm4.dynamics.com';
const API = `${ORG}/api/data/v9.2/WhoAmI`;

function setup(tabs: Record<number, TabAnswer | 'fails' | 'hangs'>) {
  const base = vi.fn(async () => new Response('{"from":"background"}', { status: 200 }));
  const asked: { tabId: number; request: TabRequest }[] = [];
  const origins: string[] = [];
  const runner: TabRunner = {
    tabsOn: async (origin) => {
      origins.push(origin);
      return Object.keys(tabs).map(Number);
    },
    run: (tabId, request) => {
      asked.push({ tabId, request });
      const t = tabs[tabId]!;
      if (t === 'fails') return Promise.reject(new Error('Cannot access contents of the page'));
      if (t === 'hangs') return new Promise<TabAnswer>(() => undefined);
      return Promise.resolve(t);
    },
  };
  return { fetch: sessionAwareFetch(base, runner), base, asked, origins };
}

const ok: TabAnswer = { status: 200, opaqueRedirect: false, headers: [['content-type', 'application/json']], body: '{"UserId":"u1"}' };

describe('session requests go through an open tab of their origin', () => {
  it('a request without the browser session (a token CRM) goes from the background; no tab is looked for', async () => {
    const s = setup({ 7: ok });
    await s.fetch('https://api.hubapi.com/crm/v3/objects/companies', { headers: { authorization: 'Bearer x' } });
    expect(s.base).toHaveBeenCalledOnce();
    expect(s.origins).toEqual([]);
  });

  it('a session request runs in the org’s tab with its method, headers and body; the answer comes back as it was', async () => {
    const s = setup({ 7: ok });
    const res = await s.fetch(API, { method: 'PATCH', credentials: 'include', redirect: 'manual', headers: { 'If-Match': '*' }, body: '{"a":1}' });
    expect(s.origins).toEqual([ORG]);
    expect(s.asked).toEqual([{ tabId: 7, request: { url: API, method: 'PATCH', headers: [['if-match', '*']], body: '{"a":1}' } }]);
    expect(s.base).not.toHaveBeenCalled();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ UserId: 'u1' });
  });

  it('the sign-in redirect comes back as a 302 (signed out), a 204 without a body', async () => {
    const signedOut = setup({ 7: { status: 0, opaqueRedirect: true, headers: [], body: '' } });
    expect((await signedOut.fetch(API, { credentials: 'include' })).status).toBe(302);
    const noContent = setup({ 7: { status: 204, opaqueRedirect: false, headers: [['odata-entityid', `${ORG}/x`]], body: '' } });
    const res = await noContent.fetch(API, { credentials: 'include', method: 'PATCH', body: '{}' });
    expect([res.status, res.body, res.headers.get('odata-entityid')]).toEqual([204, null, `${ORG}/x`]);
  });

  it('a tab that cannot run it is skipped for the next; with none left, the background makes the request', async () => {
    const next = setup({ 3: 'fails', 7: ok });
    expect((await next.fetch(API, { credentials: 'include' })).status).toBe(200);
    expect(next.asked.map((a) => a.tabId)).toEqual([3, 7]);
    expect(next.base).not.toHaveBeenCalled();
    const none = setup({ 3: 'fails' });
    expect(await (await none.fetch(API, { credentials: 'include' })).json()).toEqual({ from: 'background' });
    const noTab = setup({});
    await noTab.fetch(API, { credentials: 'include' });
    expect(noTab.base).toHaveBeenCalledWith(API, { credentials: 'include' });
  });

  it('the request’s timeout holds inside the tab', async () => {
    const s = setup({ 7: 'hangs' });
    const timeout = new AbortController();
    const pending = s.fetch(API, { credentials: 'include', signal: timeout.signal });
    timeout.abort(new DOMException('timed out', 'TimeoutError'));
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});

describe('the request made inside the tab', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is same-origin with the session cookies, no redirect followed; it hands back status, headers and text', async () => {
    const fetch = vi.fn(async () => new Response('{"v":1}', { status: 200, headers: { 'preference-applied': 'odata.maxpagesize=500' } }));
    vi.stubGlobal('fetch', fetch);
    const answer = await fetchInPage({ url: API, method: 'GET', headers: [['prefer', 'odata.maxpagesize=500']], body: null });
    expect(fetch).toHaveBeenCalledWith(API, {
      method: 'GET',
      headers: [['prefer', 'odata.maxpagesize=500']],
      body: null,
      credentials: 'include',
      redirect: 'manual',
    });
    expect(answer).toEqual({
      status: 200,
      opaqueRedirect: false,
      headers: expect.arrayContaining([['preference-applied', 'odata.maxpagesize=500']]),
      body: '{"v":1}',
    });
  });

  it('Firefox: uses the page’s own fetch (content.fetch), so the request is the page’s', async () => {
    const pageFetch = vi.fn(async () => new Response('{}', { status: 200 }));
    const extensionFetch = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('content', { fetch: pageFetch });
    vi.stubGlobal('fetch', extensionFetch);
    await fetchInPage({ url: API, method: 'GET', headers: [], body: null });
    expect(pageFetch).toHaveBeenCalledOnce();
    expect(extensionFetch).not.toHaveBeenCalled();
  });
});
