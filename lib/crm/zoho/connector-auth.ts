/**
 * Zoho OAuth for the connector (docs/crm-apis/zoho.md): the rep's own Self Client in Zoho's API
 * console of their data centre. The rep pastes its client id, client secret and a generated code;
 * the code is exchanged once for an access token (1 hour) and a refresh token, and `refresh`
 * gets new access tokens. Zoho's accounts server answers failures with HTTP 200 and `error`.
 */
import { requestJson } from '../../sync/http';
import { ConnectorError, type ConnectorContext } from '../../sync/types';

/** Accounts server and API host per data centre (China is `com.cn`, Canada `zohocloud.ca`). */
export const ZOHO_DCS: Readonly<Record<string, { accounts: string; api: string }>> = {
  com: { accounts: 'https://accounts.zoho.com', api: 'https://www.zohoapis.com' },
  eu: { accounts: 'https://accounts.zoho.eu', api: 'https://www.zohoapis.eu' },
  in: { accounts: 'https://accounts.zoho.in', api: 'https://www.zohoapis.in' },
  'com.au': { accounts: 'https://accounts.zoho.com.au', api: 'https://www.zohoapis.com.au' },
  jp: { accounts: 'https://accounts.zoho.jp', api: 'https://www.zohoapis.jp' },
  ca: { accounts: 'https://accounts.zohocloud.ca', api: 'https://www.zohoapis.ca' },
  sa: { accounts: 'https://accounts.zoho.sa', api: 'https://www.zohoapis.sa' },
  uk: { accounts: 'https://accounts.zoho.uk', api: 'https://www.zohoapis.uk' },
  'com.cn': { accounts: 'https://accounts.zoho.com.cn', api: 'https://www.zohoapis.com.cn' },
};

/**
 * The data centre from what the rep gave: its code (`com.cn`, `eu`…) or any Zoho CRM URL of
 * theirs (`https://crm.zoho.com.cn/crm/org123/…`, `crm.zohocloud.ca`).
 */
export function dataCentreOf(raw: string | undefined): string {
  const v = (raw ?? '').trim().toLowerCase();
  let dc = v.replace(/^\./, '');
  if (/^https?:\/\//.test(v) || v.includes('zoho')) {
    let host = '';
    try {
      host = new URL(/^https?:/.test(v) ? v : `https://${v}`).hostname;
    } catch {
      host = '';
    }
    dc = host.endsWith('.zohocloud.ca') ? 'ca' : (/\.zoho(?:apis)?\.([a-z.]+)$/.exec(host)?.[1] ?? '');
  }
  if (!ZOHO_DCS[dc]) throw new ConnectorError('rejected', `dataCentre: expected one of ${Object.keys(ZOHO_DCS).join(', ')} or your Zoho CRM URL`);
  return dc;
}

/** Tokens are only ever sent to a Zoho API host: refuse any other `api_domain`. */
function apiDomainOf(v: unknown): string {
  const url = typeof v === 'string' ? v.replace(/\/+$/, '') : '';
  if (!/^https:\/\/(www\.)?zohoapis\.[a-z.]+$/.test(url)) throw new ConnectorError('rejected', 'token: unexpected api_domain');
  return url;
}

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  api_domain?: string;
  expires_in?: number;
  error?: string;
}

export interface ZohoTokens {
  accessToken: string;
  refreshToken?: string;
  apiDomain: string;
  expiresAt: number;
}

/** POST the token endpoint; Zoho's errors come back as 200 + `error`. */
async function tokenRequest(ctx: ConnectorContext, accounts: string, form: Record<string, string>): Promise<ZohoTokens> {
  const { body } = await requestJson<TokenAnswer>(ctx, `${accounts}/oauth/v2/token`, { method: 'POST', form });
  const error = typeof body?.error === 'string' ? body.error : undefined;
  // Too many token requests in a short time (Zoho answers "Access Denied").
  if (error === 'Access Denied') throw new ConnectorError('rate-limited', 'token: Access Denied');
  if (error || !body?.access_token) throw new ConnectorError('auth', `token: ${error ?? 'no access_token'}`.slice(0, 80));
  return {
    accessToken: body.access_token,
    ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}),
    apiDomain: apiDomainOf(body.api_domain),
    expiresAt: ctx.now() + (typeof body.expires_in === 'number' ? body.expires_in : 3600) * 1000,
  };
}

export function exchangeCode(ctx: ConnectorContext, accounts: string, clientId: string, clientSecret: string, code: string): Promise<ZohoTokens> {
  return tokenRequest(ctx, accounts, { grant_type: 'authorization_code', client_id: clientId, client_secret: clientSecret, code });
}

export function refreshToken(ctx: ConnectorContext, accounts: string, clientId: string, clientSecret: string, refresh: string): Promise<ZohoTokens> {
  return tokenRequest(ctx, accounts, { grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, refresh_token: refresh });
}
