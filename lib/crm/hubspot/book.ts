/**
 * HubSpot, the extension side (lib/crm/types.ts CrmBook): name, tenants, record links, export headers
 * (import preset), the sample book's record ids and the demo tenant. Never in the content script.
 */
import { hubspotBase, hubspotRecordUrl, hubspotTenant } from './urls';
import type { CrmBook } from '../types';

export const hubspotBook: CrmBook = {
  name: 'HubSpot',
  tenantOf: hubspotTenant,
  learnBase: hubspotBase,
  recordUrl: hubspotRecordUrl,
  importPreset: {
    all: { customer_id: ['Associated Company IDs', 'Associated Company ID', 'Company ID', 'Associated Company IDs (Primary)'] },
    customers: {
      customer_id: ['Record ID'],
      name: ['Company name', 'Company Name'],
      domain: ['Company Domain Name', 'Website URL'],
      owner: ['Company owner', 'Company Owner'],
      created_at: ['Create Date'],
      segment: ['Lifecycle Stage', 'Industry'],
    },
    transactions: {
      order_id: ['Record ID', 'Deal ID'],
      date: ['Close Date'],
      amount: ['Amount'],
      currency: ['Currency', 'Deal currency code'],
      product: ['Deal Name'],
    },
    interactions: {
      date: ['Activity date', 'Activity Date'],
      channel: ['Activity type', 'Activity Type'],
      summary: ['Activity body', 'Subject', 'Notes'],
      direction: ['Call direction'],
    },
  },
  sample: {
    stories: {
      'C-1001': '18734220001',
      'C-1002': '18734220002',
      'C-1003': '18734220003',
      'C-1004': '18734220004',
      'C-1005': '18734220005',
      'C-1006': '18734220006',
    },
    unknown: '18734229999',
    recordId: (index) => String(18734300000 + index),
  },
  demoListUrl: 'https://app.hubspot.com/contacts/4567890/objects/0-2/views/all/list',
};
