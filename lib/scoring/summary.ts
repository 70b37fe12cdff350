/**
 * Transaction log → per-customer calibration summary (x, t_x, T, mean repeat spend) for
 * BG/NBD and Gamma-Gamma. One purchase per customer-day: amounts of the same day are summed and
 * a day counts as a purchase only when its total is positive (refunds are not purchases, they
 * lower the customer's net spend).
 */

export type TimeUnit = 'day' | 'week';
export interface Purchase {
  customerId: string;
  date: string /* yyyy-MM-dd */;
  amount: number;
}
export interface CustomerSummary {
  customerId: string;
  /** Repeat purchase days in calibration. */
  x: number;
  /** First → last purchase, in unit. */
  tx: number;
  /** First purchase → calibration end, in unit (days / 7 for week). */
  T: number;
  /** Mean value of the repeat purchase days (0 when x = 0). */
  meanRepeatSpend: number;
  firstPurchase: string;
  lastPurchase: string;
  /** x + 1. */
  purchaseDays: number;
  /** Net of refunds, calibration period. */
  totalSpend: number;
}

/** Days since 1970-01-01 of a yyyy-MM-dd date (proleptic Gregorian), NaN if malformed or not a real calendar day. */
export function dayNumber(date: string): number {
  if (date.length < 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN;
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31) || !Number.isInteger(y0) || !Number.isInteger(d)) return Number.NaN;
  const leap = (y0 % 4 === 0 && y0 % 100 !== 0) || y0 % 400 === 0;
  if (d > (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31)) return Number.NaN;
  // Howard Hinnant's days_from_civil.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export const UNIT_DAYS: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7 };

interface Acc {
  days: Map<number, number>;
  dates: Map<number, string>;
  total: number;
}

/**
 * Customers in first-seen order. Customers whose first purchase is after `calibrationEnd` are
 * left out; purchases after it are ignored; a customer with only refunds / zero-amount days
 * (no purchase) is left out. Rows with a malformed date or a non-finite amount are skipped
 * (the importer has rejected them already).
 */
export function summarize(purchases: readonly Purchase[], opts: { calibrationEnd: string; unit: TimeUnit }): CustomerSummary[] {
  const end = dayNumber(opts.calibrationEnd);
  if (Number.isNaN(end)) throw new RangeError(`calibrationEnd must be a yyyy-MM-dd date, got "${opts.calibrationEnd}"`);
  const unitDays = UNIT_DAYS[opts.unit];
  const byCustomer = new Map<string, Acc>();
  for (const p of purchases) {
    const day = dayNumber(p.date);
    if (!(day <= end) || !Number.isFinite(p.amount)) continue;
    let acc = byCustomer.get(p.customerId);
    if (!acc) {
      acc = { days: new Map(), dates: new Map(), total: 0 };
      byCustomer.set(p.customerId, acc);
    }
    acc.total += p.amount;
    const prev = acc.days.get(day);
    if (prev === undefined) {
      acc.days.set(day, p.amount);
      acc.dates.set(day, p.date.slice(0, 10));
    } else acc.days.set(day, prev + p.amount);
  }
  const out: CustomerSummary[] = [];
  for (const [customerId, acc] of byCustomer) {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    let count = 0;
    let sum = 0;
    for (const [day, amount] of acc.days) {
      if (!(amount > 0)) continue;
      count++;
      sum += amount;
      if (day < first) first = day;
      if (day > last) last = day;
    }
    if (count === 0) continue;
    const x = count - 1;
    const firstAmount = acc.days.get(first)!;
    out.push({
      customerId,
      x,
      tx: (last - first) / unitDays,
      T: (end - first) / unitDays,
      meanRepeatSpend: x > 0 ? (sum - firstAmount) / x : 0,
      firstPurchase: acc.dates.get(first)!,
      lastPurchase: acc.dates.get(last)!,
      purchaseDays: count,
      totalSpend: acc.total,
    });
  }
  return out;
}
