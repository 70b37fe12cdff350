import { describe, expect, it } from 'vitest';
import { learnCrmBase, mergeBases, recordUrl } from '../../../lib/sidepanel/crm-links';
import { STORIES } from '../../../lib/sample/stories';

const northwind = STORIES[0]!;

describe('CRM record links', () => {
  it('learns each CRM base from a tab URL', () => {
    expect(learnCrmBase('https://acme.lightning.force.com/lightning/r/Account/001Dn00000NwTrAIAV/view')).toEqual({
      crm: 'salesforce',
      base: { origin: 'https://acme.lightning.force.com' },
    });
    expect(learnCrmBase('https://app-eu1.hubspot.com/contacts/4781234/record/0-2/18734220001')).toEqual({
      crm: 'hubspot',
      base: { origin: 'https://app-eu1.hubspot.com', part: '4781234' },
    });
    expect(learnCrmBase('https://crm.zoho.eu/crm/org746753262/tab/Accounts/4876876000000312001')).toEqual({
      crm: 'zoho',
      base: { origin: 'https://crm.zoho.eu', part: 'org746753262' },
    });
    expect(learnCrmBase('https://contoso.crm4.dynamics.com/main.aspx?appid=abc&pagetype=entitylist&etn=account')).toEqual({
      crm: 'dynamics',
      base: { origin: 'https://contoso.crm4.dynamics.com', part: 'abc' },
    });
    expect(learnCrmBase('https://acme.pipedrive.com/organization/1201')?.crm).toBe('pipedrive');
    expect(learnCrmBase('https://example.com/lightning/r/Account/1/view')).toBeNull();
    expect(learnCrmBase('http://acme.lightning.force.com/')).toBeNull();
    expect(learnCrmBase('not a url')).toBeNull();
  });

  it('builds record URLs only when the base is known (Salesforce needs the org host)', () => {
    const sf = { crm: 'salesforce' as const, objectType: 'account' as const, id: northwind.crmIds.salesforce };
    expect(recordUrl(sf, {})).toBeNull();
    expect(recordUrl(sf, { salesforce: { origin: 'https://acme.lightning.force.com' } })).toBe(
      'https://acme.lightning.force.com/lightning/r/Account/001Dn00000NwTrAIAV/view',
    );
    const hs = { crm: 'hubspot' as const, objectType: 'account' as const, id: northwind.crmIds.hubspot };
    expect(recordUrl(hs, { hubspot: { origin: 'https://app.hubspot.com' } })).toBeNull();
    expect(recordUrl(hs, { hubspot: { origin: 'https://app.hubspot.com', part: '42' } })).toBe('https://app.hubspot.com/contacts/42/record/0-2/18734220001');
    expect(recordUrl({ crm: 'zoho', objectType: 'deal', id: '5' }, { zoho: { origin: 'https://crm.zoho.com', part: 'org1' } })).toBe(
      'https://crm.zoho.com/crm/org1/tab/Potentials/5',
    );
    expect(recordUrl({ crm: 'dynamics', objectType: 'account', id: northwind.crmIds.dynamics }, { dynamics: { origin: 'https://x.crm.dynamics.com' } })).toBe(
      'https://x.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=a5f55b8f-3596-6f8b-04a3-32d2d4f5882d',
    );
    expect(recordUrl({ crm: 'pipedrive', objectType: 'account', id: '1201' }, { pipedrive: { origin: 'https://acme.pipedrive.com' } })).toBe(
      'https://acme.pipedrive.com/organization/1201',
    );
    expect(recordUrl({ crm: 'pipedrive', objectType: 'lead', id: '1201' }, { pipedrive: { origin: 'https://acme.pipedrive.com' } })).toBeNull();
    expect(recordUrl({ crm: 'fxiaoke', objectType: 'account', id: northwind.crmIds.fxiaoke }, {})).toBe(
      'https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/a5f55b8f35966f8b04a332d2',
    );
  });

  it('escapes ids so a hostile id cannot change the URL', () => {
    const url = recordUrl({ crm: 'salesforce', objectType: 'account', id: '../../evil?x=1' }, { salesforce: { origin: 'https://a.lightning.force.com' } });
    expect(url).toBe('https://a.lightning.force.com/lightning/r/Account/..%2F..%2Fevil%3Fx%3D1/view');
  });

  it('merging keeps a known portal when a later URL of the same host lacks one', () => {
    const a = mergeBases({}, ['https://app.hubspot.com/contacts/42/record/0-2/1']);
    expect(a.hubspot).toEqual({ origin: 'https://app.hubspot.com', part: '42' });
    const b = mergeBases({ zoho: { origin: 'https://crm.zoho.com', part: 'org1' } }, ['https://crm.zoho.com/crm/home', 'https://x.lightning.force.com/']);
    expect(b.zoho).toEqual({ origin: 'https://crm.zoho.com', part: 'org1' });
    expect(b.salesforce).toEqual({ origin: 'https://x.lightning.force.com' });
  });
});
