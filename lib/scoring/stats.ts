/**
 * One customer's purchase history as of a day, in days: the BG/NBD summary (x repeat purchase
 * days, t_x, T from the first purchase), spend (net of refunds), and the recent window against
 * the one before it (purchase days and spend) for the risk model's trend features.
 *
 * One purchase per customer-day: amounts of a day are summed and the day is a purchase only when
 * its total is positive (a refund is not a purchase; it lowers net spend). See docs/scoring.md.
 */
import type { Transaction } from '../schemas/domain';
import { dayOf, isoOfDay } from '../clock';

/** Value proxies look back a year. */
export const YEAR_DAYS = 365;
/** Recency of a customer who never bought (RFM). */
export const NEVER_DAYS = 100_000;

export interface CustomerStats {
  x: number;
  tx: number;
  T: number;
  meanRepeatSpend: number;
  firstAmount: number;
  purchaseDays: number;
  netSpend: number;
  /** Value of the purchase days (days whose net amount is positive). */
  grossSpend: number;
  yearSpend: number;
  firstPurchase?: string;
  lastPurchase?: string;
  /** Days since the last purchase (NEVER_DAYS when none). */
  recencyDays: number;
  /** Purchase days in the last `windowDays` days, and in the `windowDays` before them. */
  recentPurchaseDays: number;
  previousPurchaseDays: number;
  /** Net spend in the same two windows. */
  recentSpend: number;
  previousSpend: number;
}

/** A customer's transactions as sorted distinct days with each day's net amount. */
interface PurchaseLog {
  days: Int32Array;
  amounts: Float64Array;
}

/** Logs per transactions array: a rescore reads each customer at two or three dates, parsing dates once. */
const logs = new WeakMap<readonly Transaction[], PurchaseLog>();

function purchaseLog(transactions: readonly Transaction[]): PurchaseLog {
  let log = logs.get(transactions);
  if (log) return log;
  const byDay = new Map<number, number>();
  for (const t of transactions) {
    const d = dayOf(t.date);
    if (Number.isNaN(d) || !Number.isFinite(t.amount)) continue;
    byDay.set(d, (byDay.get(d) ?? 0) + t.amount);
  }
  const days = Int32Array.from(byDay.keys()).sort();
  log = { days, amounts: Float64Array.from(days, (d) => byDay.get(d)!) };
  logs.set(transactions, log);
  return log;
}

/**
 * Stats of one customer from their transactions up to and including `asOfDay` (rows after it are
 * ignored). `dates: false` leaves out firstPurchase / lastPurchase (the book's first pass keeps
 * numbers only: two date strings per customer and date are garbage there).
 */
export function customerStats(transactions: readonly Transaction[], asOfDay: number, windowDays = 90, dates = true): CustomerStats {
  const { days, amounts } = purchaseLog(transactions);
  let netSpend = 0;
  let yearSpend = 0;
  let recentSpend = 0;
  let previousSpend = 0;
  let first = Number.NaN;
  let last = Number.NaN;
  let firstAmount = 0;
  let count = 0;
  let sum = 0;
  let recentPurchaseDays = 0;
  let previousPurchaseDays = 0;
  for (let i = 0; i < days.length && days[i]! <= asOfDay; i++) {
    const d = days[i]!;
    const amount = amounts[i]!;
    const age = asOfDay - d;
    netSpend += amount;
    if (age < YEAR_DAYS) yearSpend += amount;
    if (age < windowDays) recentSpend += amount;
    else if (age < 2 * windowDays) previousSpend += amount;
    if (!(amount > 0)) continue;
    if (count === 0) {
      first = d;
      firstAmount = amount;
    }
    count++;
    sum += amount;
    last = d;
    if (age < windowDays) recentPurchaseDays++;
    else if (age < 2 * windowDays) previousPurchaseDays++;
  }
  const windows = { recentPurchaseDays, previousPurchaseDays, recentSpend, previousSpend };
  if (count === 0)
    return { x: 0, tx: 0, T: 0, meanRepeatSpend: 0, firstAmount: 0, purchaseDays: 0, netSpend, grossSpend: 0, yearSpend, recencyDays: NEVER_DAYS, ...windows };
  const x = count - 1;
  const stats: CustomerStats = {
    x,
    tx: last - first,
    T: asOfDay - first,
    meanRepeatSpend: x > 0 ? (sum - firstAmount) / x : 0,
    firstAmount,
    purchaseDays: count,
    netSpend,
    grossSpend: sum,
    yearSpend,
    recencyDays: asOfDay - last,
    ...windows,
  };
  if (dates) {
    stats.firstPurchase = isoOfDay(first);
    stats.lastPurchase = isoOfDay(last);
  }
  return stats;
}

/** Whether the customer bought (a positive purchase day) in (fromDay, toDay]. */
export function boughtBetween(transactions: readonly Transaction[], fromDay: number, toDay: number): boolean {
  const { days, amounts } = purchaseLog(transactions);
  for (let i = 0; i < days.length; i++) if (days[i]! > fromDay && days[i]! <= toDay && amounts[i]! > 0) return true;
  return false;
}

/** Median of a list (0 when empty). */
export function median(list: readonly number[]): number {
  if (list.length === 0) return 0;
  const values = Float64Array.from(list).sort();
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** Median days between purchase days of repeat buyers (90 when nobody bought twice). */
export function typicalGap(stats: readonly CustomerStats[]): number {
  const gaps: number[] = [];
  for (const s of stats) if (s.x > 0) gaps.push(s.tx / s.x);
  return gaps.length ? Math.max(1, median(gaps)) : 90;
}
