import type { CrmId } from '../../lib/schemas/enums';

/** Product names as the vendors write them (not translated). */
export const CRM_NAMES: Record<CrmId, string> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  zoho: 'Zoho CRM',
  dynamics: 'Dynamics 365',
  pipedrive: 'Pipedrive',
  fxiaoke: '纷享销客 Fxiaoke',
};
