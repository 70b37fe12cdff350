/**
 * HTTP for connectors: one request helper that turns a CRM's answer into data or a typed
 * ConnectorError (401 → auth, 429 → rate-limited with Retry-After, 5xx/network/timeout →
 * unavailable, other 4xx → rejected/forbidden/not-found). Connectors add their own error-body
 * reading (e.g. Salesforce's `INVALID_SESSION_ID`, Zoho's `INVALID_TOKEN` on 200) on top.
 */
import { ConnectorError, type ConnectorContext } from './types';

/** Per-request timeout: a hung CRM must not hold a sync or the outbox forever. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** Retry-After as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  /** JSON-serialised into the body (with Content-Type: application/json). */
  json?: unknown;
  /** A form body (application/x-www-form-urlencoded), e.g. OAuth token requests. */
  form?: Record<string, string>;
  timeoutMs?: number;
  /**
   * The connector's own reading of an answer, before the generic status mapping: return a
   * ConnectorError for CRM-specific signals (a limit code in the body, an error on HTTP 200,
   * a wait in the CRM's own headers), or undefined to fall back to the generic mapping.
   */
  classify?: (res: HttpResult<unknown>, now: number) => ConnectorError | undefined;
}

export interface HttpResult<T> {
  status: number;
  headers: Headers;
  body: T;
}

function errorFor(status: number, detail: string, headers: Headers, now: number): ConnectorError {
  if (status === 401) return new ConnectorError('auth', detail, undefined, status);
  if (status === 429) return new ConnectorError('rate-limited', detail, retryAfterMs(headers.get('retry-after'), now), status);
  if (status === 403) return new ConnectorError('forbidden', detail, undefined, status);
  if (status === 404) return new ConnectorError('not-found', detail, undefined, status);
  if (status >= 500) return new ConnectorError('unavailable', detail, retryAfterMs(headers.get('retry-after'), now), status);
  return new ConnectorError('rejected', detail, undefined, status);
}

/**
 * One request. Resolves with the parsed JSON body (null for an empty body) on 2xx; throws a
 * ConnectorError otherwise. `detail` carries the status and the CRM's error code only — never
 * record contents — so it is safe to log and to show in the outbox.
 */
export async function requestJson<T = unknown>(ctx: ConnectorContext, url: string, opts: RequestOptions = {}): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  let body: string | undefined;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(opts.form).toString();
  }
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? REQUEST_TIMEOUT_MS);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await ctx.fetch(url, { method: opts.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}), signal });
  } catch (e) {
    if (ctx.signal?.aborted) throw e;
    const what = e instanceof Error && e.name === 'TimeoutError' ? 'timeout' : 'network error';
    throw new ConnectorError('unavailable', what);
  }
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  const own = opts.classify?.({ status: res.status, headers: res.headers, body: parsed }, ctx.now());
  if (own) throw own;
  if (!res.ok) throw errorFor(res.status, `HTTP ${res.status}${errorCodeOf(parsed)}`, res.headers, ctx.now());
  return { status: res.status, headers: res.headers, body: parsed as T };
}

/** The CRM's own error code from common error-body shapes (no messages: they may quote data). */
function errorCodeOf(body: unknown): string {
  const pick = (o: unknown): string | undefined => {
    if (!o || typeof o !== 'object') return undefined;
    const r = o as Record<string, unknown>;
    for (const k of ['errorCode', 'code', 'error_code', 'category', 'errorCategory'])
      if (typeof r[k] === 'string' || typeof r[k] === 'number') return String(r[k]);
    if (r.error && typeof r.error === 'object') return pick(r.error);
    return undefined;
  };
  const code = Array.isArray(body) ? pick(body[0]) : pick(body);
  return code ? ` ${code.slice(0, 60)}` : '';
}
