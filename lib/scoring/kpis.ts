/**
 * The KPI table (docs/kpis.md), the one implementation the side panel, the
 * goals and the CLI share. A period is [start, end) (ISO dates, end exclusive); the previous
 * period P′ is the same number of days just before it. A KPI whose denominator is empty is
 * `null` (shown as "—"), never 0.
 *
 * Purchase days: one per customer per day whose amounts sum to more than 0 (a refund lowers
 * monetary value, it is not a purchase) — the same rule as the BG/NBD summary.
 */
import { addDays, dayOf, daysBetween } from '../clock';
import { dayRange, kpiIndex, scopeMask, type KpiIndex } from './kpi-index';
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
  /** The book's KPI index when it was built elsewhere (kpi-index.ts); otherwise built from the rows. */
  index?: KpiIndex;
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

/** Per KPI, what its value is a share or average of (null for counts and sums). */
export type KpiBases = Record<KpiId, number | null>;

interface PeriodResult {
  values: Record<KpiId, number | null>;
  bases: KpiBases;
}

function periodKpis(book: KpiBook, p: Period, keep: ((id: string) => boolean) | null, clvMode: 'stored' | 'model' | 'skip'): PeriodResult {
  const index = kpiIndex(book);
  const mask = scopeMask(index, keep);
  const ok = (c: number): boolean => !mask || mask[c] === 1;
  const from = dayOf(p.start);
  const to = dayOf(p.end);
  let csatN = 0;
  let csatGood = 0;
  let npsN = 0;
  let promoters = 0;
  let detractors = 0;
  let complaints = 0;
  const [f0, f1] = dayRange(index.feedbackDay, from, to);
  for (let k = f0; k < f1; k++) {
    if (!ok(index.feedbackCustomer[k]!)) continue;
    const kind = index.feedbackKind[k]!;
    const score = index.feedbackScore[k]!;
    if (kind === 0 && !Number.isNaN(score)) {
      csatN++;
      if (score >= 4) csatGood++;
    } else if (kind === 1 && !Number.isNaN(score)) {
      npsN++;
      if (score >= 9) promoters++;
      else if (score <= 6) detractors++;
    } else if (kind === 2) complaints++;
  }
  const n = index.ids.length;
  // purchase days per customer in P, and who bought in P′
  const daysP = new Int32Array(n);
  const boughtPrev = new Uint8Array(n);
  const buyersP: number[] = [];
  const buyersPrev: number[] = [];
  const [p0, p1] = dayRange(index.purchaseDay, from, to);
  for (let k = p0; k < p1; k++) {
    const c = index.purchaseCustomer[k]!;
    if (!ok(c)) continue;
    if (daysP[c] === 0) buyersP.push(c);
    daysP[c] = daysP[c]! + 1;
  }
  const [q0, q1] = dayRange(index.purchaseDay, from - (to - from), from);
  for (let k = q0; k < q1; k++) {
    const c = index.purchaseCustomer[k]!;
    if (!ok(c) || boughtPrev[c]) continue;
    boughtPrev[c] = 1;
    buyersPrev.push(c);
  }
  let retained = 0;
  for (const c of buyersPrev) if (daysP[c]! > 0) retained++;
  const retention = pct(retained, buyersPrev.length);
  let repeat = 0;
  for (const c of buyersP) if (daysP[c]! >= 2) repeat++;
  let newCustomers = 0;
  for (let c = 0; c < n; c++) {
    const d = index.firstDay[c]!;
    if (d >= from && d < to && ok(c)) newCustomers++;
  }

  // active: bought or was in touch in P
  const active = Uint8Array.from(daysP, (d) => (d > 0 ? 1 : 0));
  let activeN = buyersP.length;
  let interactions = 0;
  const [i0, i1] = dayRange(index.interactionDay, from, to);
  for (let k = i0; k < i1; k++) {
    const c = index.interactionCustomer[k]!;
    if (!ok(c)) continue;
    interactions++;
    if (!active[c]) {
      active[c] = 1;
      activeN++;
    }
  }
  const months = (to - from) / DAYS_PER_MONTH;
  const clv = clvMode === 'skip' ? null : clvKpi(book, p, keep, clvMode === 'stored');
  return {
    values: {
      csat: pct(csatGood, csatN),
      nps: npsN > 0 ? (100 * (promoters - detractors)) / npsN : null,
      retention,
      'churn-rate': retention === null ? null : 100 - retention,
      'repurchase-rate': pct(repeat, buyersP.length),
      'new-customers': newCustomers,
      clv,
      'interaction-frequency': activeN > 0 && months > 0 ? interactions / activeN / months : null,
      'complaint-rate': pct(complaints, activeN),
    },
    bases: {
      csat: csatN,
      nps: npsN,
      retention: buyersPrev.length,
      'churn-rate': buyersPrev.length,
      'repurchase-rate': buyersP.length,
      'new-customers': null,
      clv: null,
      'interaction-frequency': activeN,
      'complaint-rate': activeN,
    },
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

const clvModeFor = (book: KpiBook, p: Period, storedAllowed = true): 'stored' | 'model' => (storedAllowed && usesStoredClv(book, p) ? 'stored' : 'model');

/** Every KPI for P and for P′ (the period before it). */
export function computeKpis(book: KpiBook, period: Period, scope?: KpiScope): KpiResult {
  if (!(period.start < period.end)) throw new RangeError(`KPI period must end after it starts (${period.start} – ${period.end})`);
  const keep = scopeFilter(book, scope);
  const now = periodKpis(book, period, keep, clvModeFor(book, period)).values;
  const before = periodKpis(book, previousPeriod(period), keep, 'model').values;
  return Object.fromEntries(KPI_IDS.map((id) => [id, { value: now[id], previous: before[id] }])) as KpiResult;
}

/** One KPI for one period (goal progress, weekly series). */
export function kpiValue(book: KpiBook, metric: KpiId, period: Period, scope?: KpiScope): number | null {
  const keep = scopeFilter(book, scope);
  return periodKpis(book, period, keep, clvModeFor(book, period)).values[metric];
}

export interface KpiComparison extends KpiValue {
  /** What the value is a share or average of (responses, buyers in P′, active customers); null for counts and sums. */
  base: number | null;
  previousBase: number | null;
}

export interface KpiOptions {
  scope?: KpiScope;
  /** `skip`: leave the `clv` KPI out (null) — it refits the purchase models for a past period, which is slow. */
  clv?: 'compute' | 'skip';
}

function check(p: Period): void {
  if (!(p.start < p.end)) throw new RangeError(`KPI period must end after it starts (${p.start} – ${p.end})`);
}

/**
 * Every KPI for `period` against any other period `compare` (the same days of the previous month,
 * say), with the base each figure stands on, so a reader can tell a change from noise.
 */
export function compareKpis(book: KpiBook, period: Period, compare: Period, opts: KpiOptions = {}): Record<KpiId, KpiComparison> {
  check(period);
  check(compare);
  const keep = scopeFilter(book, opts.scope);
  const skip = opts.clv === 'skip';
  const now = periodKpis(book, period, keep, skip ? 'skip' : clvModeFor(book, period));
  const before = periodKpis(book, compare, keep, skip ? 'skip' : clvModeFor(book, compare, compare.end > period.end));
  return Object.fromEntries(
    KPI_IDS.map((id) => [id, { value: now.values[id], previous: before.values[id], base: now.bases[id], previousBase: before.bases[id] }]),
  ) as Record<KpiId, KpiComparison>;
}

/** Every KPI in each of `periods` (a trend), oldest first. */
export function kpiSeries(book: KpiBook, periods: readonly Period[], opts: KpiOptions = {}): Record<KpiId, (number | null)[]> {
  periods.forEach(check);
  const keep = scopeFilter(book, opts.scope);
  // The stored CLVs stand for one period only: the one holding the date they were modelled as of.
  const mode = (p: Period): 'skip' | 'stored' | 'model' =>
    opts.clv === 'skip' ? 'skip' : book.clvAsOf !== undefined && usesStoredClv(book, p) ? 'stored' : 'model';
  const rows = periods.map((p) => periodKpis(book, p, keep, mode(p)).values);
  return Object.fromEntries(KPI_IDS.map((id) => [id, rows.map((r) => r[id])])) as Record<KpiId, (number | null)[]>;
}
