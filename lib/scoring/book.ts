/**
 * The relationship scorer for a whole book and for one customer.
 *
 * `fitBook` learns what needs the whole book — BG/NBD + Gamma-Gamma fits (calibration end =
 * asOf, unit day), the pyramid's value cut-offs, RFM quintile edges, typical purchase gap —
 * into a `BookModel` (plain JSON, stored by the rescore service). `scoreCustomer` scores one
 * customer against a stored model (the incremental path after a quick-log); `scoreBook` fits
 * and scores everyone, grouping nothing per customer more than once.
 *
 * Value (the pyramid's measure): half the modelled 12-month discounted CLV plus half the net
 * spend of the last 12 months — forward-looking, but a big account that has gone quiet is not
 * demoted at once (domain.md: do not misclassify a valuable customer as lost), and one large
 * B2B order counts. When the book is too thin to fit (few customers / repeat buyers), value is
 * annualised net spend and P(alive) a recency-vs-typical-gap heuristic. Net spend at or below
 * leadMaxValue (refunds ≥ purchases, or never bought) is Lead.
 */
import type { Goal, Rfm, Score, Transaction } from '../schemas/domain';
import type { ScoringSettings } from '../schemas/settings';
import { expectedPurchasesDenominator, expectedPurchasesNumerator, fitBgNbd, pAlive as bgPAlive, type BgNbdFit, type BgNbdParams } from './bgnbd';
import { discountedClv } from './clv';
import { expectedSpend, fitGammaGamma, type GammaGammaFit } from './gamma-gamma';
import { rankActions, type RankedAction } from './actions';
import { rfmScores, rfmSegment } from './rfm';
import { churnRisk, dayOf, isoOfDay, relationshipSignals } from './risk';
import { tierCutoffs, tierForValue } from './tiers';
import type { BookModel, CustomerHistory, RfmEdges } from './types';

/** Below these the fits are not trusted and the spend proxy is used. */
export const MIN_BUYERS_TO_FIT = 30;
export const MIN_REPEAT_BUYERS_TO_FIT = 10;
/** The fits use at most this many customers (an evenly spaced sample of a bigger book). */
export const MAX_FIT_ROWS = 20_000;
/** Value proxies look back this far. */
const YEAR_DAYS = 365;
const DAYS_PER_MONTH = 365.25 / 12;
/** Recency of a customer who never bought (RFM). */
const NEVER_DAYS = 100_000;

/** One customer's purchase summary (days), net spend and trailing-year spend, as of a day. */
export interface CustomerStats {
  x: number;
  tx: number;
  T: number;
  meanRepeatSpend: number;
  firstAmount: number;
  purchaseDays: number;
  netSpend: number;
  yearSpend: number;
  firstPurchase?: string;
  lastPurchase?: string;
  recencyDays: number;
}

let scratchDay = new Float64Array(256);
let scratchAmount = new Float64Array(256);

export function customerStats(transactions: readonly Transaction[], asOfDay: number): CustomerStats {
  let netSpend = 0;
  let yearSpend = 0;
  if (scratchDay.length < transactions.length) {
    scratchDay = new Float64Array(transactions.length * 2);
    scratchAmount = new Float64Array(transactions.length * 2);
  }
  // (day, amount) pairs, insertion-sorted by day (a customer has few rows), then merged per day
  let n = 0;
  for (const t of transactions) {
    const d = dayOf(t.date);
    if (!(d <= asOfDay) || !Number.isFinite(t.amount)) continue;
    netSpend += t.amount;
    if (asOfDay - d < YEAR_DAYS) yearSpend += t.amount;
    let k = n++;
    while (k > 0 && scratchDay[k - 1]! > d) {
      scratchDay[k] = scratchDay[k - 1]!;
      scratchAmount[k] = scratchAmount[k - 1]!;
      k--;
    }
    scratchDay[k] = d;
    scratchAmount[k] = t.amount;
  }
  let first = Number.NaN;
  let last = Number.NaN;
  let firstAmount = 0;
  let count = 0;
  let sum = 0;
  for (let i = 0; i < n;) {
    const d = scratchDay[i]!;
    let amount = 0;
    while (i < n && scratchDay[i] === d) amount += scratchAmount[i++]!;
    if (!(amount > 0)) continue;
    if (count === 0) {
      first = d;
      firstAmount = amount;
    }
    count++;
    sum += amount;
    last = d;
  }
  if (count === 0) return { x: 0, tx: 0, T: 0, meanRepeatSpend: 0, firstAmount: 0, purchaseDays: 0, netSpend, yearSpend, recencyDays: NEVER_DAYS };
  const x = count - 1;
  return {
    x,
    tx: last - first,
    T: asOfDay - first,
    meanRepeatSpend: x > 0 ? (sum - firstAmount) / x : 0,
    firstAmount,
    purchaseDays: count,
    netSpend,
    yearSpend,
    firstPurchase: isoOfDay(first),
    lastPurchase: isoOfDay(last),
    recencyDays: asOfDay - last,
  };
}

export interface Fits {
  bgnbd: BgNbdFit | null;
  gammaGamma: GammaGammaFit | null;
}

const finiteParams = (o: Record<string, number>): boolean => Object.values(o).every((v) => Number.isFinite(v));

/** BG/NBD + Gamma-Gamma on the buyers' summaries; null fits when the book is too thin to trust. */
export function fitModels(stats: readonly CustomerStats[]): Fits {
  let buyers = stats.filter((s) => s.purchaseDays > 0);
  const repeat = buyers.reduce((n, s) => n + (s.x > 0 ? 1 : 0), 0);
  if (buyers.length < MIN_BUYERS_TO_FIT || repeat < MIN_REPEAT_BUYERS_TO_FIT) return { bgnbd: null, gammaGamma: null };
  if (buyers.length > MAX_FIT_ROWS) {
    const step = buyers.length / MAX_FIT_ROWS;
    buyers = Array.from({ length: MAX_FIT_ROWS }, (_, i) => buyers[Math.floor(i * step)]!);
  }
  const bg = fitBgNbd(buyers);
  const bgnbd = finiteParams({ r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b }) ? bg : null;
  const ggRows = buyers.filter((s) => s.x > 0 && s.meanRepeatSpend > 0).map((s) => ({ x: s.x, mean: s.meanRepeatSpend }));
  const gg = ggRows.length >= MIN_REPEAT_BUYERS_TO_FIT ? fitGammaGamma(ggRows) : null;
  // E[M] needs q > 1; otherwise spend has no finite mean under the fit
  const gammaGamma = gg && finiteParams({ p: gg.p, q: gg.q, gamma: gg.gamma }) && gg.q > 1 ? gg : null;
  return { bgnbd, gammaGamma };
}

/** Discounted expected purchases: CLV with a unit spend (p=1, q=2, γ=1, mean 1 ⇒ E[M] = 1). */
const UNIT_SPEND = { p: 1, q: 2, gamma: 1 };

export interface CustomerValue {
  clv: number;
  value: number;
  /** null when the customer never bought. */
  pAlive: number | null;
  expectedPurchases: number;
}

/** Mean dropout probability per purchase below this: treat the fit as the NBD (no dropout). */
const NEGLIGIBLE_DROPOUT = 1e-6;
export const negligibleDropout = (bg: BgNbdFit): boolean => bg.a / (bg.a + bg.b) < NEGLIGIBLE_DROPOUT;

/** a + b at or above which Beta(a, b) is treated as its mean (coefficient of variation ≲ 0.1–0.7 at p ≪ 1, where E[Y] is near-linear in p). */
export const CONCENTRATED_AB = 100;
export const concentratedDropout = (bg: BgNbdFit): boolean => bg.a + bg.b >= CONCENTRATED_AB;

/**
 * E[Y(t) | alive, x, T] when each purchase ends the relationship with a fixed probability p
 * (= the posterior mean a / (a + b + x)) and the purchase rate is Gamma(r + x, α + T):
 * Y = min(N(t), G) with G geometric, so E[Y] = Σₖ P(N ≥ k)(1 − p)^{k−1} = (1 − E[(1−p)^N]) / p
 * = (1 − ((α+T) / (α+T+pt))^{r+x}) / p; → (r + x) t / (α + T) as p → 0.
 */
export function expectedIfAlive(bg: BgNbdParams, x: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  const p = bg.a / (bg.a + bg.b + x);
  const base = bg.alpha + T;
  return -Math.expm1(-(bg.r + x) * Math.log1p((p * t) / base)) / p;
}

/** Σ over the horizon's months of discount × E[purchases in that month | alive], in the closed form above. */
function discountedIfAlive(bg: BgNbdParams, x: number, T: number, settings: Pick<ScoringSettings, 'clvHorizonMonths' | 'annualDiscountRate'>): number {
  const f = Math.pow(1 + settings.annualDiscountRate, 1 / 12);
  let sum = 0;
  let previous = 0;
  for (let m = 1, d = 1 / f; m <= settings.clvHorizonMonths; m++, d /= f) {
    const cumulative = expectedIfAlive(bg, x, T, m * DAYS_PER_MONTH);
    sum += (cumulative - previous) * d;
    previous = cumulative;
  }
  return sum;
}

/** Σ over the horizon's months of month length × discount factor (days): a constant rate's discounted exposure. */
function discountedDays(settings: Pick<ScoringSettings, 'clvHorizonMonths' | 'annualDiscountRate'>): number {
  const f = Math.pow(1 + settings.annualDiscountRate, 1 / 12);
  let sum = 0;
  for (let m = 1, d = 1 / f; m <= settings.clvHorizonMonths; m++, d /= f) sum += DAYS_PER_MONTH * d;
  return sum;
}

/** Discounted expected purchases by (x, T): many customers share them (memo per book). */
export type ClvCache = Map<number, [discounted: number, horizon: number]>;

export function customerValue(
  s: CustomerStats,
  fits: Fits,
  typicalGapDays: number,
  settings: Pick<ScoringSettings, 'clvHorizonMonths' | 'annualDiscountRate' | 'tierThresholds'>,
  cache?: ClvCache,
): CustomerValue {
  if (s.purchaseDays === 0) return { clv: 0, value: Math.min(s.netSpend, 0), pAlive: null, expectedPurchases: 0 };
  const horizonDays = settings.clvHorizonMonths * DAYS_PER_MONTH;
  let clv: number;
  let pAlive: number;
  let expected: number;
  if (fits.bgnbd && fits.gammaGamma) {
    const bg = fits.bgnbd;
    // One-time buyers: their first order is the only evidence of their spend (shrunk to the book's).
    const spend = s.x > 0 ? expectedSpend(fits.gammaGamma, s.x, s.meanRepeatSpend) : expectedSpend(fits.gammaGamma, 1, s.firstAmount);
    if (negligibleDropout(bg)) {
      // The fit found (practically) no dropout: BG/NBD's limit is the NBD — always alive, rate
      // (r + x) / (α + T). Exact in the limit, and the ₂F₁ series would need ~b terms.
      const rate = (bg.r + s.x) / (bg.alpha + s.T);
      clv = spend * rate * discountedDays(settings);
      pAlive = 1;
      expected = rate * horizonDays;
    } else if (concentratedDropout(bg)) {
      // Beta(a, b) concentrated (a + b large): the dropout probability is practically its
      // posterior mean, and E[Y(t) | alive] has a closed form (see expectedIfAlive); the exact
      // ₂F₁ series would need ~(a + b) terms per evaluation.
      pAlive = bgPAlive(bg, s.x, s.tx, s.T);
      clv = spend * pAlive * discountedIfAlive(bg, s.x, s.T, settings);
      expected = pAlive * expectedIfAlive(bg, s.x, s.T, horizonDays);
    } else {
      const key = s.x * 1e7 + s.T;
      let numerators = cache?.get(key);
      if (numerators === undefined) {
        // The parts of CLV and E[Y(t)] that depend on (x, T) only; discountedClv with t_x = T
        // divides by that row's denominator, so multiply it back.
        const discounted =
          discountedClv(
            bg,
            UNIT_SPEND,
            { x: s.x, tx: s.T, T: s.T, meanRepeatSpend: 1 },
            {
              horizonMonths: settings.clvHorizonMonths,
              annualDiscountRate: settings.annualDiscountRate,
              unit: 'day',
            },
          ) * expectedPurchasesDenominator(bg, s.x, s.T, s.T);
        numerators = [discounted, expectedPurchasesNumerator(bg, horizonDays, s.x, s.T)];
        cache?.set(key, numerators);
      }
      const denominator = expectedPurchasesDenominator(bg, s.x, s.tx, s.T);
      clv = Math.max(0, (numerators[0] / denominator) * spend);
      expected = numerators[1] / denominator;
      pAlive = bgPAlive(bg, s.x, s.tx, s.T);
    }
  } else {
    const gap = s.x > 0 ? Math.max(1, s.tx / s.x) : 2 * typicalGapDays;
    pAlive = Math.exp(-Math.max(0, s.recencyDays - gap) / gap);
    const perYear = (s.purchaseDays * YEAR_DAYS) / Math.max(YEAR_DAYS, s.T + 1);
    expected = (perYear * pAlive * horizonDays) / YEAR_DAYS;
    clv = Math.max(0, (Math.max(s.netSpend, 0) * YEAR_DAYS) / Math.max(YEAR_DAYS, s.T + 1)) * pAlive * (horizonDays / YEAR_DAYS);
  }
  let value: number;
  if (s.netSpend <= settings.tierThresholds.leadMaxValue) value = Math.min(s.netSpend, settings.tierThresholds.leadMaxValue);
  else if (fits.bgnbd && fits.gammaGamma) value = 0.5 * clv + 0.5 * Math.max(0, s.yearSpend);
  else value = Math.max(s.yearSpend, (s.netSpend * YEAR_DAYS) / Math.max(YEAR_DAYS, s.T + 1));
  return { clv, value, pAlive: Math.min(1, Math.max(0, pAlive)), expectedPurchases: expected };
}

/** Modelled CLV of every customer as of a date (the `clv` KPI): fits on transactions up to asOf. */
export function clvAsOf(
  transactions: readonly Transaction[],
  asOf: string,
  settings: Pick<ScoringSettings, 'clvHorizonMonths' | 'annualDiscountRate' | 'tierThresholds'>,
): Map<string, number> {
  const byCustomer = groupBy(transactions);
  const asOfDay = dayOf(asOf);
  const ids = [...byCustomer.keys()];
  const stats = ids.map((id) => customerStats(byCustomer.get(id)!, asOfDay));
  const fits = fitModels(stats);
  const gap = typicalGap(stats);
  const cache: ClvCache = new Map();
  return new Map(ids.map((id, i) => [id, customerValue(stats[i]!, fits, gap, settings, cache).clv]));
}

function groupBy<T extends { customerId: string }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.customerId);
    if (list) list.push(r);
    else m.set(r.customerId, [r]);
  }
  return m;
}

function median(list: readonly number[]): number {
  if (list.length === 0) return 0;
  const values = Float64Array.from(list).sort();
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

/** Median days between purchase days of repeat buyers (90 when nobody bought twice). */
function typicalGap(stats: readonly CustomerStats[]): number {
  const gaps: number[] = [];
  for (const s of stats) if (s.x > 0) gaps.push(s.tx / s.x);
  return gaps.length ? Math.max(1, median(gaps)) : 90;
}

function quintiles(list: readonly number[]): [number, number, number, number] {
  if (list.length === 0) return [0, 0, 0, 0];
  const values = Float64Array.from(list).sort();
  const at = (q: number): number => {
    const h = (values.length - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(values.length - 1, lo + 1);
    return values[lo]! + (h - lo) * (values[hi]! - values[lo]!);
  };
  return [at(0.2), at(0.4), at(0.6), at(0.8)];
}

const bin = (v: number, edges: readonly number[]): number => 1 + edges.reduce((n, e) => n + (v > e ? 1 : 0), 0);

/** RFM of one customer against the book's quintile edges. */
export function rfmFromEdges(s: CustomerStats, e: RfmEdges): Rfm {
  const r = 6 - bin(s.recencyDays, e.recency);
  const f = bin(s.purchaseDays, e.frequency);
  const m = bin(s.netSpend, e.monetary);
  return { r, f, m, segment: rfmSegment(r, f) };
}

const firstSeenOf = (h: CustomerHistory, s: CustomerStats): string =>
  s.firstPurchase !== undefined && s.firstPurchase < h.customer.createdAt ? s.firstPurchase : h.customer.createdAt;

interface Prepared {
  stats: CustomerStats[];
  model: BookModel;
  values: CustomerValue[];
}

function prepare(histories: readonly CustomerHistory[], settings: ScoringSettings, asOf: string): Prepared {
  const asOfDay = dayOf(asOf);
  if (Number.isNaN(asOfDay)) throw new RangeError(`asOf must be a yyyy-MM-dd date, got "${asOf}"`);
  const stats = histories.map((h) => customerStats(h.transactions, asOfDay));
  const fits = fitModels(stats);
  const gap = typicalGap(stats);
  const cache: ClvCache = new Map();
  const values = stats.map((s) => customerValue(s, fits, gap, settings, cache));
  const cutoffs = tierCutoffs(
    values.map((v) => v.value),
    settings.tierThresholds,
  );
  const aboveLead = values.filter((v) => v.value > settings.tierThresholds.leadMaxValue).map((v) => v.value);
  const buyers = stats.filter((s) => s.purchaseDays > 0);
  const model: BookModel = {
    asOf,
    unit: 'day',
    bgnbd: fits.bgnbd,
    gammaGamma: fits.gammaGamma,
    valueBasis: fits.bgnbd && fits.gammaGamma ? 'clv' : 'spend',
    tierCutoffs: cutoffs,
    rfmEdges: {
      recency: quintiles(buyers.map((s) => s.recencyDays)),
      frequency: quintiles(stats.map((s) => s.purchaseDays)),
      monetary: quintiles(stats.map((s) => s.netSpend)),
    },
    typicalGapDays: gap,
    medianValue: median(aboveLead),
    customers: histories.length,
    buyers: buyers.length,
    repeatBuyers: buyers.filter((s) => s.x > 0).length,
    fittedAt: Date.now(),
  };
  return { stats, model, values };
}

/** Fit the book-level model (calibration end = asOf, unit day). */
export function fitBook(histories: readonly CustomerHistory[], settings: ScoringSettings, asOf: string): BookModel {
  return prepare(histories, settings, asOf).model;
}

function scoreWith(
  h: CustomerHistory,
  s: CustomerStats,
  v: CustomerValue,
  model: BookModel,
  settings: ScoringSettings,
  asOf: string,
  goals: readonly Goal[],
  rfm: Rfm,
  computedAt: number,
): ScoredCustomer {
  const tier = tierForValue(v.value, model.tierCutoffs);
  const firstSeen = firstSeenOf(h, s);
  const signals = relationshipSignals(h, asOf, firstSeen);
  const risk = churnRisk({ signals, pAlive: v.pAlive, tier, asOf }, settings);
  const ranked = rankActions(
    {
      customerId: h.customer.id,
      ...(h.customer.segment !== undefined ? { segment: h.customer.segment } : {}),
      tier,
      risk,
      signals,
      pAlive: v.pAlive,
      value: v.value,
      netSpend: s.netSpend,
      purchaseDays: s.purchaseDays,
      ...(s.firstPurchase !== undefined ? { firstPurchase: s.firstPurchase } : {}),
      firstSeen,
      medianValue: model.medianValue,
      actions: h.actions,
      goals,
      asOf,
    },
    settings,
  );
  const top = ranked[0];
  const score: Score = {
    customerId: h.customer.id,
    tier,
    risk: risk.band,
    riskScore: risk.score,
    reasons: risk.factors.slice(0, 3),
    clv: Math.round(v.clv * 100) / 100,
    pAlive: v.pAlive ?? 1,
    expectedPurchases: v.expectedPurchases,
    rfm,
    nba: top ? { kind: top.kind, reason: top.reason, due: top.due, ...(top.params ? { params: top.params } : {}) } : null,
    ...(signals.lastContact !== undefined ? { lastContact: signals.lastContact } : {}),
    computedAt,
  };
  return { score, ranked };
}

/** A score plus every action the playbook recommends now, best first (the NBA is the first). */
export interface ScoredCustomer {
  score: Score;
  ranked: RankedAction[];
}

/** Score one customer against a stored book model, with the full ranked playbook. */
export function scoreCustomerDetailed(
  h: CustomerHistory,
  model: BookModel,
  settings: ScoringSettings,
  asOf: string,
  goals: readonly Goal[] = [],
): ScoredCustomer {
  const s = customerStats(h.transactions, dayOf(asOf));
  const v = customerValue(s, { bgnbd: model.bgnbd, gammaGamma: model.gammaGamma }, model.typicalGapDays, settings);
  return scoreWith(h, s, v, model, settings, asOf, goals, rfmFromEdges(s, model.rfmEdges), Date.now());
}

/** Score one customer against a stored book model (the incremental path: no refit). */
export function scoreCustomer(h: CustomerHistory, model: BookModel, settings: ScoringSettings, asOf: string, goals: readonly Goal[] = []): Score {
  return scoreCustomerDetailed(h, model, settings, asOf, goals).score;
}

/** Fit the book and score every customer; `ranked[i]` is the playbook of `scores[i]`. */
export function scoreBook(
  histories: readonly CustomerHistory[],
  settings: ScoringSettings,
  asOf: string,
  goals: readonly Goal[] = [],
): { model: BookModel; scores: Score[]; ranked: RankedAction[][] } {
  const { stats, model, values } = prepare(histories, settings, asOf);
  const rfm = rfmScores(
    histories.map((h, i) => ({
      customerId: h.customer.id,
      recencyDays: stats[i]!.recencyDays,
      frequency: stats[i]!.purchaseDays,
      monetary: stats[i]!.netSpend,
    })),
  );
  const now = Date.now();
  const scores: Score[] = new Array<Score>(histories.length);
  const ranked: RankedAction[][] = new Array<RankedAction[]>(histories.length);
  histories.forEach((h, i) => {
    const r = scoreWith(h, stats[i]!, values[i]!, model, settings, asOf, goals, rfm.get(h.customer.id) ?? rfmFromEdges(stats[i]!, model.rfmEdges), now);
    scores[i] = r.score;
    ranked[i] = r.ranked;
  });
  return { model, scores, ranked };
}

/** Rows of one table split per customer index (counted first, then filled: no array growth). */
function split<T extends { customerId: string }>(rows: readonly T[], index: ReadonlyMap<string, number>, n: number): T[][] {
  const at = new Int32Array(rows.length);
  const count = new Int32Array(n);
  for (let k = 0; k < rows.length; k++) {
    const i = index.get(rows[k]!.customerId) ?? -1;
    at[k] = i;
    if (i >= 0) count[i]!++;
  }
  const out: T[][] = new Array<T[]>(n);
  for (let i = 0; i < n; i++) out[i] = new Array<T>(count[i]!);
  const fill = new Int32Array(n);
  for (let k = 0; k < rows.length; k++) {
    const i = at[k]!;
    if (i >= 0) out[i]![fill[i]!++] = rows[k]!;
  }
  return out;
}

/** Group flat tables into per-customer histories with one lookup per row (rows of unknown customers are left out). */
export function groupHistories(book: {
  customers: readonly CustomerHistory['customer'][];
  transactions: readonly CustomerHistory['transactions'][number][];
  interactions: readonly CustomerHistory['interactions'][number][];
  feedback: readonly CustomerHistory['feedback'][number][];
  contacts: readonly CustomerHistory['contacts'][number][];
  actions: readonly CustomerHistory['actions'][number][];
}): CustomerHistory[] {
  const n = book.customers.length;
  const index = new Map<string, number>();
  book.customers.forEach((c, i) => index.set(c.id, i));
  const transactions = split(book.transactions, index, n);
  const interactions = split(book.interactions, index, n);
  const feedback = split(book.feedback, index, n);
  const contacts = split(book.contacts, index, n);
  const actions = split(book.actions, index, n);
  return book.customers.map((customer, i) => ({
    customer,
    transactions: transactions[i]!,
    interactions: interactions[i]!,
    feedback: feedback[i]!,
    contacts: contacts[i]!,
    actions: actions[i]!,
  }));
}

export interface RiskBacktest {
  /** The scores were computed as of this date, with nothing after it. */
  cutoff: string;
  asOf: string;
  /** Customers who had bought in the year before the cutoff. */
  customers: number;
  /** Of them, customers with no purchase in (cutoff, asOf]. */
  churned: number;
  /** P(a churner scored riskier than a customer who stayed); 0.5 = no better than chance. */
  auc: number | null;
  byBand: Record<Score['risk'], { customers: number; churned: number; rate: number | null }>;
}

/**
 * Score validation on the user's own data: score the book as of `asOf − horizonDays` with only
 * what was known then, and compare the risk with who actually stopped buying since.
 */
export function backtestRisk(histories: readonly CustomerHistory[], settings: ScoringSettings, asOf: string, horizonDays = 180): RiskBacktest {
  const cutoff = isoOfDay(dayOf(asOf) - horizonDays);
  const yearBefore = isoOfDay(dayOf(cutoff) - YEAR_DAYS);
  const past: CustomerHistory[] = [];
  const churned: boolean[] = [];
  for (const h of histories) {
    if (h.customer.createdAt > cutoff) continue;
    const before = h.transactions.filter((t) => t.date <= cutoff);
    if (!before.some((t) => t.amount > 0 && t.date > yearBefore)) continue;
    past.push({
      customer: h.customer,
      transactions: before,
      interactions: h.interactions.filter((i) => i.date <= cutoff),
      feedback: h.feedback.filter((f) => f.date <= cutoff),
      contacts: h.contacts,
      actions: [],
    });
    churned.push(!h.transactions.some((t) => t.amount > 0 && t.date > cutoff && t.date <= asOf));
  }
  const { scores } = scoreBook(past, settings, cutoff);
  const byBand: RiskBacktest['byBand'] = {
    low: { customers: 0, churned: 0, rate: null },
    medium: { customers: 0, churned: 0, rate: null },
    high: { customers: 0, churned: 0, rate: null },
  };
  scores.forEach((s, i) => {
    byBand[s.risk].customers++;
    if (churned[i]) byBand[s.risk].churned++;
  });
  for (const b of Object.values(byBand)) b.rate = b.customers > 0 ? b.churned / b.customers : null;
  // AUC by the rank-sum (Mann–Whitney) statistic, ties sharing their average rank
  const order = scores.map((s, i) => i).sort((a, b) => scores[a]!.riskScore - scores[b]!.riskScore);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && scores[order[j]!]!.riskScore === scores[order[i]!]!.riskScore) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if (churned[order[k]!]) {
        rankSum += avgRank;
        positives++;
      }
    i = j;
  }
  const negatives = scores.length - positives;
  const auc = positives > 0 && negatives > 0 ? (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives) : null;
  return { cutoff, asOf, customers: scores.length, churned: positives, auc, byBand };
}
