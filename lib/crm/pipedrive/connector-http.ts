/**
 * Pipedrive API calls with the user's personal API token (`x-api-token`) on the company host,
 * and Pipedrive's own signals: `success:false` on HTTP 200, the burst window's
 * `x-ratelimit-reset`, the daily token budget, Cloudflare's HTML 403 after ignored 429s
 * (docs/crm-apis/pipedrive.md "Limits and errors").
 */
import { requestJson, retryAfterMs, type HttpResult, type RequestOptions } from '../../sync/http';
import { msToMidnight } from '../../sync/limits';
import { ConnectorError, type Connection, type ConnectorContext } from '../../sync/types';

export const BURST_WAIT_MS = 2_000;
/** Cloudflare blocks clients that kept calling through 429s: back off for a while. */
export const BLOCKED_WAIT_MS = 5 * 60_000;

const str = (body: unknown, name: string): string => {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, 60) : '';
};

export function classifyPipedrive(timeZone: string | undefined) {
  return (res: HttpResult<unknown>, now: number): ConnectorError | undefined => {
    const { status, body, headers } = res;
    if (status === 401) return new ConnectorError('auth', 'HTTP 401 unauthorized', undefined, 401);
    if (status === 429) {
      const remaining = Number(headers.get('x-ratelimit-remaining') ?? NaN);
      const reset = Number(headers.get('x-ratelimit-reset') ?? NaN);
      // The burst window still has room: it is the company's daily token budget, spent until midnight.
      const daily = remaining > 0 || /daily/i.test(str(body, 'error'));
      const wait = retryAfterMs(headers.get('retry-after'), now) ?? (daily ? msToMidnight(now, timeZone) : reset > 0 ? reset * 1000 : BURST_WAIT_MS);
      return new ConnectorError('rate-limited', `HTTP 429 ${daily ? 'daily budget' : 'burst'}`, wait, 429);
    }
    if (status === 403 && typeof body === 'string' && /<html/i.test(body)) return new ConnectorError('rate-limited', 'HTTP 403 blocked', BLOCKED_WAIT_MS, 403);
    if (status < 300 && body && typeof body === 'object' && (body as { success?: unknown }).success === false)
      return new ConnectorError('rejected', `HTTP ${status} success:false ${str(body, 'error_code') || str(body, 'errorCode')}`.trim(), undefined, status);
    return undefined;
  };
}

export interface PdEnvelope<T> {
  success: boolean;
  data: T;
  additional_data?: {
    next_cursor?: string | null;
    pagination?: { start: number; limit: number; more_items_in_collection: boolean; next_start?: number };
  } | null;
}

/** One call on `base` (the company host, or api.pipedrive.com before it is known). */
export function pdRequest<T>(
  ctx: ConnectorContext,
  conn: Pick<Connection, 'apiBase' | 'auth'>,
  path: string,
  opts: RequestOptions = {},
): Promise<HttpResult<PdEnvelope<T>>> {
  return requestJson<PdEnvelope<T>>(ctx, `${conn.apiBase}${path}`, {
    ...opts,
    headers: { 'x-api-token': conn.auth.apiToken ?? '', ...opts.headers },
    classify: classifyPipedrive(conn.auth.timeZone),
  });
}
