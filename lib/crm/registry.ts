/**
 * Every supported CRM: one line per descriptor (lib/crm/<crm>/descriptor.ts). The CRM ids of the
 * whole code base (`CrmId`, the zod enums, settings) and the manifest's host patterns derive
 * from this list.
 */
import { dynamics } from './dynamics/descriptor';
import { fxiaoke } from './fxiaoke/descriptor';
import { hubspot } from './hubspot/descriptor';
import { pipedrive } from './pipedrive/descriptor';
import { salesforce } from './salesforce/descriptor';
import type { CrmBase, CrmDescriptor } from './types';
import { zoho } from './zoho/descriptor';

export const CRMS = [salesforce, hubspot, zoho, dynamics, pipedrive, fxiaoke] as const;

export type CrmId = (typeof CRMS)[number]['id'];
export const CRM_IDS = CRMS.map((d) => d.id) as readonly CrmId[] as readonly [CrmId, ...CrmId[]];

/** Manifest match patterns of every CRM's own hosts. */
export const CRM_MATCHES: readonly string[] = CRMS.flatMap((d) => d.matches);

export const descriptorOf = (id: CrmId): CrmDescriptor => CRMS.find((d) => d.id === id)!;

/** The descriptor for a host: a custom domain the user mapped to a CRM, else the CRM's own hosts. */
export function descriptorFor(hostname: string, customDomains: readonly { crm: CrmId; host: string }[] = []): CrmDescriptor | null {
  const host = hostname.toLowerCase();
  const custom = customDomains.find((d) => d.host.toLowerCase() === host);
  return custom ? descriptorOf(custom.crm) : (CRMS.find((d) => d.isHost(host)) ?? null);
}

/** A CRM tab's URL: which CRM, its tenant and base — honouring custom domains; null for other pages. */
export function crmOfUrl(
  rawUrl: string,
  customDomains: readonly { crm: CrmId; host: string }[] = [],
): { crm: CrmId; tenant: string | null; base: CrmBase | null } | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  const d = url.protocol === 'https:' ? descriptorFor(url.hostname, customDomains) : null;
  return d && { crm: d.id, tenant: d.tenantOf(url), base: d.learnBase(url) };
}
