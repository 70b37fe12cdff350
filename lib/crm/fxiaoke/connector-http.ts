/**
 * Fxiaoke 纷享销客 OpenAPI requests (docs/crm-apis/fxiaoke.md): the enterprise app's
 * credentials (appId, appSecret, permanentCode) give a corp access token (about 2 hours);
 * calls are JSON POSTs with `authorization: Bearer`, `x-fs-ea`, `x-fs-userid` and a fresh
 * `thirdTraceId`. Answers are HTTP 200 with an `errorCode` envelope: 0 = success, 20016 = token
 * expired (→ auth). Each interface allows 100 calls per 20 s, so calls are paced here and a
 * call that would exceed it is `rate-limited` with the wait instead of being sent.
 */
import { requestJson } from '../../sync/http';
import { ConnectorError, type Connection, type ConnectorContext } from '../../sync/types';

export const DEFAULT_HOST = 'open.fxiaoke.com';
/** The per-interface limit: calls per window. */
export const PACE = { calls: 100, windowMs: 20_000 };
const TOKEN_EXPIRED = 20016;

interface Envelope {
  errorCode?: number;
}

/** The API origin: the public cloud, or the tenant's own cloud domain. */
export function apiOrigin(raw: string | undefined): string {
  const host =
    (raw ?? '')
      .trim()
      .replace(/^https:\/\//, '')
      .replace(/\/.*$/, '') || DEFAULT_HOST;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host)) throw new ConnectorError('rejected', 'cloudDomain: expected a host name such as open.fxiaoke.com');
  return `https://${host.toLowerCase()}`;
}

/** Envelope check: 20016 → auth; any other non-zero code is retried after the limit window (the throttling code is not documented). */
function checked<T extends Envelope>(body: T | null, path: string): T {
  const code = body && typeof body === 'object' ? body.errorCode : undefined;
  if (code === 0) return body!;
  if (code === TOKEN_EXPIRED) throw new ConnectorError('auth', `${path}: errorCode ${code}`);
  if (typeof code !== 'number') throw new ConnectorError('unavailable', `${path}: no errorCode in the answer`);
  throw new ConnectorError('unavailable', `${path}: errorCode ${code}`, PACE.windowMs);
}

/** Calls made per tenant and interface in the current window (shared by every connection of the worker). */
const recent = new Map<string, number[]>();

function pace(key: string, now: number): void {
  const calls = (recent.get(key) ?? []).filter((t) => t > now - PACE.windowMs);
  if (calls.length >= PACE.calls)
    throw new ConnectorError('rate-limited', `${key.split('|')[1]}: ${PACE.calls} calls per ${PACE.windowMs / 1000} s`, calls[0]! + PACE.windowMs - now);
  calls.push(now);
  recent.set(key, calls);
}

/** Forget the pacing state (tests start each case with a fresh window). */
export const resetPacing = (): void => recent.clear();

const traced = (origin: string, path: string): string => `${origin}${path}?thirdTraceId=${crypto.randomUUID()}`;

export interface TokenAnswer extends Envelope {
  accessToken?: string;
  expiresIn?: number;
  ea?: string;
  openUserId?: string;
}

/** App credentials → corp access token. Refused credentials are `auth`. */
export async function fetchToken(
  ctx: ConnectorContext,
  origin: string,
  appId: string,
  appSecret: string,
  permanentCode: string,
): Promise<Required<Pick<TokenAnswer, 'accessToken' | 'ea'>> & TokenAnswer> {
  pace(`${appId}|/oauth2.0/token`, ctx.now());
  const { body } = await requestJson<TokenAnswer>(ctx, traced(origin, '/oauth2.0/token'), {
    method: 'POST',
    json: { appId, appSecret, permanentCode, grantType: 'app_secret' },
  });
  if (body?.errorCode !== 0 || typeof body.accessToken !== 'string' || typeof body.ea !== 'string')
    throw new ConnectorError('auth', `token: errorCode ${typeof body?.errorCode === 'number' ? body.errorCode : 'missing'}`);
  return body as Required<Pick<TokenAnswer, 'accessToken' | 'ea'>> & TokenAnswer;
}

/** Data calls as the connection's employee. */
export function fxApi(conn: Connection, ctx: ConnectorContext) {
  const { accessToken, userId } = conn.auth;
  const expiresAt = Number(conn.auth.expiresAt);
  return {
    post: async <T extends Envelope>(path: string, json: unknown): Promise<T> => {
      if (!accessToken || (Number.isFinite(expiresAt) && ctx.now() >= expiresAt)) throw new ConnectorError('auth', 'access token expired');
      pace(`${conn.tenant}|${path}`, ctx.now());
      const headers = { authorization: `Bearer ${accessToken}`, 'x-fs-ea': conn.tenant, 'x-fs-userid': userId ?? '' };
      const { body } = await requestJson<T>(ctx, traced(conn.apiBase, path), { method: 'POST', json, headers });
      return checked(body, path);
    },
  };
}

export type FxApi = ReturnType<typeof fxApi>;
