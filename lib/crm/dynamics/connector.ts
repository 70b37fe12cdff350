/**
 * Dynamics 365 (Dataverse Web API v9.2) connector on the rep's signed-in session: nothing to set
 * up but the environment URL of the open Dynamics tab (docs/crm-apis/dynamics.md). Reads
 * accounts, contacts, won opportunities, completed phone calls / appointments / tasks and cases;
 * writes a completed phone call or task whose GUID comes from the draft's key.
 */
import { ConnectorError, type Connection, type ConnectorContext, type CrmConnector } from '../../sync/types';
import { API_PATH, dataverse, orgOrigin } from './connector-http';
import { guid, type Row } from './connector-map';
import { readDynamics } from './connector-read';
import { activityGuid, activityWrite, scoreColumns, targetGuid } from './connector-write';

const apiOf = (conn: Connection, ctx: ConnectorContext) => dataverse(new URL(conn.apiBase).origin, ctx);

export const dynamicsConnector: CrmConnector = {
  crm: 'dynamics',
  fields: [{ name: 'orgUrl', labelKey: 'connector.dynamics.orgUrl', secret: false, placeholder: 'https://contoso.crm4.dynamics.com' }],

  originsFor: (input) => [`${orgOrigin(input.orgUrl)}/*`],

  async connect(input, ctx) {
    const origin = orgOrigin(input.orgUrl);
    const api = dataverse(origin, ctx);
    const who = await api.get<Row>('WhoAmI');
    const userId = guid(who.UserId, 'WhoAmI.UserId');
    const user = await api.get<Row>(`systemusers(${userId})?$select=fullname,internalemailaddress`);
    const email = typeof user.internalemailaddress === 'string' && user.internalemailaddress ? user.internalemailaddress : undefined;
    return {
      crm: 'dynamics',
      apiBase: `${origin}${API_PATH}`,
      tenant: guid(who.OrganizationId, 'WhoAmI.OrganizationId'),
      user: { id: userId, name: typeof user.fullname === 'string' ? user.fullname : '', ...(email ? { email } : {}) },
      auth: {},
      origins: [`${origin}/*`],
    };
  },

  readChanges: readDynamics,

  /** Found only once completed: an activity created but not yet closed is finished by writeActivity. */
  async findActivity(conn, key, _target, ctx) {
    const id = await activityGuid(key);
    try {
      const row = await apiOf(conn, ctx).get<Row>(`activitypointers(${id})?$select=activityid,statecode`);
      return row.statecode === 1 ? guid(row.activityid, 'activityid') : null;
    } catch (e) {
      if (e instanceof ConnectorError && e.code === 'not-found') return null;
      throw e;
    }
  },

  async writeActivity(conn, draft, ctx) {
    const api = apiOf(conn, ctx);
    const id = await activityGuid(draft.key);
    const w = activityWrite(draft, ctx.now());
    try {
      await api.patch(`${w.set}(${id})`, w.body, 'create-only');
    } catch (e) {
      // 412: it exists already (an earlier attempt got through); only closing it is left.
      if (!(e instanceof ConnectorError && e.status === 412)) throw e;
    }
    await api.patch(`${w.set}(${id})`, w.close, 'update-only');
    return { id };
  },

  async writeScores(conn, rows, ctx) {
    const api = apiOf(conn, ctx);
    let written = 0;
    for (const row of rows) {
      if (row.target.objectType !== 'account') throw new ConnectorError('rejected', 'writeScores: scores go on accounts only');
      await api.patch(`accounts(${targetGuid(row.target.id, 'target.id')})`, scoreColumns(row), 'update-only');
      written++;
    }
    return { written };
  },
};
