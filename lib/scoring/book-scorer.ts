/**
 * Scoring a book in three passes over its customers, chunk by chunk, so no pass needs the whole
 * book in memory (a service worker reading 100k customers from IndexedDB keeps one chunk of rows at
 * a time):
 *
 * 1. `observe`: each customer's purchase stats as of `asOf` and as of the training cut-off
 *    (`asOf − horizon`), kept as typed columns, plus whether they bought in between (the training
 *    outcome) and which kinds of data the book holds. `fitDates()` then fits the purchase and spend models
 *    at both dates and derives values, tiers, RFM edges.
 * 2. `learn`: the risk features as of the cut-off for (a sample of) the customers who existed then;
 *    `finish()` trains the risk model — or falls back to priors — and returns the `BookModel`.
 * 3. `score` (or `evaluate`, for a back-test): every customer against that model.
 *
 * Every pass must see the customers in the same order. See docs/scoring.md.
 */
import type { ScoringSettings } from '../schemas/settings';
import type { Tier } from '../schemas/values';
import { addDays, dayOf, isoOfDay } from '../clock';
import { growableI32, growableU8, StatsColumns } from './columns';
import { dataSources, FEATURE_COUNT, riskFeatures, type DataSources, type RiskInputs } from './features';
import { fitModels, type FitHint, type FitReport } from './fit';
import { rfmEdges, type RfmEdges } from './rfm';
import { fallbackReason, MAX_TRAINING_ROWS, priorRiskModel, riskProbability, trainRiskModel, type RiskModel } from './risk';
import { relationshipSignals } from './signals';
import { boughtBetween, customerStats, median, type CustomerStats } from './stats';
import { tierCutoffs, tierForValue } from './tiers';
import type { BookModel, CustomerHistory, TierCutoffs } from './types';
import { parameterSpread } from './uncertainty';
import { customerValue, type ClvCache, type ValueModel } from './value';

export const DEFAULT_HORIZON_DAYS = 90;
export const horizonOf = (settings: Partial<Pick<ScoringSettings, 'riskHorizonDays'>>): number => settings.riskHorizonDays ?? DEFAULT_HORIZON_DAYS;

/** When the customer became one: their first purchase, or the record's creation if earlier. */
export const firstSeenOf = (h: CustomerHistory, s: CustomerStats): string =>
  s.firstPurchase !== undefined && s.firstPurchase < h.customer.createdAt ? s.firstPurchase : h.customer.createdAt;

/** One date's book-level model: fits, value model, pyramid cut-offs. */
interface DateModel {
  asOf: string;
  day: number;
  fitReport: FitReport;
  value: ValueModel;
  cutoffs: TierCutoffs;
  /** The CLV memo of this date's fits (pass 3 reuses today's). */
  cache: ClvCache;
  /** Per customer (pass order): existed on that day; their pyramid value. */
  present: Uint8Array;
  values: Float64Array;
  tiers: Tier[];
  sources: DataSources;
  buyers: number;
  repeatBuyers: number;
  customers: number;
}

const orSources = (a: DataSources, b: DataSources): DataSources => ({
  interactions: a.interactions || b.interactions,
  feedback: a.feedback || b.feedback,
  contacts: a.contacts || b.contacts,
});
const NO_SOURCES: DataSources = { interactions: false, feedback: false, contacts: false };

export class BookScorer {
  readonly horizonDays: number;
  readonly trainAt: string;
  private readonly day: number;
  private readonly trainDay: number;
  private ids: string[] = [];
  private firstSeenDay = growableI32();
  private now = new StatsColumns();
  private past = new StatsColumns();
  /** No purchase in (trainAt, asOf]: the training outcome. */
  private churnedSince = growableU8();
  private sourcesNow: DataSources = NO_SOURCES;
  private sourcesPast: DataSources = NO_SOURCES;
  private nowModel?: DateModel;
  private pastModel?: DateModel;
  private fallback?: BookModel['risk']['fallback'];
  private trainRows: number[] = [];
  private trainY: number[] = [];
  private sampleStep = 1;
  /** Running sums for the priors' means (features as of asOf) when the book cannot be learnt from. */
  private meanSum = new Float64Array(FEATURE_COUNT);
  private meanCount = new Float64Array(FEATURE_COUNT);
  private pass2 = 0;
  private presentPastSeen = 0;
  private model?: BookModel;

  constructor(
    private readonly settings: ScoringSettings,
    readonly asOf: string,
  ) {
    this.day = dayOf(asOf);
    if (Number.isNaN(this.day)) throw new RangeError(`asOf must be a yyyy-MM-dd date, got "${asOf}"`);
    this.horizonDays = horizonOf(settings);
    this.trainAt = addDays(asOf, -this.horizonDays);
    this.trainDay = dayOf(this.trainAt);
  }

  /** Pass 1: purchase stats at both dates, training outcomes, data kinds. */
  observe(chunk: readonly CustomerHistory[]): void {
    for (const h of chunk) {
      const s = customerStats(h.transactions, this.day, this.horizonDays, false);
      this.ids.push(h.customer.id);
      // firstSeenOf in days: the first purchase (asOf − T) when before the record's creation
      const created = dayOf(h.customer.createdAt);
      this.firstSeenDay.push(s.purchaseDays > 0 && this.day - s.T < created ? this.day - s.T : created);
      this.now.push(s);
      this.past.push(customerStats(h.transactions, this.trainDay, this.horizonDays, false));
      this.churnedSince.push(boughtBetween(h.transactions, this.trainDay, this.day) ? 0 : 1);
    }
    this.sourcesNow = orSources(this.sourcesNow, dataSources(chunk, this.asOf));
    this.sourcesPast = orSources(this.sourcesPast, dataSources(chunk, this.trainAt));
  }

  /** After pass 1: fit both dates, and decide whether the book can be learnt from. */
  fitDates(): void {
    this.nowModel = this.dateModel(this.now, this.day, this.asOf, this.sourcesNow, true);
    // the book one horizon earlier is fitted from today's fit as its start
    this.pastModel = this.dateModel(this.past, this.trainDay, this.trainAt, this.sourcesPast, false, {
      bgnbd: this.nowModel.value.bgnbd,
      gammaGamma: this.nowModel.value.gammaGamma,
    });
    let start = this.trainDay;
    let customers = 0;
    let churned = 0;
    const present = this.pastModel.present;
    for (let i = 0; i < present.length; i++) {
      if (!present[i]) continue;
      customers++;
      churned += this.churnedSince.get(i);
      start = Math.min(start, this.firstSeenDay.get(i));
    }
    this.fallback = fallbackReason(customers, churned, this.trainDay - start, this.horizonDays);
    this.sampleStep = Math.max(1, Math.ceil(customers / MAX_TRAINING_ROWS));
  }

  private dateModel(cols: StatsColumns, day: number, asOf: string, sources: DataSources, forScoring: boolean, hint?: FitHint): DateModel {
    const present = new Uint8Array(cols.n);
    const known: CustomerStats[] = [];
    for (let i = 0; i < cols.n; i++)
      if (this.firstSeenDay.get(i) <= day) {
        present[i] = 1;
        known.push(cols.at(i));
      }
    const fits = fitModels(known, hint);
    const buyers = known.filter((s) => s.purchaseDays > 0);
    let spendSum = 0;
    let spendDays = 0;
    const gaps: number[] = [];
    for (const s of buyers) {
      spendSum += s.grossSpend;
      spendDays += s.purchaseDays;
      if (s.x > 0) gaps.push(s.tx / s.x);
    }
    const value: ValueModel = {
      bgnbd: fits.bgnbd,
      gammaGamma: fits.gammaGamma,
      typicalGapDays: gaps.length ? Math.max(1, median(gaps)) : 90,
      meanSpend: spendDays > 0 ? spendSum / spendDays : 0,
      paramSpread: 0,
    };
    // ranges are shown for today's scores only; a training cut-off needs none
    if (forScoring) value.paramSpread = parameterSpread(buyers, value, this.settings, this.horizonDays);
    const cache: ClvCache = new Map();
    const values = new Float64Array(cols.n);
    for (let i = 0; i < cols.n; i++) values[i] = customerValue(cols.at(i), value, this.settings, this.horizonDays, cache).value;
    const presentValues: number[] = [];
    for (let i = 0; i < cols.n; i++) if (present[i]) presentValues.push(values[i]!);
    const cutoffs = tierCutoffs(presentValues, this.settings.tierThresholds);
    const tiers = Array.from(values, (v) => tierForValue(v, cutoffs));
    return {
      asOf,
      day,
      fitReport: fits.report,
      value,
      cutoffs,
      cache,
      present,
      values,
      tiers,
      sources,
      buyers: buyers.length,
      repeatBuyers: fits.report.repeatBuyers,
      customers: known.length,
    };
  }

  /** The risk inputs of one customer as of a date model's day (stats from pass 1's columns, the date's CLV memo). */
  private inputs(h: CustomerHistory, i: number, m: DateModel): RiskInputs {
    const firstSeen = isoOfDay(this.firstSeenDay.get(i));
    const tier = m.tiers[i]!;
    const s = (m === this.pastModel ? this.past : this.now).at(i);
    return {
      sources: m.sources,
      stats: s,
      value: customerValue(s, m.value, this.settings, this.horizonDays, m.cache),
      signals: relationshipSignals(h, m.asOf, firstSeen),
      tier,
      cadenceDays: this.settings.revisitCadenceDays[tier],
      tenureDays: m.day - this.firstSeenDay.get(i),
      asOf: m.asOf,
    };
  }

  /** Pass 2: training features as of the cut-off (or, for priors, the book's feature means now). */
  learn(chunk: readonly CustomerHistory[]): void {
    const past = this.pastModel;
    const now = this.nowModel;
    if (!past || !now) throw new Error('BookScorer: call fitDates() after the first pass');
    const row = new Float64Array(FEATURE_COUNT);
    for (const h of chunk) {
      const i = this.pass2++;
      if (this.ids[i] !== h.customer.id) throw new Error(`BookScorer: pass 2 saw "${h.customer.id}" where pass 1 saw "${this.ids[i]}"`);
      if (this.fallback) {
        if (!now.present[i]) continue;
        riskFeatures(this.inputs(h, i, now), row);
        for (let j = 0; j < FEATURE_COUNT; j++)
          if (Number.isFinite(row[j]!)) {
            this.meanSum[j]! += row[j]!;
            this.meanCount[j]!++;
          }
        continue;
      }
      if (!past.present[i]) continue;
      // every sampleStep-th customer of the cut-off: a few tens of thousands pin the model down
      if (this.presentPastSeen++ % this.sampleStep !== 0) continue;
      riskFeatures(this.inputs(h, i, past), row);
      for (let j = 0; j < FEATURE_COUNT; j++) this.trainRows.push(row[j]!);
      this.trainY.push(this.churnedSince.get(i));
    }
  }

  /** After pass 2: the risk model and the whole book model (computed once). */
  finish(): BookModel {
    if (this.model) return this.model;
    const now = this.nowModel;
    const past = this.pastModel;
    if (!now || !past) throw new Error('BookScorer: call fitDates() and learn() first');
    let risk: RiskModel | null = null;
    let fallback = this.fallback;
    if (!fallback) {
      const n = this.trainY.length;
      let customers = 0;
      let churned = 0;
      for (let i = 0; i < past.present.length; i++)
        if (past.present[i]) {
          customers++;
          churned += this.churnedSince.get(i);
        }
      risk = trainRiskModel(Float64Array.from(this.trainRows), Uint8Array.from(this.trainY), n, this.horizonDays, this.trainAt, customers, churned);
      if (!risk) fallback = 'not-converged';
    }
    if (!risk) {
      // priors, centred on the book now (or, when learning failed late, on the training cut-off)
      const mean = Array.from(this.meanSum, (sum, j) => (this.meanCount[j]! > 0 ? sum / this.meanCount[j]! : 0));
      const trainMeans = () => {
        const rows = this.trainY.length;
        const out = new Array<number>(FEATURE_COUNT).fill(0);
        for (let j = 0; j < FEATURE_COUNT; j++) {
          let c = 0;
          let sum = 0;
          for (let r = 0; r < rows; r++) {
            const v = this.trainRows[r * FEATURE_COUNT + j]!;
            if (Number.isFinite(v)) {
              c++;
              sum += v;
            }
          }
          out[j] = c ? sum / c : 0;
        }
        return out;
      };
      risk = priorRiskModel(this.fallback ? mean : trainMeans(), this.horizonDays, fallback);
    }
    this.trainRows = [];
    this.trainY = [];
    const aboveLead: number[] = [];
    for (let i = 0; i < this.now.n; i++) if (now.present[i] && now.values[i]! > this.settings.tierThresholds.leadMaxValue) aboveLead.push(now.values[i]!);
    const known: CustomerStats[] = [];
    for (let i = 0; i < this.now.n; i++) if (now.present[i]) known.push(this.now.at(i));
    const rfm: RfmEdges = rfmEdges(known);
    this.model = {
      asOf: this.asOf,
      unit: 'day',
      horizonDays: this.horizonDays,
      ...now.value,
      fitReport: now.fitReport,
      sources: now.sources,
      valueBasis: now.value.bgnbd && now.value.gammaGamma ? 'clv' : 'spend',
      tierCutoffs: now.cutoffs,
      rfmEdges: rfm,
      medianValue: median(aboveLead),
      risk,
      customers: now.customers,
      buyers: now.buyers,
      repeatBuyers: now.repeatBuyers,
      fittedAt: Date.now(),
    };
    return this.model;
  }

  /** Today's CLV memo, for scoring against the model this scorer fitted. */
  clvCache(): ClvCache {
    return this.nowModel?.cache ?? new Map();
  }

  /** Whether customer i (pass order) existed on asOf. */
  presentNow(i: number): boolean {
    return Boolean(this.nowModel?.present[i]);
  }

  /**
   * Back-test pass: for customers who had bought by asOf, the model's probability, recency and the
   * purchase model's own P(no purchase), against who bought nothing in (asOf, until].
   */
  evaluate(chunk: readonly CustomerHistory[], until: string, from: number): { probability: number; recency: number; quiet: number; churned: number }[] {
    const now = this.nowModel;
    if (!now || !this.model) throw new Error('BookScorer: call finish() first');
    const row = new Float64Array(FEATURE_COUNT);
    const untilDay = dayOf(until);
    const out: { probability: number; recency: number; quiet: number; churned: number }[] = [];
    chunk.forEach((h, k) => {
      const i = from + k;
      if (!now.present[i] || this.now.get('purchaseDays', i) === 0) return;
      const inputs = this.inputs(h, i, now);
      riskFeatures(inputs, row);
      out.push({
        probability: riskProbability(this.model!.risk, row),
        recency: inputs.stats.recencyDays,
        quiet: inputs.value.pNoPurchase,
        churned: boughtBetween(h.transactions, this.day, untilDay) ? 0 : 1,
      });
    });
    return out;
  }
}

/** Run passes 1 and 2 over chunks (the same chunks, in the same order, each time). */
export async function fitBookChunked(
  settings: ScoringSettings,
  asOf: string,
  chunks: () => AsyncIterable<readonly CustomerHistory[]> | Iterable<readonly CustomerHistory[]>,
): Promise<BookScorer> {
  const scorer = new BookScorer(settings, asOf);
  for await (const chunk of chunks()) scorer.observe(chunk);
  scorer.fitDates();
  for await (const chunk of chunks()) scorer.learn(chunk);
  scorer.finish();
  return scorer;
}

/** The same passes over one in-memory array (tests, the CLI). */
export function fitBookSync(settings: ScoringSettings, asOf: string, histories: readonly CustomerHistory[]): BookScorer {
  const scorer = new BookScorer(settings, asOf);
  scorer.observe(histories);
  scorer.fitDates();
  scorer.learn(histories);
  scorer.finish();
  return scorer;
}
