/**
 * The Pipedrive connector: API v2 (v1 where v2 has no endpoint: users, notes, fields) on the
 * company's own host with the user's personal API token (docs/crm-apis/pipedrive.md).
 */
import { ConnectorError, type Connection, type ConnectInput, type ConnectorContext, type CrmConnector } from '../../sync/types';
import { pdRequest } from './connector-http';
import { readPipedrive } from './connector-read';
import { findDoneActivity, writeDoneActivity, writeOrganizationScores } from './connector-write';

/** Where users/me answers before the company host is known. */
export const PIPEDRIVE_API = 'https://api.pipedrive.com';
const TOKEN = /^[0-9a-f]{40}$/i;
const COMPANY = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

interface Me {
  id: number;
  name?: string;
  email?: string;
  company_id?: number;
  company_domain?: string;
  default_currency?: string;
  timezone_name?: string;
}

export const pipedriveConnector: CrmConnector = {
  crm: 'pipedrive',
  fields: [{ name: 'apiToken', labelKey: 'connect.pipedrive.apiToken', secret: true, placeholder: '3f2a9c…' }],
  originsFor: () => ['https://*.pipedrive.com/*'],

  async connect(input: ConnectInput, ctx: ConnectorContext): Promise<Connection> {
    const apiToken = (input.apiToken ?? '').trim();
    if (!TOKEN.test(apiToken)) throw new ConnectorError('rejected', 'apiToken: expected the 40-character API token from Personal preferences › API');
    const { body } = await pdRequest<Me>(ctx, { apiBase: PIPEDRIVE_API, auth: { apiToken } }, '/v1/users/me');
    const me = body.data;
    if (typeof me?.id !== 'number' || !COMPANY.test(me.company_domain ?? '')) throw new ConnectorError('rejected', 'users/me: no user or company domain');
    const apiBase = `https://${me.company_domain!.toLowerCase()}.pipedrive.com`;
    return {
      crm: 'pipedrive',
      apiBase,
      tenant: String(me.company_id ?? me.company_domain),
      user: { id: String(me.id), name: me.name ?? String(me.id), ...(me.email ? { email: me.email } : {}) },
      auth: { apiToken, ...(me.default_currency ? { currency: me.default_currency } : {}), ...(me.timezone_name ? { timeZone: me.timezone_name } : {}) },
      origins: [`${apiBase}/*`],
    };
  },

  readChanges: readPipedrive,
  findActivity: findDoneActivity,
  writeActivity: writeDoneActivity,
  writeScores: writeOrganizationScores,
};
