/** Number, money, date and "how long ago" formats of the card, in the active locale. */
import { localeTag } from '../common';
import { addDays, daysBetween, isoOfMs } from '../../lib/clock';
import type { Locale } from '../../lib/i18n';
import { card } from '../../lib/i18n/catalogs/card';
import { common } from '../../lib/i18n/catalogs/common';
import { scoring } from '../../lib/i18n/catalogs/scoring';
import { mergeCatalogs } from '../../lib/i18n';

/** Every string the card shows: its own, tier / risk / action names, factor and reason sentences. */
export const CARD_CATALOG = mergeCatalogs(mergeCatalogs(common, scoring), card);
export type CardKey = keyof (typeof CARD_CATALOG)['en'];
export type CardT = (key: CardKey, params?: Record<string, string | number>) => string;
/** A stored key (factor, reason) as a sentence; unknown keys show as they are. */
export const say = (t: CardT, key: string, params?: Record<string, string | number>): string => t(key as CardKey, params);

export const percent = (locale: Locale, p: number): string =>
  new Intl.NumberFormat(localeTag(locale), { style: 'percent', maximumFractionDigits: 0 }).format(p);

export const money = (locale: Locale, currency: string, v: number): string =>
  new Intl.NumberFormat(localeTag(locale), { style: 'currency', currency, maximumFractionDigits: 0 }).format(v);

export const day = (locale: Locale, iso: string): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString(localeTag(locale), { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

/** "Scored today" / "Scored 3 days ago" ("3 天前评分"): the score's day against the card's today. */
export function scoredWhen(t: CardT, locale: Locale, computedAt: number, asOf: string): string {
  const days = Math.max(0, daysBetween(isoOfMs(computedAt), asOf));
  if (days === 0) return t('card.scoredToday');
  return t('card.scoredAgo', { when: new Intl.RelativeTimeFormat(localeTag(locale), { numeric: 'auto' }).format(-days, 'day') });
}

/** The snooze choices' dates from the card's today. */
export const snoozeDates = (asOf: string): { tomorrow: string; week: string; month: string } => ({
  tomorrow: addDays(asOf, 1),
  week: addDays(asOf, 7),
  month: addDays(asOf, 30),
});
