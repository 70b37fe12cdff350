/**
 * The KPI table (docs/kpis.md), the one implementation the side panel, the
 * goals and the CLI share. A period is [start, end) (ISO dates, end exclusive); the previous
 * period P′ is the same number of days just before it. A KPI whose denominator is empty is
 * `null` (shown as "—"), never 0.
 *
 * Purchase days: one per customer per day whose amounts sum to more than 0 (a refund lowers
 * monetary value, it is not a purchase) — the same rule as the BG/NBD summary.
 */
import { addDays, daysBetween } from '../clock';
import type { Customer, Feedback, GoalScope, Interaction, Transaction } from '../schemas/domain';
import { KPI_IDS, type KpiId } from '../schemas/enums';
import { DEFAULT_SCORING, type ScoringSettings } from '../schemas/settings';
import { clvAsOf } from './book-clv';
import type { TierMap } from './types';

export interface KpiBook {
  customers: readonly Customer[];
  transactions: readonly Transaction[];
  interactions: readonly Interaction[];
  feedback: readonly Feedback[];
  /**
   * Modelled CLV per customer from the stored scores (as of the last rescore). When given it is
   * used for the `clv` KPI of a period ending after that date; otherwise CLV is modelled from
   * the transactions as of the period's end.
   */
  clvByCustomer?: ReadonlyMap<string, number>;
  /** The date `clvByCustomer` was computed as of (defaults to "use it for the current period"). */
  clvAsOf?: string;
  tierByCustomer?: TierMap;
  /** Horizon and discount rate for modelled CLV (defaults: DEFAULT_SCORING). */
  scoring?: Pick<ScoringSettings, 'clvHorizonMonths' | 'annualDiscountRate' | 'tierThresholds'>;
}

export interface Period {
  start: string;
  /** Exclusive. */
  end: string;
}

export interface KpiScope {
  scope: GoalScope;
  /** Tier per customer for tier scopes (falls back to the book's). */
  tierByCustomer?: TierMap;
}

export interface KpiValue {
  value: number | null;
  previous: number | null;
}

export type KpiResult = Record<KpiId, KpiValue>;

const DAYS_PER_MONTH = 365.25 / 12;

/** P′: the same number of days just before P. */
export function previousPeriod(p: Period): Period {
  const days = daysBetween(p.start, p.end);
  return { start: addDays(p.start, -days), end: p.start };
}

/** Customers a scope covers (null = everyone). */
export function scopeFilter(book: KpiBook, scope?: KpiScope): ((customerId: string) => boolean) | null {
  if (!scope || scope.scope.kind === 'all') return null;
  const s = scope.scope;
  if (s.kind === 'tier') {
    const tiers = scope.tierByCustomer ?? book.tierByCustomer;
    return (id) => tiers?.get(id) === s.tier;
  }
  const ids = new Set(book.customers.filter((c) => c.segment === s.segment).map((c) => c.id));
  return (id) => ids.has(id);
}

const pct = (num: number, den: number): number | null => (den > 0 ? (100 * num) / den : null);
const inP = (d: string, p: Period): boolean => d >= p.start && d < p.end;

/** Per customer: the set of purchase days (net positive) in [from, to). */
function purchaseDaysIn(tx: readonly Transaction[], from: string, to: string, keep: ((id: string) => boolean) | null): Map<string, number> {
  const byDay = new Map<string, number>();
  for (const t of tx) {
    if (t.date < from || t.date >= to || (keep && !keep(t.customerId))) continue;
    const key = `${t.customerId}\u0000${t.date}`;
    byDay.set(key, (byDay.get(key) ?? 0) + t.amount);
  }
  const days = new Map<string, number>();
  for (const [key, amount] of byDay) {
    if (!(amount > 0)) continue;
    const id = key.slice(0, key.indexOf('\u0000'));
    days.set(id, (days.get(id) ?? 0) + 1);
  }
  return days;
}

/** First purchase day ever per customer (net positive day). */
function firstPurchases(tx: readonly Transaction[], keep: ((id: string) => boolean) | null): Map<string, string> {
  const byDay = new Map<string, number>();
  for (const t of tx) {
    if (keep && !keep(t.customerId)) continue;
    const key = `${t.customerId}\u0000${t.date}`;
    byDay.set(key, (byDay.get(key) ?? 0) + t.amount);
  }
  const first = new Map<string, string>();
  for (const [key, amount] of byDay) {
    if (!(amount > 0)) continue;
    const i = key.indexOf('\u0000');
    const id = key.slice(0, i);
    const day = key.slice(i + 1);
    const prev = first.get(id);
    if (prev === undefined || day < prev) first.set(id, day);
  }
  return first;
}

function periodKpis(
  book: KpiBook,
  p: Period,
  keep: ((id: string) => boolean) | null,
  first: Map<string, string>,
  storedClv: boolean,
): Record<KpiId, number | null> {
  const ok = (id: string): boolean => !keep || keep(id);
  let csatN = 0;
  let csatGood = 0;
  let npsN = 0;
  let promoters = 0;
  let detractors = 0;
  let complaints = 0;
  for (const f of book.feedback) {
    if (!inP(f.date, p) || !ok(f.customerId)) continue;
    if (f.kind === 'csat' && f.score !== undefined) {
      csatN++;
      if (f.score >= 4) csatGood++;
    } else if (f.kind === 'nps' && f.score !== undefined) {
      npsN++;
      if (f.score >= 9) promoters++;
      else if (f.score <= 6) detractors++;
    } else if (f.kind === 'complaint') complaints++;
  }
  const prev = previousPeriod(p);
  const daysP = purchaseDaysIn(book.transactions, p.start, p.end, keep);
  const daysPrev = purchaseDaysIn(book.transactions, prev.start, prev.end, keep);
  let retained = 0;
  for (const id of daysPrev.keys()) if (daysP.has(id)) retained++;
  const retention = pct(retained, daysPrev.size);
  let repeat = 0;
  for (const n of daysP.values()) if (n >= 2) repeat++;
  let newCustomers = 0;
  for (const d of first.values()) if (inP(d, p)) newCustomers++;

  const active = new Set(daysP.keys());
  let interactions = 0;
  for (const i of book.interactions) {
    if (!inP(i.date, p) || !ok(i.customerId)) continue;
    interactions++;
    active.add(i.customerId);
  }
  const months = daysBetween(p.start, p.end) / DAYS_PER_MONTH;
  const clv = clvKpi(book, p, keep, storedClv);
  return {
    csat: pct(csatGood, csatN),
    nps: npsN > 0 ? (100 * (promoters - detractors)) / npsN : null,
    retention,
    'churn-rate': retention === null ? null : 100 - retention,
    'repurchase-rate': pct(repeat, daysP.size),
    'new-customers': newCustomers,
    clv,
    'interaction-frequency': active.size > 0 && months > 0 ? interactions / active.size / months : null,
    'complaint-rate': pct(complaints, active.size),
  };
}

/** Sum of modelled CLV as of the period's end (the last day of P is the calibration end). */
function clvKpi(book: KpiBook, p: Period, keep: ((id: string) => boolean) | null, storedClv: boolean): number | null {
  const customers = keep ? book.customers.filter((c) => keep(c.id)) : book.customers;
  if (customers.length === 0) return null;
  const asOf = addDays(p.end, -1);
  const byCustomer = storedClv && book.clvByCustomer ? book.clvByCustomer : cachedClv(book, asOf);
  let sum = 0;
  for (const c of customers) sum += byCustomer.get(c.id) ?? 0;
  return sum;
}

const clvCache = new WeakMap<readonly Transaction[], Map<string, ReadonlyMap<string, number>>>();

/** Modelled CLV of every customer as of a date; memoised per transactions array and options. */
function cachedClv(book: KpiBook, asOf: string): ReadonlyMap<string, number> {
  const scoring = book.scoring ?? DEFAULT_SCORING;
  const key = `${asOf}|${scoring.clvHorizonMonths}|${scoring.annualDiscountRate}`;
  let perBook = clvCache.get(book.transactions);
  if (!perBook) {
    perBook = new Map();
    clvCache.set(book.transactions, perBook);
  }
  let hit = perBook.get(key);
  if (!hit) {
    hit = clvAsOf(book.transactions, asOf, scoring);
    perBook.set(key, hit);
  }
  return hit;
}

/** The stored CLV stands for a period that ends after the scores were computed (the current one). */
const usesStoredClv = (book: KpiBook, p: Period): boolean =>
  book.clvByCustomer !== undefined && (book.clvAsOf === undefined || (book.clvAsOf >= p.start && book.clvAsOf < p.end));

/** Every KPI for P and for P′ (the period before it). */
export function computeKpis(book: KpiBook, period: Period, scope?: KpiScope): KpiResult {
  if (!(period.start < period.end)) throw new RangeError(`KPI period must end after it starts (${period.start} – ${period.end})`);
  const keep = scopeFilter(book, scope);
  const first = firstPurchases(book.transactions, keep);
  const now = periodKpis(book, period, keep, first, usesStoredClv(book, period));
  const before = periodKpis(book, previousPeriod(period), keep, first, false);
  return Object.fromEntries(KPI_IDS.map((id) => [id, { value: now[id], previous: before[id] }])) as KpiResult;
}

/** One KPI for one period (goal progress, weekly series). */
export function kpiValue(book: KpiBook, metric: KpiId, period: Period, scope?: KpiScope): number | null {
  const keep = scopeFilter(book, scope);
  return periodKpis(book, period, keep, firstPurchases(book.transactions, keep), usesStoredClv(book, period))[metric];
}
