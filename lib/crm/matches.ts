/** Manifest match patterns of all supported CRMs (used by wxt.config.ts and the content script). */
import { SALESFORCE_MATCHES } from './salesforce/hosts';
import { HUBSPOT_MATCHES } from './hubspot/hosts';
import { ZOHO_MATCHES } from './zoho/hosts';
import { DYNAMICS_MATCHES } from './dynamics/hosts';
import { PIPEDRIVE_MATCHES } from './pipedrive/hosts';
import { FXIAOKE_MATCHES } from './fxiaoke/hosts';

export const CRM_MATCHES: readonly string[] = [
  ...SALESFORCE_MATCHES,
  ...HUBSPOT_MATCHES,
  ...ZOHO_MATCHES,
  ...DYNAMICS_MATCHES,
  ...PIPEDRIVE_MATCHES,
  ...FXIAOKE_MATCHES,
];
