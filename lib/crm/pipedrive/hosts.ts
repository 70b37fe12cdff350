export const PIPEDRIVE_MATCHES = ['https://*.pipedrive.com/*'] as const;
