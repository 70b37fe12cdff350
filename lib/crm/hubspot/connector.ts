/**
 * The HubSpot connector: CRM v3/v4 API on api.hubapi.com with a token the user pastes — an
 * account service key or a legacy private-app access token (docs/crm-apis/hubspot.md).
 */
import { ConnectorError, type Connection, type ConnectInput, type ConnectorContext, type CrmConnector } from '../../sync/types';
import { HUBSPOT_API, hsRequest } from './connector-http';
import { readHubspot } from './connector-read';
import { findEngagement, writeCompanyScores, writeEngagement } from './connector-write';

const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._-]{9,499}$/;

interface AccountInfo {
  portalId: number;
  timeZone?: string;
  companyCurrency?: string;
  uiDomain?: string;
}

export const hubspotConnector: CrmConnector = {
  crm: 'hubspot',
  fields: [{ name: 'token', labelKey: 'connect.hubspot.token', secret: true, placeholder: 'pat-na1-…' }],
  originsFor: () => [`${HUBSPOT_API}/*`],

  async connect(input: ConnectInput, ctx: ConnectorContext): Promise<Connection> {
    const token = (input.token ?? '').trim();
    if (!TOKEN.test(token)) throw new ConnectorError('rejected', 'token: expected a HubSpot service key or access token (pat-…)');
    const probe = { auth: { token } };
    const { body: account } = await hsRequest<AccountInfo>(ctx, probe, '/account-info/v3/details');
    if (typeof account?.portalId !== 'number') throw new ConnectorError('rejected', 'account-info: no portalId');
    let userId: string | undefined;
    try {
      const { body } = await hsRequest<{ userId?: number }>(ctx, probe, '/oauth/v2/private-apps/get/access-token-info', {
        method: 'POST',
        json: { tokenKey: token },
      });
      if (typeof body?.userId === 'number') userId = String(body.userId);
    } catch (e) {
      // Service keys may not answer this private-app endpoint; the account is then who we are.
      if (e instanceof ConnectorError && (e.code === 'auth' || e.code === 'rate-limited' || e.code === 'unavailable')) throw e;
    }
    const portal = String(account.portalId);
    return {
      crm: 'hubspot',
      apiBase: HUBSPOT_API,
      tenant: portal,
      user: { id: userId ?? portal, name: userId ?? account.uiDomain ?? portal },
      auth: { token, ...(account.timeZone ? { timeZone: account.timeZone } : {}), ...(account.companyCurrency ? { currency: account.companyCurrency } : {}) },
      origins: [`${HUBSPOT_API}/*`],
    };
  },

  readChanges: readHubspot,
  findActivity: findEngagement,
  writeActivity: writeEngagement,
  writeScores: writeCompanyScores,
};
