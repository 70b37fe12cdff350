/**
 * Zoho CRM (REST API v6) connector for every data centre, China (`.com.cn`) included, through
 * the rep's own Self Client (docs/crm-apis/zoho.md): a generated code is exchanged once for
 * tokens, `refresh` renews the 1-hour access token. Reads Accounts, Contacts, won Deals,
 * completed Calls / past Events / completed Tasks, and Cases; writes a completed Call (or Task).
 */
import { keyInText } from '../../sync/activity-key';
import { requiredFields } from '../../sync/rows';
import { ConnectorError, type Connection, type CrmConnector } from '../../sync/types';
import { dataCentreOf, exchangeCode, refreshToken, ZOHO_DCS } from './connector-auth';
import { API_VERSION, writeItems, zohoApi, type WriteItem } from './connector-http';
import type { Rec } from './connector-map';
import { readZoho } from './connector-read';
import { activityRecord, findQuery, scoreRecord } from './connector-write';

const dcOf = (input: Record<string, string>) => ZOHO_DCS[dataCentreOf(input.dataCentre)]!;

export const zohoConnector: CrmConnector = {
  crm: 'zoho',
  fields: [
    { name: 'dataCentre', labelKey: 'connector.zoho.dataCentre', secret: false, placeholder: 'com · eu · in · com.au · jp · ca · sa · uk · com.cn' },
    { name: 'clientId', labelKey: 'connector.zoho.clientId', secret: false, placeholder: '1000.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' },
    { name: 'clientSecret', labelKey: 'connector.zoho.clientSecret', secret: true },
    { name: 'grantCode', labelKey: 'connector.zoho.grantCode', secret: true, placeholder: '1000.xxxxxxxx.xxxxxxxx' },
  ],

  originsFor: (input) => {
    const dc = dcOf(input);
    return [`${dc.accounts}/*`, `${dc.api}/*`];
  },

  async connect(input, ctx) {
    const dc = dcOf(input);
    const f = requiredFields(input, ['clientId', 'clientSecret', 'grantCode']);
    const t = await exchangeCode(ctx, dc.accounts, f.clientId!, f.clientSecret!, f.grantCode!);
    const conn: Connection = {
      crm: 'zoho',
      apiBase: `${t.apiDomain}/crm/${API_VERSION}`,
      tenant: '',
      user: { id: '', name: '' },
      auth: {
        accessToken: t.accessToken,
        refreshToken: t.refreshToken ?? '',
        clientId: f.clientId!,
        clientSecret: f.clientSecret!,
        accountsUrl: dc.accounts,
        expiresAt: String(t.expiresAt),
      },
      origins: [`${dc.accounts}/*`, `${t.apiDomain}/*`],
    };
    const api = zohoApi(conn, ctx);
    const me = (await api.get<{ users?: Rec[] }>('users?type=CurrentUser'))?.users?.[0];
    const org = (await api.get<{ org?: Rec[] }>('org'))?.org?.[0];
    if (typeof me?.id !== 'string' || typeof org?.id !== 'string') throw new ConnectorError('rejected', 'users/org: unexpected answer');
    const email = typeof me.email === 'string' && me.email ? me.email : undefined;
    return { ...conn, tenant: org.id, user: { id: me.id, name: typeof me.full_name === 'string' ? me.full_name : '', ...(email ? { email } : {}) } };
  },

  async refresh(conn, ctx) {
    const a = conn.auth;
    if (!a.refreshToken) throw new ConnectorError('auth', 'no refresh token');
    const t = await refreshToken(ctx, a.accountsUrl!, a.clientId!, a.clientSecret!, a.refreshToken);
    if (new URL(t.apiDomain).origin !== new URL(conn.apiBase).origin) throw new ConnectorError('auth', 'token: api_domain changed');
    return { ...conn, auth: { ...a, accessToken: t.accessToken, expiresAt: String(t.expiresAt) } };
  },

  readChanges: readZoho,

  async findActivity(conn, key, _target, ctx) {
    const api = zohoApi(conn, ctx);
    for (const module of ['Calls', 'Tasks']) {
      const body = await api.send<{ data?: Rec[] }>('POST', 'coql', { select_query: findQuery(module, key) });
      const hit = body?.data?.find((r) => keyInText(r.Subject) === key && typeof r.id === 'string');
      if (hit) return hit.id as string;
    }
    return null;
  },

  async writeActivity(conn, draft, ctx) {
    const { module, record } = activityRecord(draft, ctx.now());
    const body = await zohoApi(conn, ctx).send<{ data?: WriteItem[] }>('POST', module, { data: [record] });
    const id = writeItems(body, module)[0]?.details?.id;
    if (!id) throw new ConnectorError('unavailable', `${module}: no id in the answer`);
    return { id };
  },

  async writeScores(conn, rows, ctx) {
    const api = zohoApi(conn, ctx);
    let written = 0;
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100);
      if (chunk.some((r) => r.target.objectType !== 'account')) throw new ConnectorError('rejected', 'writeScores: scores go on accounts only');
      written += writeItems(await api.send<{ data?: WriteItem[] }>('PUT', 'Accounts', { data: chunk.map(scoreRecord) }), 'Accounts').length;
    }
    return { written };
  },
};
