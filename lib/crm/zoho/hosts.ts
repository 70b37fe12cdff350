/**
 * Zoho CRM web hosts per data centre (crm-pages.md §3.1): US, EU, IN, AU, CN, JP, Canada
 * (zohocloud.ca), the sandbox, and Zoho CRM Plus (which wraps CRM under a path prefix).
 * Custom domain mappings come from settings (optional host permissions).
 */
export const ZOHO_MATCHES = [
  'https://crm.zoho.com/*',
  'https://crm.zoho.eu/*',
  'https://crm.zoho.in/*',
  'https://crm.zoho.com.au/*',
  'https://crm.zoho.com.cn/*',
  'https://crm.zoho.jp/*',
  'https://crm.zohocloud.ca/*',
  'https://crmsandbox.zoho.com/*',
  'https://crmplus.zoho.com/*',
] as const;
