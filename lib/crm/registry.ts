/** Every supported CRM's adapter, and which one serves a page. */
import type { CrmId } from '../schemas/values';
import { dynamicsAdapter } from './dynamics/adapter';
import { fxiaokeAdapter } from './fxiaoke/adapter';
import { hubspotAdapter } from './hubspot/adapter';
import { pipedriveAdapter } from './pipedrive/adapter';
import { salesforceAdapter } from './salesforce/adapter';
import type { CrmAdapter } from './types';
import { zohoAdapter } from './zoho/adapter';

export const ADAPTERS: readonly CrmAdapter[] = [salesforceAdapter, hubspotAdapter, zohoAdapter, dynamicsAdapter, pipedriveAdapter, fxiaokeAdapter];

/** The adapter for a host: the CRM's own hosts, or a custom domain the user mapped to a CRM. */
export function adapterFor(hostname: string, customDomains: readonly { crm: CrmId; host: string }[] = []): CrmAdapter | null {
  const host = hostname.toLowerCase();
  const custom = customDomains.find((d) => d.host.toLowerCase() === host);
  if (custom) return ADAPTERS.find((a) => a.id === custom.crm) ?? null;
  return ADAPTERS.find((a) => a.isHost(host)) ?? null;
}
