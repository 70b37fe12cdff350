export const SALESFORCE_MATCHES = ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'] as const;
