/**
 * Dynamics 365, the extension side (lib/crm/types.ts CrmBook): name, tenants, record links, export headers
 * (import preset), the sample book's record ids and the demo tenant. Never in the content script.
 */
import { dynamicsBase, dynamicsRecordUrl, dynamicsTenant } from './urls';
import type { CrmBook } from '../types';

export const dynamicsBook: CrmBook = {
  name: 'Dynamics 365',
  tenantOf: dynamicsTenant,
  learnBase: dynamicsBase,
  recordUrl: dynamicsRecordUrl,
  importPreset: {
    all: { customer_id: ['(Do Not Modify) Account', 'Account Number', 'Potential Customer (Id)', 'Regarding (Id)'] },
    customers: {
      name: ['Account Name'],
      domain: ['Website'],
      email: ['Email', 'E-mail'],
      owner: ['Owner'],
      created_at: ['Created On'],
      segment: ['Relationship Type', 'Category', 'Industry'],
    },
    transactions: {
      order_id: ['(Do Not Modify) Opportunity', 'Opportunity ID'],
      date: ['Actual Close Date', 'Est. Close Date'],
      amount: ['Actual Revenue', 'Est. Revenue'],
      currency: ['Currency'],
      product: ['Topic'],
    },
    interactions: {
      date: ['Actual End', 'Due Date', 'Actual Start'],
      channel: ['Activity Type'],
      summary: ['Subject', 'Description'],
      direction: ['Direction'],
    },
  },
  sample: {
    stories: {
      'C-1001': 'a5f55b8f-3596-6f8b-04a3-32d2d4f5882d',
      'C-1002': 'beeec826-be99-45ba-882c-0dff2cefed41',
      'C-1003': '21f8be6d-1b6c-12de-f7e3-6a42757765f0',
      'C-1004': 'c628ee64-8b50-afa3-1ce7-915920827332',
      'C-1005': '131a4a1e-cc70-30c0-ce6b-6e790f259ebb',
      'C-1006': '0abc40bd-73b7-4819-1d23-774fdfd5ff5f',
    },
    unknown: '9e0d3c1a-0000-4f1e-9a9a-000000009999',
    recordId(_index, draw) {
      const h = draw('0123456789abcdef', 32);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  },
  demoListUrl: 'https://rapport-demo.crm.dynamics.com/main.aspx?appid=00000000-0000-0000-0000-000000000001&pagetype=entitylist&etn=account',
};
