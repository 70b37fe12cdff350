/**
 * The sample book's goal names in each language: a goal's name is the user's own text once
 * stored, so the sample writes it in the language the user reads when the sample is loaded.
 */
import type { Locale } from '../i18n';

export type SampleGoalId = 'G-satisfaction' | 'G-retention' | 'G-new' | 'G-repurchase' | 'G-depth';

export const SAMPLE_GOAL_TITLES: Record<Locale, Record<SampleGoalId, string>> = {
  en: {
    'G-satisfaction': 'CSAT 90 % this quarter',
    'G-retention': 'Keep 85 % of last quarter’s buyers',
    'G-new': '+10 % new customers',
    'G-repurchase': 'Gold accounts buy again',
    'G-depth': 'Two touches a month with Platinum',
  },
  zh_CN: {
    'G-satisfaction': '本季度 CSAT 达到 90%',
    'G-retention': '留住上季度 85% 的购买客户',
    'G-new': '新客户增长 10%',
    'G-repurchase': '黄金客户再次购买',
    'G-depth': '铂金客户每月接触两次',
  },
};
