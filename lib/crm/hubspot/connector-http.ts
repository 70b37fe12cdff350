/**
 * HubSpot CRM API calls with a pasted service key / private-app token (`Authorization: Bearer`),
 * and HubSpot's own signals: the 429 `policyName` (ten-secondly, secondly, daily) decides the
 * wait, 423 and 477 are temporary (docs/crm-apis/hubspot.md "Limits and errors").
 */
import { requestJson, retryAfterMs, type HttpResult, type RequestOptions } from '../../sync/http';
import { msToMidnight } from '../../sync/limits';
import { ConnectorError, type Connection, type ConnectorContext } from '../../sync/types';

export const HUBSPOT_API = 'https://api.hubapi.com';

export const TEN_SECONDLY_WAIT_MS = 10_000;
export const SECONDLY_WAIT_MS = 1_000;
export const LOCKED_WAIT_MS = 2_000;

const field = (body: unknown, name: string): string => {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v.slice(0, 60) : '';
};

export function classifyHubspot(timeZone: string | undefined) {
  return (res: HttpResult<unknown>, now: number): ConnectorError | undefined => {
    const { status, body, headers } = res;
    if (status === 401) return new ConnectorError('auth', `HTTP 401 ${field(body, 'category') || 'INVALID_AUTHENTICATION'}`, undefined, 401);
    if (status === 429) {
      const policy = field(body, 'policyName');
      const given = retryAfterMs(headers.get('retry-after'), now);
      const wait =
        given ??
        (policy === 'DAILY'
          ? msToMidnight(now, timeZone)
          : policy === 'SECONDLY' || /secondly limit/i.test(field(body, 'message'))
            ? SECONDLY_WAIT_MS
            : TEN_SECONDLY_WAIT_MS);
      return new ConnectorError('rate-limited', `HTTP 429 ${policy || 'RATE_LIMIT'}`, wait, 429);
    }
    if (status === 423) return new ConnectorError('unavailable', 'HTTP 423 LOCKED', LOCKED_WAIT_MS, 423);
    if (status === 477) return new ConnectorError('unavailable', 'HTTP 477 MIGRATION_IN_PROGRESS', retryAfterMs(headers.get('retry-after'), now), 477);
    return undefined;
  };
}

export function hsRequest<T>(ctx: ConnectorContext, conn: Pick<Connection, 'auth'>, path: string, opts: RequestOptions = {}): Promise<HttpResult<T>> {
  return requestJson<T>(ctx, `${HUBSPOT_API}${path}`, {
    ...opts,
    headers: { Authorization: `Bearer ${conn.auth.token ?? ''}`, ...opts.headers },
    classify: classifyHubspot(conn.auth.timeZone),
  });
}

/** A CRM object as the v3 API returns it: every property value is a string (or null). */
export interface HsObject {
  id: string;
  properties: Record<string, string | null | undefined>;
  createdAt?: string;
  updatedAt?: string;
  archived?: boolean;
  archivedAt?: string;
  associations?: Record<string, { results: { id: string; type: string }[] }>;
}

export interface HsPage {
  results: HsObject[];
  total?: number;
  paging?: { next?: { after: string; link?: string } };
}
