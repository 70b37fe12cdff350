/**
 * Salesforce REST calls with the signed-in session: `Authorization: Bearer <sid>` on the org's
 * My Domain host, and Salesforce's own error signals read from its error arrays
 * (docs/crm-apis/salesforce.md "Limits and errors").
 */
import { requestJson, type HttpResult, type RequestOptions } from '../../sync/http';
import { ConnectorError, type Connection, type ConnectorContext } from '../../sync/types';

export const SF_API_VERSION = 'v66.0';
export const SF_DATA = `/services/data/${SF_API_VERSION}`;

/** Salesforce sends no Retry-After: the daily allocation drains over a rolling 24 h, the concurrency cap in seconds. */
export const DAILY_LIMIT_WAIT_MS = 60 * 60_000;
export const CONCURRENT_LIMIT_WAIT_MS = 20_000;

interface SfError {
  errorCode?: unknown;
  message?: unknown;
}

const firstError = (body: unknown): SfError | undefined => (Array.isArray(body) && body[0] && typeof body[0] === 'object' ? (body[0] as SfError) : undefined);

/** `api-usage=<used>/<max>` from Sforce-Limit-Info. */
export function apiUsage(headers: Headers): { used: number; max: number } | undefined {
  const m = /api-usage=(\d+)\/(\d+)/.exec(headers.get('sforce-limit-info') ?? '');
  return m ? { used: Number(m[1]), max: Number(m[2]) } : undefined;
}

/** Salesforce's signals on top of the status: the limit code on 403, the session code on 401. */
export function classifySalesforce(res: HttpResult<unknown>): ConnectorError | undefined {
  if (res.status < 400) return undefined;
  const code = typeof firstError(res.body)?.errorCode === 'string' ? (firstError(res.body)!.errorCode as string).slice(0, 60) : '';
  if (res.status === 403 && code === 'REQUEST_LIMIT_EXCEEDED') {
    const usage = apiUsage(res.headers);
    const daily = !usage || usage.used >= usage.max;
    return new ConnectorError('rate-limited', `HTTP 403 ${code}`, daily ? DAILY_LIMIT_WAIT_MS : CONCURRENT_LIMIT_WAIT_MS, 403);
  }
  if (res.status === 401) return new ConnectorError('auth', `HTTP 401 ${code || 'INVALID_SESSION_ID'}`, undefined, 401);
  return undefined;
}

/** A field this org does not have (e.g. `CurrencyIsoCode` without multi-currency): the request wrote/read nothing. */
export const isInvalidField = (e: unknown): boolean => e instanceof ConnectorError && e.status === 400 && /\bINVALID_FIELD\b/.test(e.detail);

/** A query locator that expired between two pages. */
export const isExpiredLocator = (e: unknown): boolean => e instanceof ConnectorError && /\bINVALID_QUERY_LOCATOR\b/.test(e.detail);

/** One authenticated call; `path` is a path on the instance (`/services/data/…`), as nextRecordsUrl gives it. */
export function sfRequest<T>(
  ctx: ConnectorContext,
  conn: Pick<Connection, 'apiBase' | 'auth'>,
  path: string,
  opts: RequestOptions = {},
): Promise<HttpResult<T>> {
  if (!path.startsWith('/services/')) throw new ConnectorError('rejected', 'Salesforce path outside /services/');
  return requestJson<T>(ctx, `${conn.apiBase}${path}`, {
    ...opts,
    headers: { Authorization: `Bearer ${conn.auth.sid ?? ''}`, 'Sforce-Call-Options': 'client=Rapport', ...opts.headers },
    classify: classifySalesforce,
  });
}
