import { describe, expect, it } from 'vitest';
import { normaliseHost } from '../../../components/options/SettingsPanel';

describe('custom CRM domain input', () => {
  it.each([
    ['crm.example.com', 'crm.example.com'],
    ['https://Acme.my.salesforce.com/lightning/page/home', 'acme.my.salesforce.com'],
    ['  crm.example.co.uk:8443 ', 'crm.example.co.uk'],
  ])('%j → %j', (input, host) => {
    expect(normaliseHost(input)).toBe(host);
  });

  it.each(['', 'localhost', '*.example.com', 'exa mple.com', 'javascript:alert(1)', '-bad.example.com'])('refuses %j', (input) => {
    expect(normaliseHost(input)).toBeUndefined();
  });
});
