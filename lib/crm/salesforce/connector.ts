/**
 * The Salesforce connector: REST API on the org's My Domain host with the signed-in session —
 * the background reads the `sid` cookie of `<org>.my.salesforce.com` and passes it as
 * `ConnectInput.sid` with the org URL as `instanceUrl` (docs/crm-apis/salesforce.md).
 */
import { ConnectorError, type Connection, type ConnectInput, type ConnectorContext, type CrmConnector } from '../../sync/types';
import { SF_DATA, sfRequest } from './connector-http';
import { readSalesforce } from './connector-read';
import { queryAll } from './connector-soql';
import { findTask, writeAccountScores, writeTask } from './connector-write';

/** A session id: the 15-character org id, `!`, the token. */
const SID = /^(00D[A-Za-z0-9]{12})![A-Za-z0-9._-]{10,}$/;
/** My Domain hosts (production and sandboxes) and their Lightning twins, which answer the API with a redirect that drops the Authorization header. */
const MY_DOMAIN = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:--[a-z0-9]+\.sandbox)?)\.(?:my\.salesforce|lightning\.force)\.com$/i;

/** `https://<org>.my.salesforce.com` for a My Domain or Lightning URL, or an error naming the field. */
export function salesforceApiBase(instanceUrl: string | undefined): string {
  let host = '';
  try {
    const u = new URL(instanceUrl ?? '');
    if (u.protocol === 'https:') host = u.hostname;
  } catch {
    // reported below
  }
  const m = MY_DOMAIN.exec(host);
  if (!m) throw new ConnectorError('rejected', 'instanceUrl: expected https://<org>.my.salesforce.com');
  return `https://${m[1]!.toLowerCase()}.my.salesforce.com`;
}

interface ChatterUser {
  id: string;
  name?: string;
  email?: string;
}

export const salesforceConnector: CrmConnector = {
  crm: 'salesforce',
  fields: [{ name: 'instanceUrl', labelKey: 'connect.salesforce.instanceUrl', secret: false, placeholder: 'https://acme.my.salesforce.com', optional: true }],
  originsFor: (input) => [`${salesforceApiBase(input.instanceUrl)}/*`],

  async connect(input: ConnectInput, ctx: ConnectorContext): Promise<Connection> {
    const apiBase = salesforceApiBase(input.instanceUrl);
    const sid = SID.exec(input.sid ?? '');
    if (!sid) throw new ConnectorError('auth', 'sid: no Salesforce session for this org (sign in to Salesforce)');
    const probe = { apiBase, auth: { sid: input.sid! } };
    const { body: me } = await sfRequest<ChatterUser>(ctx, probe, `${SF_DATA}/chatter/users/me`);
    const [org] = await queryAll(ctx, probe, 'SELECT Id, Name FROM Organization');
    const orgId = typeof org?.Id === 'string' ? org.Id : '';
    if (!orgId.startsWith(sid[1]!)) throw new ConnectorError('auth', 'session belongs to another org');
    return {
      crm: 'salesforce',
      apiBase,
      tenant: orgId,
      user: { id: me.id, name: me.name ?? me.id, ...(me.email ? { email: me.email } : {}) },
      auth: { sid: input.sid! },
      origins: [`${apiBase}/*`],
    };
  },

  readChanges: readSalesforce,
  findActivity: findTask,
  writeActivity: writeTask,
  writeScores: writeAccountScores,
};
