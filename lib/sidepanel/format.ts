/**
 * Number and date formatting for the side panel, in the active locale. KPI values are shown
 * rounded; the DOM contract attributes carry the raw numbers (see kpiAttr).
 */
import type { Locale } from '../i18n';
import type { KpiId } from '../schemas/enums';
import { formatMoney, formatNumber } from '../i18n/format';

const tag = (locale: Locale): string => (locale === 'zh_CN' ? 'zh-CN' : 'en');

/** The contract form of a KPI value: the plain unrounded number, or "" when undefined. */
export const kpiAttr = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '' : String(v));

export type KpiUnit = 'percent' | 'score' | 'count' | 'money' | 'perMonth' | 'per100';

export const KPI_UNIT: Record<KpiId, KpiUnit> = {
  csat: 'percent',
  nps: 'score',
  retention: 'percent',
  'churn-rate': 'percent',
  'repurchase-rate': 'percent',
  'new-customers': 'count',
  clv: 'money',
  'interaction-frequency': 'perMonth',
  'complaint-rate': 'per100',
};

/** KPIs where a lower value is better (a fall shows as an improvement). */
export { LOWER_IS_BETTER } from '../scoring/goals';

// One number and money formatter for every page (lib/i18n/format.ts): money in full, so a view
// never shows `US$3740.9万` beside `−US$51,139`.
export { formatMoney, formatNumber };

/** The bare number of a KPI in its unit (the caller adds "%", "/ month" through i18n). */
export function formatKpiNumber(id: KpiId, v: number, locale: Locale, currency: string): string {
  switch (KPI_UNIT[id]) {
    case 'money':
      return formatMoney(v, locale, currency);
    case 'count':
      return formatNumber(v, locale, 0);
    case 'perMonth':
    case 'per100':
      return formatNumber(v, locale, 2);
    default:
      return formatNumber(v, locale, 1);
  }
}

/** A calendar date (ISO yyyy-MM-dd) for display; computed in UTC so no zone shifts the day. */
export function formatDate(iso: string, locale: Locale): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(tag(locale), { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }).format(d);
}

/** A signed number: `+12`, `−3.5`, `0`. */
export function formatSigned(v: number, locale: Locale, digits = 1): string {
  const s = formatNumber(Math.abs(v), locale, digits);
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s;
}
