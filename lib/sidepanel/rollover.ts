/**
 * When an open side panel's "today" ends: the next local midnight (the browser's time zone, DST
 * included — the Date constructor resolves the wall-clock day after), so the panel can move its
 * "As of" and everything derived from it without a reload.
 */

/** Milliseconds from `nowMs` until the next local midnight (always > 0). */
export function msUntilNextMidnight(nowMs: number): number {
  const d = new Date(nowMs);
  const next = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 0, 0, 0, 0).getTime();
  return Math.max(1, next - nowMs);
}
