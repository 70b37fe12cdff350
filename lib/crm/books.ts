/**
 * Every CRM's book (lib/crm/<crm>/book.ts): import presets, sample ids, demo tenant — what
 * extension pages, the import and the tools need and the content script must not carry. One
 * line per CRM; a CRM in the registry without a book here is a type error.
 */
import type { CrmBook } from './types';
import type { CrmId } from '../schemas/values';
import { salesforceBook } from './salesforce/book';
import { hubspotBook } from './hubspot/book';
import { zohoBook } from './zoho/book';
import { dynamicsBook } from './dynamics/book';
import { pipedriveBook } from './pipedrive/book';
import { fxiaokeBook } from './fxiaoke/book';

export const BOOKS: { readonly [K in CrmId]: CrmBook } = {
  salesforce: salesforceBook,
  hubspot: hubspotBook,
  zoho: zohoBook,
  dynamics: dynamicsBook,
  pipedrive: pipedriveBook,
  fxiaoke: fxiaokeBook,
};
