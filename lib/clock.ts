/**
 * "Today" and all date maths in one place. Services take `asOf` (an ISO date) from here so tests
 * pass a fixed date and time zone; nothing else in the code base calls `new Date()` for business
 * dates. Business dates are ISO calendar dates `yyyy-MM-dd` without a zone; day arithmetic is
 * done on day numbers (days since 1970-01-01), so there is no DST drift.
 */

/** The calendar date (yyyy-MM-dd) of an instant in a time zone (default: the browser's). */
export function isoDateIn(instant: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (t: string): string => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export const today = (timeZone?: string): string => isoDateIn(new Date(), timeZone);

const DAY_MS = 86_400_000;

/** Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date. */
function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * Day number of a yyyy-MM-dd date (a longer ISO date-time is read by its date), read from char
 * codes: this is the hot path of a 100k-customer rescore, whose dates were validated on the way
 * in. NaN when not shaped like a date. Use `isRealDate` to validate input.
 */
export function dayOf(iso: string): number {
  if (iso.length < 10) return Number.NaN;
  const y0 = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y0 >= 0 && y0 <= 9999)) return Number.NaN;
  return daysFromCivil(y0, m, d);
}

/** True for a yyyy-MM-dd string naming a real calendar day (2023-02-29 and 2025-04-31 are not). */
export function isRealDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const day = dayOf(iso);
  return !Number.isNaN(day) && isoOfDay(day) === iso;
}

const isoCache = new Map<number, string>();
/** yyyy-MM-dd of a day number (memoised: a book spans a few thousand days). */
export function isoOfDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoCache.size < 200_000) isoCache.set(day, s);
  }
  return s;
}

/** yyyy-MM-dd (UTC) of an epoch-ms timestamp. */
export const isoOfMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Whole days from `a` to `b` (ISO dates). */
export const daysBetween = (a: string, b: string): number => dayOf(b) - dayOf(a);

/** ISO date `n` days after `d` (negative n goes back). */
export const addDays = (d: string, n: number): string => isoOfDay(dayOf(d) + n);
