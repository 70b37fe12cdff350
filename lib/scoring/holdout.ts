/**
 * Forecast check on a holdout period (the CDNOW study's table): for customers who had bought by
 * the calibration end, the purchase model's expected purchase days in (asOf, holdoutEnd] against
 * the purchase days that actually followed — in total and by the number of repeat purchases in
 * calibration (0, 1, …, 6, 7+). See docs/scoring.md.
 */
import { dayOf } from '../clock';
import type { ScoringSettings } from '../schemas/settings';
import { customerStats } from './stats';
import type { BookModel, CustomerHistory } from './types';
import { customerValue } from './value';

export interface HoldoutRow {
  /** Repeat purchases in calibration; 7 stands for 7 or more. */
  x: number;
  customers: number;
  actual: number;
  predicted: number;
}

export interface HoldoutForecast {
  from: string;
  to: string;
  days: number;
  customers: number;
  actual: number;
  predicted: number;
  byFrequency: HoldoutRow[];
}

const MAX_GROUP = 7;

/** Purchase days (positive daily totals) in (fromDay, toDay]. */
function purchaseDaysBetween(h: CustomerHistory, fromDay: number, toDay: number): number {
  const days = new Map<number, number>();
  for (const t of h.transactions) {
    const d = dayOf(t.date);
    if (d > fromDay && d <= toDay && Number.isFinite(t.amount)) days.set(d, (days.get(d) ?? 0) + t.amount);
  }
  let n = 0;
  for (const a of days.values()) if (a > 0) n++;
  return n;
}

export function forecastHoldout(histories: readonly CustomerHistory[], model: BookModel, settings: ScoringSettings, holdoutEnd: string): HoldoutForecast {
  const from = dayOf(model.asOf);
  const to = dayOf(holdoutEnd);
  if (!(to > from)) throw new RangeError(`the holdout must end after ${model.asOf}, got ${holdoutEnd}`);
  const days = to - from;
  const groups: HoldoutRow[] = Array.from({ length: MAX_GROUP + 1 }, (_, x) => ({ x, customers: 0, actual: 0, predicted: 0 }));
  let customers = 0;
  let actual = 0;
  let predicted = 0;
  for (const h of histories) {
    const s = customerStats(h.transactions, from, model.horizonDays);
    if (s.purchaseDays === 0) continue;
    const expected = customerValue(s, model, settings, days).expectedInHorizon;
    const real = purchaseDaysBetween(h, from, to);
    const g = groups[Math.min(MAX_GROUP, s.x)]!;
    g.customers++;
    g.actual += real;
    g.predicted += expected;
    customers++;
    actual += real;
    predicted += expected;
  }
  return { from: model.asOf, to: holdoutEnd, days, customers, actual, predicted, byFrequency: groups };
}
