/**
 * Pipedrive, the extension side (lib/crm/types.ts CrmBook): name, tenants, record links, export headers
 * (import preset), the sample book's record ids and the demo tenant. Never in the content script.
 */
import { pipedriveBase, pipedriveRecordUrl, pipedriveTenant } from './urls';
import type { CrmBook } from '../types';

export const pipedriveBook: CrmBook = {
  name: 'Pipedrive',
  tenantOf: pipedriveTenant,
  learnBase: pipedriveBase,
  recordUrl: pipedriveRecordUrl,
  importPreset: {
    all: { customer_id: ['Organization - ID', 'Deal - Organization ID', 'Activity - Organization ID'] },
    customers: {
      customer_id: ['ID'],
      name: ['Organization - Name', 'Name'],
      domain: ['Organization - Website', 'Website'],
      owner: ['Organization - Owner', 'Owner'],
      created_at: ['Organization - Organization created', 'Organization - Add time', 'Add time'],
      segment: ['Organization - Label', 'Label'],
    },
    transactions: {
      order_id: ['Deal - ID'],
      date: ['Deal - Won time', 'Deal - Close date', 'Deal - Expected close date'],
      amount: ['Deal - Value'],
      currency: ['Deal - Currency'],
      product: ['Deal - Title', 'Deal - Product'],
    },
    interactions: {
      date: ['Activity - Due date', 'Activity - Done time', 'Activity - Marked as done time'],
      channel: ['Activity - Type'],
      summary: ['Activity - Subject', 'Activity - Note'],
      contact: ['Activity - Contact person'],
    },
  },
  sample: {
    stories: {
      'C-1001': '1201',
      'C-1002': '1202',
      'C-1003': '1203',
      'C-1004': '1204',
      'C-1005': '1205',
      'C-1006': '1206',
    },
    unknown: '9999',
    recordId: (index) => String(2000 + index),
  },
  demoListUrl: 'https://rapport-demo.pipedrive.com/organizations/list/user/everyone',
};
