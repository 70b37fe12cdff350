/**
 * "Today" in one place. Services take `asOf` (an ISO date) from here so tests pass a fixed
 * date and time zone; nothing else in the code base calls `new Date()` for business dates.
 */

/** The calendar date (yyyy-MM-dd) of an instant in a time zone (default: the browser's). */
export function isoDateIn(instant: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (t: string): string => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export const today = (timeZone?: string): string => isoDateIn(new Date(), timeZone);

const DAY_MS = 86_400_000;

/** Whole days from `a` to `b` (ISO dates, calendar arithmetic in UTC, so no DST drift). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** ISO date `n` days after `d` (negative n goes back). */
export function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}
