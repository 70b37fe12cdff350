export const ZOHO_MATCHES = [
  'https://crm.zoho.com/*',
  'https://crm.zoho.eu/*',
  'https://crm.zoho.in/*',
  'https://crm.zoho.com.au/*',
  'https://crm.zoho.com.cn/*',
  'https://crm.zoho.jp/*',
  'https://crm.zohocloud.ca/*',
  'https://crmsandbox.zoho.com/*',
] as const;
