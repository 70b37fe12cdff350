/** Covers every crmN region; the adapter post-filters on `\.crm\d*\.dynamics\.com$`. */
export const DYNAMICS_MATCHES = ['https://*.dynamics.com/*'] as const;
