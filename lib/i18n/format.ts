/**
 * Numbers, money, dates and "n days ago" in a locale — one formatter of each for every page, so
 * one view never mixes notations. Money is written in full (`$51,139`, `US$37,409,050`) unless
 * the caller asks for compact notation for the whole view (`compact: true` for every figure it
 * shows, e.g. an axis); a user's own currency label that is not an ISO code is written after the
 * number.
 */
import type { Locale } from './index';
import { dayText, localeTagOf, numberText } from './message';

export { dayText as formatDay, numberText, localeTagOf };

const MS_PER_DAY = 86_400_000;

export function formatNumber(v: number, locale: Locale, maxFractionDigits = 1): string {
  return new Intl.NumberFormat(localeTagOf(locale), { maximumFractionDigits: maxFractionDigits }).format(v);
}

export interface MoneyOptions {
  /** Compact notation (`$37.4M`, `US$3740.9万`) — for every figure of a view, or for none. */
  compact?: boolean;
}

export function formatMoney(v: number, locale: Locale, currency: string, options: MoneyOptions = {}): string {
  const compact = options.compact === true;
  try {
    return new Intl.NumberFormat(localeTagOf(locale), {
      style: 'currency',
      currency,
      notation: compact ? 'compact' : 'standard',
      maximumFractionDigits: compact ? 1 : 0,
    }).format(v);
  } catch {
    // Not an ISO currency code (a user's own label): the number, then the label.
    return `${formatNumber(v, locale, compact ? 1 : 0)} ${currency}`;
  }
}

/** Whole days from `fromIso` to `toIso` (calendar dates, no zone involved). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / MS_PER_DAY);
}

/**
 * A day relative to today as people say it: "today", "yesterday", "3 days ago", "in 2 days"
 * (今天, 昨天, 3天前, 2天后). `days` < 0 is in the past.
 */
export function formatRelativeDays(days: number, locale: Locale): string {
  return new Intl.RelativeTimeFormat(localeTagOf(locale), { numeric: 'auto' }).format(days, 'day');
}

/** `dateIso` relative to `todayIso` ("3 days ago", "tomorrow"). */
export const formatRelativeDate = (dateIso: string, todayIso: string, locale: Locale): string => formatRelativeDays(daysBetween(todayIso, dateIso), locale);
