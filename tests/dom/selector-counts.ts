/**
 * How many elements each selector key matches in each committed fixture page
 * (tests/fixtures/<crm>/<fixture>.html), as `[expectedCount, fixture]` pairs: the key's first
 * candidate that matches anything, counted like lib/dom/query.ts `match`. Every key of every
 * CRM's registry must be here (selectors.test.ts checks it); a fixture recaptured from a live
 * CRM updates these numbers on purpose.
 */
import type { CrmId } from '../../lib/schemas/values';

export type Pairs = readonly (readonly [count: number, fixture: string])[];

// One line per key, so a table reads as a table.
// prettier-ignore
export const SELECTOR_COUNTS: Readonly<Record<CrmId, Readonly<Record<string, Pairs>>>> = {
  salesforce: {
    'page.active': [[1, 'account-list'], [1, 'account-record-after-spa'], [1, 'account-record'], [2, 'console'], [1, 'contact-record']],
    'record.title': [[0, 'account-list'], [2, 'account-record-after-spa'], [2, 'account-record'], [2, 'console'], [1, 'contact-record']],
    'record.email': [[0, 'account-list'], [0, 'account-record-after-spa'], [0, 'account-record'], [0, 'console'], [1, 'contact-record']],
    'record.website': [[0, 'account-list'], [1, 'account-record-after-spa'], [1, 'account-record'], [1, 'console'], [0, 'contact-record']],
    'list.row': [[8, 'account-list'], [0, 'account-record-after-spa'], [0, 'account-record'], [0, 'console'], [0, 'contact-record']],
    'list.recordLink': [[7, 'account-list'], [0, 'account-record-after-spa'], [0, 'account-record'], [0, 'console'], [0, 'contact-record']],
  },
  hubspot: {
    'record.title': [[0, 'company-list'], [1, 'company-record-after-spa'], [1, 'company-record'], [1, 'contact-record']],
    'record.email': [[0, 'company-list'], [0, 'company-record-after-spa'], [0, 'company-record'], [1, 'contact-record']],
    'record.domain': [[0, 'company-list'], [1, 'company-record-after-spa'], [1, 'company-record'], [0, 'contact-record']],
    'list.row': [[7, 'company-list'], [0, 'company-record-after-spa'], [0, 'company-record'], [0, 'contact-record']],
    'list.nameCell': [[7, 'company-list'], [0, 'company-record-after-spa'], [0, 'company-record'], [0, 'contact-record']],
    'list.recordLink': [[14, 'company-list'], [0, 'company-record-after-spa'], [0, 'company-record'], [1, 'contact-record']],
  },
  zoho: {
    'record.title': [[0, 'account-list'], [2, 'account-record-after-spa'], [1, 'account-record'], [1, 'contact-record'], [1, 'deal-record']],
    'record.email': [[0, 'account-list'], [0, 'account-record-after-spa'], [0, 'account-record'], [1, 'contact-record'], [0, 'deal-record']],
    'record.website': [[0, 'account-list'], [2, 'account-record-after-spa'], [1, 'account-record'], [0, 'contact-record'], [0, 'deal-record']],
    'list.row': [[8, 'account-list'], [0, 'account-record-after-spa'], [1, 'account-record'], [0, 'contact-record'], [0, 'deal-record']],
    'list.recordLink': [[6, 'account-list'], [0, 'account-record-after-spa'], [1, 'account-record'], [1, 'contact-record'], [1, 'deal-record']],
    'list.cell': [[32, 'account-list'], [0, 'account-record-after-spa'], [2, 'account-record'], [0, 'contact-record'], [0, 'deal-record']],
  },
  dynamics: {
    'record.form': [[0, 'account-list'], [1, 'account-record-after-spa'], [1, 'account-record'], [1, 'contact-record'], [2, 'multi-session'], [1, 'opportunity-record']],
    'record.title': [[0, 'account-list'], [1, 'account-record-after-spa'], [1, 'account-record'], [1, 'contact-record'], [2, 'multi-session'], [1, 'opportunity-record']],
    'record.email': [[0, 'account-list'], [0, 'account-record-after-spa'], [0, 'account-record'], [1, 'contact-record'], [0, 'multi-session'], [0, 'opportunity-record']],
    'record.website': [[0, 'account-list'], [1, 'account-record-after-spa'], [1, 'account-record'], [0, 'contact-record'], [2, 'multi-session'], [0, 'opportunity-record']],
    'list.row': [[8, 'account-list'], [0, 'account-record-after-spa'], [0, 'account-record'], [0, 'contact-record'], [0, 'multi-session'], [0, 'opportunity-record']],
    'list.recordLink': [[6, 'account-list'], [0, 'account-record-after-spa'], [0, 'account-record'], [0, 'contact-record'], [0, 'multi-session'], [0, 'opportunity-record']],
    'list.cell': [[32, 'account-list'], [0, 'account-record-after-spa'], [0, 'account-record'], [0, 'contact-record'], [0, 'multi-session'], [0, 'opportunity-record']],
  },
  pipedrive: {
    'view.container': [[1, 'deal-record'], [2, 'organization-list'], [2, 'organization-record-after-spa'], [1, 'organization-record'], [1, 'person-record']],
    'record.title': [[1, 'deal-record'], [1, 'organization-list'], [2, 'organization-record-after-spa'], [1, 'organization-record'], [1, 'person-record']],
    'record.email': [[0, 'deal-record'], [1, 'organization-list'], [2, 'organization-record-after-spa'], [1, 'organization-record'], [1, 'person-record']],
    'record.website': [[0, 'deal-record'], [1, 'organization-list'], [2, 'organization-record-after-spa'], [1, 'organization-record'], [0, 'person-record']],
    'list.row': [[0, 'deal-record'], [8, 'organization-list'], [0, 'organization-record-after-spa'], [0, 'organization-record'], [0, 'person-record']],
    'list.organizationLink': [[1, 'deal-record'], [8, 'organization-list'], [0, 'organization-record-after-spa'], [0, 'organization-record'], [1, 'person-record']],
    'list.personLink': [[1, 'deal-record'], [1, 'organization-list'], [2, 'organization-record-after-spa'], [1, 'organization-record'], [0, 'person-record']],
    'list.dealLink': [[0, 'deal-record'], [7, 'organization-list'], [0, 'organization-record-after-spa'], [0, 'organization-record'], [0, 'person-record']],
    'list.cell': [[0, 'deal-record'], [32, 'organization-list'], [0, 'organization-record-after-spa'], [0, 'organization-record'], [0, 'person-record']],
  },
  fxiaoke: {
    'record.title': [[0, 'account-list'], [2, 'account-record-after-spa'], [1, 'account-record'], [1, 'contact-record'], [1, 'opportunity-record']],
    'record.email': [[0, 'account-list'], [0, 'account-record-after-spa'], [0, 'account-record'], [1, 'contact-record'], [0, 'opportunity-record']],
    'record.website': [[0, 'account-list'], [2, 'account-record-after-spa'], [1, 'account-record'], [0, 'contact-record'], [0, 'opportunity-record']],
    'list.row': [[15, 'account-list'], [15, 'account-record-after-spa'], [0, 'account-record'], [0, 'contact-record'], [0, 'opportunity-record']],
    'list.nameCell': [[8, 'account-list'], [8, 'account-record-after-spa'], [0, 'account-record'], [0, 'contact-record'], [0, 'opportunity-record']],
    'list.cell': [[47, 'account-list'], [47, 'account-record-after-spa'], [0, 'account-record'], [0, 'contact-record'], [0, 'opportunity-record']],
  },
};
