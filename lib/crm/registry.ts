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
import type { CrmDescriptor } from './types';
import { zoho } from './zoho/descriptor';

export const CRMS = [salesforce, hubspot, zoho, dynamics, pipedrive, fxiaoke] as const;

export type CrmId = (typeof CRMS)[number]['id'];
export const CRM_IDS = CRMS.map((d) => d.id) as readonly CrmId[] as readonly [CrmId, ...CrmId[]];

/** Manifest match patterns of every CRM's own hosts. */
export const CRM_MATCHES: readonly string[] = CRMS.flatMap((d) => d.hosts.map((h) => `https://${h}/*`));

export const descriptorOf = (id: CrmId): CrmDescriptor => CRMS.find((d) => d.id === id)!;

/** The descriptor for a host: a custom domain the user mapped to a CRM, else the CRM's own hosts. */
export function descriptorFor(hostname: string, customDomains: readonly { crm: CrmId; host: string }[] = []): CrmDescriptor | null {
  const host = hostname.toLowerCase();
  const custom = customDomains.find((d) => d.host.toLowerCase() === host);
  return custom ? descriptorOf(custom.crm) : (CRMS.find((d) => d.isHost(host)) ?? null);
}
