/**
 * Zoho CRM, the extension side (lib/crm/types.ts CrmBook): name, tenants, record links, export headers
 * (import preset), the sample book's record ids and the demo tenant. Never in the content script.
 */
import { zohoBase, zohoRecordUrl, zohoTenant } from './urls';
import type { CrmBook } from '../types';

export const zohoBook: CrmBook = {
  name: 'Zoho CRM',
  tenantOf: zohoTenant,
  learnBase: zohoBase,
  recordUrl: zohoRecordUrl,
  importPreset: {
    all: { customer_id: ['Account ID', 'Account Id', 'Account Name.id'] },
    customers: {
      customer_id: ['Record Id'],
      name: ['Account Name'],
      domain: ['Website'],
      owner: ['Account Owner'],
      created_at: ['Created Time'],
      segment: ['Account Type', 'Industry'],
      email: ['Email'],
    },
    transactions: {
      order_id: ['Deal Id', 'Record Id'],
      date: ['Closing Date'],
      amount: ['Amount', 'Grand Total'],
      currency: ['Currency'],
      product: ['Deal Name', 'Product Name'],
    },
    interactions: {
      date: ['Call Start Time', 'Start DateTime', 'Due Date'],
      channel: ['Activity Type', 'Call Type'],
      summary: ['Subject', 'Description'],
      contact: ['Contact Name'],
    },
  },
  sample: {
    stories: {
      'C-1001': '4876876000000312001',
      'C-1002': '4876876000000312002',
      'C-1003': '4876876000000312003',
      'C-1004': '4876876000000312004',
      'C-1005': '4876876000000312005',
      'C-1006': '4876876000000312006',
    },
    unknown: '4876876000000319999',
    recordId: (index) => String(4876876000000400000n + BigInt(index)),
  },
  demoListUrl: 'https://crm.zoho.com/crm/org20067231/tab/Accounts/custom-view/4876876000000087501/list',
};
