/** Waits for CRM limits that reset at a day boundary (HubSpot's and Pipedrive's daily budgets). */

/** Ms from `now` until the next midnight in `timeZone` (UTC when absent or unknown). */
export function msToMidnight(now: number, timeZone?: string): number {
  const format = (tz: string): Intl.DateTimeFormatPart[] =>
    new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(now));
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = format(timeZone ?? 'UTC');
  } catch {
    parts = format('UTC');
  }
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const elapsed = ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 + (((now % 1000) + 1000) % 1000);
  return 86_400_000 - elapsed;
}
