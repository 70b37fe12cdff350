/**
 * Dynamics 365 / Power Apps model-driven app hosts (crm-pages.md §4.1): `*.dynamics.com` covers
 * every `crmN` region (the adapter post-filters on `.crmN.dynamics.com`); the sovereign clouds
 * (GCC High, DoD, China/21Vianet, legacy Germany) have their own domains. On-premise hosts come
 * from settings (optional host permissions).
 */
export const DYNAMICS_MATCHES = [
  'https://*.dynamics.com/*',
  'https://*.crm.microsoftdynamics.us/*',
  'https://*.crm.appsplatform.us/*',
  'https://*.crm.dynamics.cn/*',
  'https://*.crm.microsoftdynamics.de/*',
] as const;
