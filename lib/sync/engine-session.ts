/**
 * Calling a CRM with a stored connection, for the sync and the outbox alike: when the CRM says
 * the session or token is no longer good (`auth`), an OAuth connector refreshes it; a connector
 * on the browser's own session (Salesforce's `sid` cookie) connects again with a freshly read
 * session. Only when that fails too is the connection marked as needing sign-in — nothing queued
 * is dropped.
 */
import type { AppDB } from '../db/app-db';
import { syncRepo } from '../db/repos/sync';
import type { CrmId } from '../schemas/values';
import type { ConnectionRow } from './state';
import { ConnectorError, type Connection, type ConnectInput, type ConnectorContext, type CrmConnector } from './types';

export interface SessionDeps {
  db: () => AppDB;
  connectors: Readonly<Record<CrmId, CrmConnector>>;
  fetch: ConnectorContext['fetch'];
  now: () => number;
  /** A fresh connect input from the browser's session (Salesforce: the `sid` cookie), when the CRM works that way. */
  sessionInput?: (crm: CrmId, conn: Connection) => Promise<ConnectInput | undefined>;
}

/** The connection needs the rep to sign in again (its stored row says so). */
export class NeedsSignIn extends Error {
  override name = 'NeedsSignIn';
  constructor(readonly crm: CrmId) {
    super(`${crm}: sign in again`);
  }
}

export const contextFor = (deps: SessionDeps, signal?: AbortSignal): ConnectorContext => ({
  fetch: deps.fetch,
  now: deps.now,
  ...(signal ? { signal } : {}),
});

async function renewed(deps: SessionDeps, row: ConnectionRow, ctx: ConnectorContext): Promise<Connection | undefined> {
  const connector = deps.connectors[row.crm];
  try {
    if (connector.refresh) return await connector.refresh(row.connection, ctx);
    const input = await deps.sessionInput?.(row.crm, row.connection);
    if (input) return await connector.connect(input, ctx);
  } catch (e) {
    if (!(e instanceof ConnectorError) || e.code !== 'auth') throw e;
  }
  return undefined;
}

/**
 * Run `fn` with the CRM's stored connection; on `auth`, renew once and run again. Throws
 * NeedsSignIn (and marks the connection) when the CRM still refuses.
 */
export async function withConnection<T>(
  deps: SessionDeps,
  crm: CrmId,
  ctx: ConnectorContext,
  fn: (conn: Connection, connector: CrmConnector) => Promise<T>,
): Promise<T> {
  const repo = syncRepo(deps.db());
  const row = await repo.connection(crm);
  if (!row) throw new ConnectorError('auth', 'not connected');
  if (row.health === 'needs-signin') throw new NeedsSignIn(crm);
  const connector = deps.connectors[crm];
  try {
    return await fn(row.connection, connector);
  } catch (e) {
    if (!(e instanceof ConnectorError) || e.code !== 'auth') throw e;
  }
  const fresh = await renewed(deps, row, ctx);
  if (fresh) {
    await repo.updateConnection(crm, { connection: fresh });
    try {
      return await fn(fresh, connector);
    } catch (e) {
      if (!(e instanceof ConnectorError) || e.code !== 'auth') throw e;
    }
  }
  await repo.updateConnection(crm, { health: 'needs-signin', lastError: 'sync.auth' });
  throw new NeedsSignIn(crm);
}
