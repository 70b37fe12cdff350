/**
 * Dataverse Web API requests on the rep's signed-in Dynamics session (docs/crm-apis/dynamics.md):
 * every request asks for the browser's cookies (`credentials: 'include'`), so no token is ever
 * handled; the background runs such requests in an open tab of the org when there is one
 * (lib/services/sync-tab-fetch.ts: the session cookie may be SameSite=Lax). A signed-out session
 * answers with a redirect to the Microsoft sign-in page or with 401; both become
 * ConnectorError('auth').
 */
import { requestJson, type RequestOptions } from '../../sync/http';
import { ConnectorError, type ConnectorContext } from '../../sync/types';

export const API_PATH = '/api/data/v9.2';
/** Rows per page asked with `Prefer: odata.maxpagesize` (Dataverse allows up to 5,000). */
export const PAGE_SIZE = 500;
/** Annotations asked for: display values (owner name) and the table a polymorphic lookup points to. */
const ANNOTATIONS = 'odata.include-annotations="OData.Community.Display.V1.FormattedValue,Microsoft.Dynamics.CRM.lookuplogicalname"';

/** The org's origin from what the rep gave (the org URL, or any page URL of the org). */
export function orgOrigin(raw: string | undefined): string {
  let url: URL;
  try {
    url = new URL((raw ?? '').trim());
  } catch {
    throw new ConnectorError('rejected', 'orgUrl: expected the URL of your Dynamics 365 org, e.g. https://contoso.crm4.dynamics.com');
  }
  if (url.protocol !== 'https:') throw new ConnectorError('rejected', 'orgUrl: expected an https:// URL');
  return url.origin;
}

/**
 * The context's fetch with the session cookies sent and redirects not followed: a redirect (to
 * sign in) comes back as an opaque redirect or a 3xx and is answered as 401 here.
 */
function sessionFetch(ctx: ConnectorContext): ConnectorContext {
  return {
    ...ctx,
    fetch: async (input, init) => {
      const res = await ctx.fetch(input, { ...init, credentials: 'include', redirect: 'manual' });
      if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400))
        return new Response(JSON.stringify({ error: { code: 'session-redirect' } }), { status: 401, headers: { 'content-type': 'application/json' } });
      return res;
    },
  };
}

export interface DataversePage<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface GetOptions {
  trackChanges?: boolean;
  pageSize?: number;
}

const BASE_HEADERS = { 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' };

/** One Web API client per call: `url` is absolute (a next/delta link) or relative to the API root. */
export function dataverse(origin: string, ctx: ConnectorContext) {
  const c = sessionFetch(ctx);
  const root = `${origin}${API_PATH}`;
  const abs = (url: string): string => {
    if (/^https?:/i.test(url)) {
      // Next and delta links must stay on the org: never send the session elsewhere.
      if (new URL(url).origin !== origin) throw new ConnectorError('rejected', 'link outside the org');
      return url;
    }
    return `${root}/${url}`;
  };
  const json = async <T>(url: string, opts: RequestOptions): Promise<{ body: T; headers: Headers; status: number }> => {
    const res = await requestJson<T>(c, abs(url), { ...opts, headers: { ...BASE_HEADERS, ...opts.headers } });
    // A 200 that is not JSON is the sign-in page served in place of the API.
    if (typeof res.body === 'string') throw new ConnectorError('auth', 'non-JSON answer (sign-in page)', undefined, res.status);
    return res;
  };
  return {
    root,
    get: async <T>(url: string, o: GetOptions = {}): Promise<T> => {
      const prefer = [ANNOTATIONS, `odata.maxpagesize=${o.pageSize ?? PAGE_SIZE}`, ...(o.trackChanges ? ['odata.track-changes'] : [])];
      // `If-None-Match: null` keeps answers from being served out of a cache.
      return (await json<T>(url, { headers: { Prefer: prefer.join(','), 'If-None-Match': 'null' } })).body;
    },
    /** PATCH (update or upsert); `condition` adds If-Match / If-None-Match `*`. */
    patch: async (url: string, body: unknown, condition: 'create-only' | 'update-only'): Promise<void> => {
      const h: Record<string, string> = condition === 'create-only' ? { 'If-None-Match': '*' } : { 'If-Match': '*' };
      await json(url, { method: 'PATCH', json: body, headers: h });
    },
  };
}

export type Dataverse = ReturnType<typeof dataverse>;
