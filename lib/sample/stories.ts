/**
 * The sample book's story customers, with the record ids each CRM shows for them. The sample
 * generator builds their histories around these stories; adapter fixtures
 * (tests/fixtures/<crm>/), the e2e tests and the demo show the same ids and names, so every
 * surface tells the same story about the same customer.
 */
import type { ActionKind, CrmId, RiskBand, Tier } from '../schemas/values';

export interface Story {
  customerId: string;
  name: string;
  domain: string;
  /** What the sample history is built to show. */
  story: 'loyal-key-account' | 'big-account-going-quiet' | 'complainer' | 'new-customer' | 'single-threaded-key-account' | 'negative-value';
  /** What the scores should come out as on the sample book (asserted in tests). */
  expected: { tier: Tier; risk: RiskBand; nba: ActionKind };
  /** Account-level record id per CRM, exactly as the CRM's URL shows it. */
  crmIds: Record<CrmId, string>;
}

export const STORIES: readonly Story[] = [
  {
    customerId: 'C-1001',
    name: 'Northwind Traders',
    domain: 'northwind.example',
    story: 'loyal-key-account',
    expected: { tier: 'platinum', risk: 'low', nba: 'cross-sell' },
    crmIds: {
      salesforce: '001Dn00000NwTrAIAV',
      hubspot: '18734220001',
      zoho: '4876876000000312001',
      dynamics: 'a5f55b8f-3596-6f8b-04a3-32d2d4f5882d',
      pipedrive: '1201',
      fxiaoke: 'a5f55b8f35966f8b04a332d2',
    },
  },
  {
    customerId: 'C-1002',
    name: 'Globex Industrial',
    domain: 'globex.example',
    story: 'big-account-going-quiet',
    expected: { tier: 'platinum', risk: 'high', nba: 'exec-sponsor' },
    crmIds: {
      salesforce: '001Dn00000GlbXqIAJ',
      hubspot: '18734220002',
      zoho: '4876876000000312002',
      dynamics: 'beeec826-be99-45ba-882c-0dff2cefed41',
      pipedrive: '1202',
      fxiaoke: 'beeec826be9945ba882c0dff',
    },
  },
  {
    customerId: 'C-1003',
    name: 'Initech Software',
    domain: 'initech.example',
    story: 'complainer',
    expected: { tier: 'gold', risk: 'medium', nba: 'service-recovery' },
    crmIds: {
      salesforce: '001Dn00000InTchIAF',
      hubspot: '18734220003',
      zoho: '4876876000000312003',
      dynamics: '21f8be6d-1b6c-12de-f7e3-6a42757765f0',
      pipedrive: '1203',
      fxiaoke: '21f8be6d1b6c12def7e36a42',
    },
  },
  {
    customerId: 'C-1004',
    name: 'Umbrella Health',
    domain: 'umbrella.example',
    story: 'new-customer',
    expected: { tier: 'iron', risk: 'low', nba: 'onboard' },
    crmIds: {
      salesforce: '001Dn00000UmbHlIAJ',
      hubspot: '18734220004',
      zoho: '4876876000000312004',
      dynamics: 'c628ee64-8b50-afa3-1ce7-915920827332',
      pipedrive: '1204',
      fxiaoke: 'c628ee648b50afa31ce79159',
    },
  },
  {
    customerId: 'C-1005',
    name: '上海华腾贸易有限公司',
    domain: 'huateng.example',
    story: 'single-threaded-key-account',
    expected: { tier: 'gold', risk: 'low', nba: 'multi-thread' },
    crmIds: {
      salesforce: '001Dn00000HuaTgIAJ',
      hubspot: '18734220005',
      zoho: '4876876000000312005',
      dynamics: '131a4a1e-cc70-30c0-ce6b-6e790f259ebb',
      pipedrive: '1205',
      fxiaoke: '131a4a1ecc7030c0ce6b6e79',
    },
  },
  {
    customerId: 'C-1006',
    name: 'Stark Logistics',
    domain: 'stark.example',
    story: 'negative-value',
    expected: { tier: 'lead', risk: 'medium', nba: 'value-review' },
    crmIds: {
      salesforce: '001Dn00000StkLgIAJ',
      hubspot: '18734220006',
      zoho: '4876876000000312006',
      dynamics: '0abc40bd-73b7-4819-1d23-774fdfd5ff5f',
      pipedrive: '1206',
      fxiaoke: '0abc40bd73b748191d23774f',
    },
  },
];

/** A CRM record that is in no sample customer's refs: overlays must show "track this customer". */
export const UNKNOWN_RECORD: Record<CrmId, { id: string; name: string }> = {
  salesforce: { id: '001Dn00000ZzUnkIAF', name: 'Unknown Prospect Ltd' },
  hubspot: { id: '18734229999', name: 'Unknown Prospect Ltd' },
  zoho: { id: '4876876000000319999', name: 'Unknown Prospect Ltd' },
  dynamics: { id: '9e0d3c1a-0000-4f1e-9a9a-000000009999', name: 'Unknown Prospect Ltd' },
  pipedrive: { id: '9999', name: 'Unknown Prospect Ltd' },
  fxiaoke: { id: '9e0d3c1a00004f1e9a9a9999', name: 'Unknown Prospect Ltd' },
};

/** The sample book's "today": scores, due dates and the demo are computed as of this date. */
export const SAMPLE_AS_OF = '2026-11-20';
