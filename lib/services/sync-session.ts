/**
 * Salesforce works on the rep's own browser session: the `sid` cookie of the org's My Domain
 * host (read with the optional `cookies` permission, asked for when the rep connects). The org
 * URL comes from the connect form, else from an open Salesforce tab.
 */
import { browser } from 'wxt/browser';
import { salesforceApiBase } from '../crm/salesforce/connector';
import type { CrmId } from '../schemas/values';
import type { Connection, ConnectInput } from '../sync/types';

const SALESFORCE_TABS = ['https://*.my.salesforce.com/*', 'https://*.lightning.force.com/*'];

async function openOrgUrl(): Promise<string | undefined> {
  const tabs = await browser.tabs.query({ url: SALESFORCE_TABS });
  const url = tabs.map((t) => t.url).find((u): u is string => typeof u === 'string');
  return url ? new URL(url).origin : undefined;
}

async function sidFor(apiBase: string): Promise<string | undefined> {
  const cookies = (browser as { cookies?: typeof browser.cookies }).cookies;
  if (!cookies) return undefined; // the optional permission was not granted
  return (await cookies.get({ url: `${apiBase}/`, name: 'sid' }))?.value;
}

/** The connect input with the browser's session filled in (Salesforce); other CRMs' input as given. */
export async function withBrowserSession(crm: CrmId, input: ConnectInput): Promise<ConnectInput> {
  if (crm !== 'salesforce') return input;
  const instanceUrl = input.instanceUrl?.trim() || (await openOrgUrl());
  if (!instanceUrl) return input;
  const apiBase = salesforceApiBase(instanceUrl);
  const sid = await sidFor(apiBase);
  return { ...input, instanceUrl: apiBase, ...(sid ? { sid } : {}) };
}

/** A fresh session for a stored connection whose session expired (the engine connects again with it). */
export async function sessionInput(crm: CrmId, conn: Connection): Promise<ConnectInput | undefined> {
  if (crm !== 'salesforce') return undefined;
  const sid = await sidFor(conn.apiBase);
  return sid && sid !== conn.auth.sid ? { instanceUrl: conn.apiBase, sid } : undefined;
}
