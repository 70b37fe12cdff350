import type { Migration } from './index';

/** v1: the canonical model of docs/contracts.md. `crmKeys` is `crm:objectType:id` per crmRef (multi-entry index). */
export const v1: Migration = {
  version: 1,
  stores: {
    customers: '&id, name, domain, *emails, *crmKeys, segment, owner, createdAt',
    contacts: '&id, customerId',
    transactions: '&id, customerId, date, [customerId+date]',
    interactions: '&id, customerId, date, [customerId+date], nextStepDue',
    feedback: '&id, customerId, date, kind',
    goals: '&id, archived, category',
    actions: '&id, customerId, status, due, kind, [status+due], [customerId+status]',
    scores: '&customerId, tier, risk, riskScore, computedAt',
    importLog: '&id, startedAt, status',
    meta: '&key',
  },
};
