/**
 * Zoho CRM REST API requests (`{api_domain}/crm/v6/…`, header `Authorization: Zoho-oauthtoken`).
 * An empty answer (204, or 304 to `If-Modified-Since`) is `null`. Zoho's limit error code
 * `TOO_MANY_REQUESTS` is rate-limited whatever the status; an access token past its expiry is
 * `auth` before any request is spent on it (the engine then calls `refresh`).
 */
import { requestJson, type RequestOptions } from '../../sync/http';
import { ConnectorError, type Connection, type ConnectorContext } from '../../sync/types';

export const API_VERSION = 'v6';
/** Records per page: Zoho's maximum `per_page`. */
export const PER_PAGE = 200;

/** Zoho's date-time form, in UTC: `2026-11-20T08:50:00+00:00`. */
export const zohoTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

function reclassify(e: unknown): unknown {
  if (e instanceof ConnectorError && e.code !== 'rate-limited' && /TOO_MANY_REQUESTS/.test(e.detail))
    return new ConnectorError('rate-limited', e.detail, e.retryAfterMs, e.status);
  return e;
}

export function zohoApi(conn: Connection, ctx: ConnectorContext) {
  const token = conn.auth.accessToken;
  const expiresAt = Number(conn.auth.expiresAt);
  const call = async <T>(path: string, opts: RequestOptions): Promise<T | null> => {
    if (!token || (Number.isFinite(expiresAt) && ctx.now() >= expiresAt - 30_000)) throw new ConnectorError('auth', 'access token expired');
    try {
      const res = await requestJson<T>(ctx, `${conn.apiBase}/${path}`, { ...opts, headers: { Authorization: `Zoho-oauthtoken ${token}`, ...opts.headers } });
      return res.status === 204 ? null : res.body;
    } catch (e) {
      if (e instanceof ConnectorError && e.status === 304) return null;
      throw reclassify(e);
    }
  };
  return {
    get: <T>(path: string, ifModifiedSince?: string) => call<T>(path, ifModifiedSince ? { headers: { 'If-Modified-Since': ifModifiedSince } } : {}),
    send: <T>(method: 'POST' | 'PUT', path: string, json: unknown) => call<T>(path, { method, json }),
  };
}

export type ZohoApi = ReturnType<typeof zohoApi>;

/** One item of a write answer (`data[]`): SUCCESS with the record id, or an error code naming the field. */
export interface WriteItem {
  code?: string;
  status?: string;
  details?: { id?: string; api_name?: string };
}

/** The items of a write answer; an item in error becomes `rejected` with its code and field. */
export function writeItems(body: { data?: WriteItem[] } | null, what: string): WriteItem[] {
  const items = Array.isArray(body?.data) ? body!.data : [];
  const bad = items.find((i) => i.status !== 'success');
  if (bad) throw new ConnectorError('rejected', `${what}: ${bad.code ?? 'error'}${bad.details?.api_name ? ` ${bad.details.api_name}` : ''}`.slice(0, 100));
  return items;
}
