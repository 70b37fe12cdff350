/**
 * The sample book's story customers, with the record ids each CRM shows for them (kept in each
 * CRM's book, lib/crm/<crm>/book.ts). The sample
 * generator builds their histories around these stories; adapter fixtures
 * (tests/fixtures/<crm>/), the e2e tests and the demo show the same ids and names, so every
 * surface tells the same story about the same customer.
 */
import { BOOKS } from '../crm/books';
import { CRM_IDS, type ActionKind, type CrmId, type RiskBand, type Tier } from '../schemas/values';

export const STORY_IDS = ['C-1001', 'C-1002', 'C-1003', 'C-1004', 'C-1005', 'C-1006'] as const;
export type StoryId = (typeof STORY_IDS)[number];

export interface Story {
  customerId: StoryId;
  name: string;
  domain: string;
  /** What the sample history is built to show. */
  story: 'loyal-key-account' | 'big-account-going-quiet' | 'complainer' | 'new-customer' | 'single-threaded-key-account' | 'negative-value';
  /** What the scores should come out as on the sample book (asserted in tests). */
  expected: { tier: Tier; risk: RiskBand; nba: ActionKind };
  /** Account-level record id per CRM, exactly as the CRM's URL shows it (from each CRM's book). */
  crmIds: Record<CrmId, string>;
}

const perCrm = <T>(f: (crm: CrmId) => T): Record<CrmId, T> => Object.fromEntries(CRM_IDS.map((crm) => [crm, f(crm)])) as Record<CrmId, T>;

const STORY_LINES: readonly Omit<Story, 'crmIds'>[] = [
  {
    customerId: 'C-1001',
    name: 'Northwind Traders',
    domain: 'northwind.example',
    story: 'loyal-key-account',
    expected: { tier: 'platinum', risk: 'low', nba: 'cross-sell' },
  },
  {
    customerId: 'C-1002',
    name: 'Globex Industrial',
    domain: 'globex.example',
    story: 'big-account-going-quiet',
    expected: { tier: 'platinum', risk: 'high', nba: 'exec-sponsor' },
  },
  {
    customerId: 'C-1003',
    name: 'Initech Software',
    domain: 'initech.example',
    story: 'complainer',
    expected: { tier: 'gold', risk: 'medium', nba: 'service-recovery' },
  },
  {
    customerId: 'C-1004',
    name: 'Umbrella Health',
    domain: 'umbrella.example',
    story: 'new-customer',
    expected: { tier: 'iron', risk: 'low', nba: 'onboard' },
  },
  {
    customerId: 'C-1005',
    name: '上海华腾贸易有限公司',
    domain: 'huateng.example',
    story: 'single-threaded-key-account',
    expected: { tier: 'gold', risk: 'low', nba: 'multi-thread' },
  },
  {
    customerId: 'C-1006',
    name: 'Stark Logistics',
    domain: 'stark.example',
    story: 'negative-value',
    expected: { tier: 'lead', risk: 'medium', nba: 'value-review' },
  },
];

export const STORIES: readonly Story[] = STORY_LINES.map((s) => ({ ...s, crmIds: perCrm((crm) => BOOKS[crm].sample.stories[s.customerId]) }));

/** A CRM record that is in no sample customer's refs: overlays must show "track this customer". */
export const UNKNOWN_RECORD: Record<CrmId, { id: string; name: string }> = perCrm((crm) => ({ id: BOOKS[crm].sample.unknown, name: 'Unknown Prospect Ltd' }));

/** The sample book's "today": scores, due dates and the demo are computed as of this date. */
export const SAMPLE_AS_OF = '2026-11-20';
