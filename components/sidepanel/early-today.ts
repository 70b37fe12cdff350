/**
 * Today's first read, started by the entry before React renders, while the page still waits for
 * its settings from the background: the first plan then shows as soon as both are in. It reads
 * the plan for the default capacity with no filter and the buckets closed; the view uses it when
 * it asks for no more than that, and its live query takes over once the plan shows.
 */
import type { ReadDb } from '../../lib/db/read-db';
import { NO_FILTERS } from '../../lib/sidepanel/plan';
import { loadToday, type TodayData, type TodayNeed } from '../../lib/sidepanel/today';
import { DEFAULT_SETTINGS } from '../../lib/schemas/settings-defaults';

const EARLY_DUE = DEFAULT_SETTINGS.today.capacity;

let early: { db: ReadDb; asOf: string; data: Promise<TodayData | null> } | null = null;

export function readTodayEarly(db: ReadDb, asOf: string): void {
  // a failed early read is read again by the view's live query, which reports it
  early = { db, asOf, data: loadToday(db, asOf, { filters: NO_FILTERS, due: EARLY_DUE, week: 0 }).catch(() => null) };
}

/** The early read for this view's first question, once (later questions are the live query's). */
export function takeTodayEarly(db: ReadDb, asOf: string, capacity: number): Promise<TodayData | null> | null {
  const e = early;
  early = null;
  return e && e.db === db && e.asOf === asOf && capacity <= EARLY_DUE ? e.data : null;
}

/** Whether the early read answers a question of the view (the same day, no filter, buckets closed, the default capacity or less). */
export const earlyAnswers = (need: TodayNeed, capacity: number): boolean =>
  need.filters.tiers.length === 0 && need.filters.kinds.length === 0 && need.week === 0 && need.due === capacity && capacity <= EARLY_DUE;
