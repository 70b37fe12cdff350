/**
 * Custom CRM domains (a Salesforce My Domain on a vanity host, an on-premise Dynamics…): the
 * options page asks for the optional host permission; the background then registers the same
 * content script for the hosts the user granted, and keeps that registration in step with
 * settings and permission changes. Never `<all_urls>`.
 */
import type { CrmId } from '../schemas/values';

export const CUSTOM_SCRIPT_ID = 'rapport-custom-domains';
/** WXT's output path of entrypoints/crm.content. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/crm.js';

export interface ScriptingApi {
  hasOrigin(origin: string): Promise<boolean>;
  registered(): Promise<string[]>;
  unregister(): Promise<void>;
  register(matches: string[]): Promise<void>;
}

export const originFor = (host: string): string => `https://${host.trim().toLowerCase()}/*`;

/** Register the CRM content script for every granted custom host; returns the match patterns. */
export async function syncCustomDomainScripts(domains: readonly { crm: CrmId; host: string }[], api: ScriptingApi): Promise<string[]> {
  const granted: string[] = [];
  for (const d of domains) {
    const origin = originFor(d.host);
    if (!granted.includes(origin) && (await api.hasOrigin(origin))) granted.push(origin);
  }
  const current = await api.registered();
  if (current.length === granted.length && current.every((m) => granted.includes(m))) return granted;
  if (current.length) await api.unregister();
  if (granted.length) await api.register(granted);
  return granted;
}
