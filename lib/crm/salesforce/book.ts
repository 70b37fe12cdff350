/**
 * Salesforce, the extension side (lib/crm/types.ts CrmBook): name, tenants, record links, export headers
 * (import preset), the sample book's record ids and the demo tenant. Never in the content script.
 */
import { salesforceBase, salesforceRecordUrl, salesforceTenant, toId18 } from './urls';
import type { CrmBook } from '../types';

export const salesforceBook: CrmBook = {
  name: 'Salesforce',
  tenantOf: salesforceTenant,
  learnBase: salesforceBase,
  recordUrl: salesforceRecordUrl,
  importPreset: {
    all: { customer_id: ['Account ID', 'Account ID (18)', 'AccountId'] },
    customers: {
      name: ['Account Name'],
      domain: ['Website'],
      segment: ['Type', 'Industry', 'Account Type'],
      owner: ['Account Owner', 'Owner Name'],
      created_at: ['Created Date'],
      email: ['Email'],
    },
    transactions: {
      date: ['Close Date', 'CloseDate'],
      amount: ['Amount'],
      currency: ['Amount Currency', 'Currency ISO Code', 'Opportunity Currency'],
      product: ['Opportunity Name', 'Product Name'],
      order_id: ['Opportunity ID', 'Opportunity ID (18)'],
    },
    interactions: {
      date: ['Activity Date', 'Due Date'],
      channel: ['Task Subtype', 'Task Type'],
      summary: ['Subject'],
      contact: ['Contact', 'Name'],
      direction: ['Call Type'],
    },
  },
  sample: {
    stories: {
      'C-1001': '001Dn00000NwTrAIAV',
      'C-1002': '001Dn00000GlbXqIAJ',
      'C-1003': '001Dn00000InTchIAF',
      'C-1004': '001Dn00000UmbHlIAJ',
      'C-1005': '001Dn00000HuaTgIAJ',
      'C-1006': '001Dn00000StkLgIAJ',
    },
    unknown: '001Dn00000ZzUnkIAF',
    recordId: (_index, draw) => toId18(`001Dn0000${draw('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 6)}`),
  },
  demoListUrl: 'https://rapport-demo.lightning.force.com/lightning/o/Account/list?filterName=Recent',
};
