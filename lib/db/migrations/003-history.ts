import type { Migration } from './index';

/**
 * v3: score history (a row per customer when their score changed, and weekly) and action
 * outcomes (what happened to every shown recommendation). New tables only: nothing to rewrite.
 */
export const v3: Migration = {
  version: 3,
  stores: {
    scoreHistory: '&id, customerId, date, [customerId+date]',
    actionOutcomes: '&id, customerId, kind, date, outcome',
  },
};
