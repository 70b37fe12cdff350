/**
 * Fxiaoke 纷享销客 OpenAPI connector with the company's self-built app credentials, issued by
 * an admin (docs/crm-apis/fxiaoke.md): appId + appSecret + permanentCode → corp access token,
 * acting as the rep (found by their mobile number). Reads 客户 AccountObj, 联系人 ContactObj,
 * 销售订单 SalesOrderObj and 销售记录 ActiveRecordObj; writes a 销售记录.
 */
import { keyInText } from '../../sync/activity-key';
import { requiredFields } from '../../sync/rows';
import { ConnectorError, type Connection, type CrmConnector } from '../../sync/types';
import { apiOrigin, fetchToken, fxApi } from './connector-http';
import type { Rec } from './connector-map';
import { readFxiaoke } from './connector-read';
import { activityCreate, findBody, scoreUpdate } from './connector-write';

export const fxiaokeConnector: CrmConnector = {
  crm: 'fxiaoke',
  fields: [
    { name: 'appId', labelKey: 'connector.fxiaoke.appId', secret: false, placeholder: 'FSAID_xxxxxxx' },
    { name: 'appSecret', labelKey: 'connector.fxiaoke.appSecret', secret: true },
    { name: 'permanentCode', labelKey: 'connector.fxiaoke.permanentCode', secret: true },
    { name: 'mobile', labelKey: 'connector.fxiaoke.mobile', secret: false, placeholder: '13800000000', optional: true },
    { name: 'cloudDomain', labelKey: 'connector.fxiaoke.cloudDomain', secret: false, placeholder: 'open.fxiaoke.com', optional: true },
  ],

  originsFor: (input) => [`${apiOrigin(input.cloudDomain)}/*`],

  async connect(input, ctx) {
    const origin = apiOrigin(input.cloudDomain);
    const f = requiredFields(input, ['appId', 'appSecret', 'permanentCode']);
    const mobile = (input.mobile ?? '').replace(/[\s-]/g, '');
    if (mobile && !/^\+?\d{6,15}$/.test(mobile)) throw new ConnectorError('rejected', 'mobile: expected a phone number');
    const t = await fetchToken(ctx, origin, f.appId!, f.appSecret!, f.permanentCode!);
    const conn: Connection = {
      crm: 'fxiaoke',
      apiBase: origin,
      tenant: t.ea,
      user: { id: t.openUserId ?? '', name: t.openUserId ?? '' },
      auth: { ...f, accessToken: t.accessToken, expiresAt: String(ctx.now() + (t.expiresIn ?? 7200) * 1000), userId: t.openUserId ?? '' },
      origins: [`${origin}/*`],
    };
    if (!mobile) return conn;
    const res = await fxApi(conn, ctx).post<{ errorCode?: number; empList?: Rec[] }>('/cgi/user/getByMobile', { mobile });
    const emp = res.empList?.[0];
    if (typeof emp?.openUserId !== 'string') throw new ConnectorError('rejected', 'mobile: no Fxiaoke employee with this number');
    const name = typeof emp.name === 'string' ? emp.name : emp.openUserId;
    return { ...conn, user: { id: emp.openUserId, name }, auth: { ...conn.auth, userId: emp.openUserId } };
  },

  /** A new corp access token from the stored app credentials (Fxiaoke hands out the same one while it is fresh). */
  async refresh(conn, ctx) {
    const a = conn.auth;
    const t = await fetchToken(ctx, conn.apiBase, a.appId!, a.appSecret!, a.permanentCode!);
    if (t.ea !== conn.tenant) throw new ConnectorError('auth', 'token: another enterprise');
    return { ...conn, auth: { ...a, accessToken: t.accessToken, expiresAt: String(ctx.now() + (t.expiresIn ?? 7200) * 1000) } };
  },

  readChanges: readFxiaoke,

  async findActivity(conn, key, _target, ctx) {
    const res = await fxApi(conn, ctx).post<{ errorCode?: number; data?: { dataList?: Rec[] } }>('/cgi/crm/v2/data/query', findBody(key));
    const hit = res.data?.dataList?.find((r) => keyInText(r.active_record_content) === key && typeof r._id === 'string');
    return hit ? (hit._id as string) : null;
  },

  async writeActivity(conn, draft, ctx) {
    const res = await fxApi(conn, ctx).post<{ errorCode?: number; dataId?: string }>(
      '/cgi/crm/v2/data/create',
      activityCreate(draft, ctx.now(), conn.auth.userId ?? ''),
    );
    if (typeof res.dataId !== 'string' || !res.dataId) throw new ConnectorError('unavailable', 'create: no dataId in the answer');
    return { id: res.dataId };
  },

  async writeScores(conn, rows, ctx) {
    const api = fxApi(conn, ctx);
    let written = 0;
    for (const row of rows) {
      if (row.target.objectType !== 'account') throw new ConnectorError('rejected', 'writeScores: scores go on accounts only');
      await api.post('/cgi/crm/v2/data/update', scoreUpdate(row));
      written++;
    }
    return { written };
  },
};
