/**
 * Scores (one row per customer) and the stored book model (meta 'bookModel') that lets one
 * customer be rescored alone after a quick-log without refitting the whole book.
 */
import { defineRepo } from '../repo';
import type { Score } from '../../schemas/domain';
import { RISK_BANDS, TIERS, type RiskBand, type Tier } from '../../schemas/enums';
import type { BookModel } from '../../scoring/types';
import type { RiskBacktest } from '../../scoring/book-backtest';

export const BOOK_MODEL_KEY = 'bookModel';
/** The risk back-test of the last full rescore ("How good is my risk score?"). */
export const BACKTEST_KEY = 'riskBacktest';
/** The day of the last weekly history snapshot. */
export const HISTORY_WEEK_KEY = 'historyWeek';

export const scoresRepo = defineRepo(
  (db) => ({
    get: (customerId: string): Promise<Score | undefined> => db.scores.get(customerId),
    bulkGet: (customerIds: readonly string[]): Promise<(Score | undefined)[]> => db.scores.bulkGet([...customerIds]),
    all: (): Promise<Score[]> => db.scores.toArray(),
    ids: (): Promise<string[]> => db.scores.toCollection().primaryKeys(),
    /** Counts per tier from the tier index, without reading score rows. */
    async tierCounts(): Promise<Record<Tier, number>> {
      const counts = await Promise.all(TIERS.map((t) => db.scores.where('tier').equals(t).count()));
      return Object.fromEntries(TIERS.map((t, i) => [t, counts[i]!])) as Record<Tier, number>;
    },
    /**
     * Tier and risk band of every scored customer from the keys of the two indexes: no score row
     * is read (a queue ranked by band reads the rows of the few customers it shows).
     */
    async bands(): Promise<Map<string, { tier: Tier; risk: RiskBand }>> {
      const [byTier, byRisk] = await Promise.all([
        Promise.all(TIERS.map((t) => db.scores.where('tier').equals(t).primaryKeys())),
        Promise.all(RISK_BANDS.map((r) => db.scores.where('risk').equals(r).primaryKeys())),
      ]);
      const risk = new Map<string, RiskBand>();
      RISK_BANDS.forEach((r, i) => byRisk[i]!.forEach((id) => risk.set(id, r)));
      const out = new Map<string, { tier: Tier; risk: RiskBand }>();
      TIERS.forEach((t, i) =>
        byTier[i]!.forEach((id) => {
          const r = risk.get(id);
          if (r) out.set(id, { tier: t, risk: r });
        }),
      );
      return out;
    },
    async getModel(): Promise<BookModel | undefined> {
      const row = await db.meta.get(BOOK_MODEL_KEY);
      return row?.value as BookModel | undefined;
    },
    async getBacktest(): Promise<RiskBacktest | undefined> {
      const row = await db.meta.get(BACKTEST_KEY);
      return row?.value as RiskBacktest | undefined;
    },
    async historyWeek(): Promise<string | undefined> {
      const row = await db.meta.get(HISTORY_WEEK_KEY);
      return typeof row?.value === 'string' ? row.value : undefined;
    },
  }),
  (db) => ({
    async put(score: Score): Promise<void> {
      await db.scores.put(score);
    },
    async putMany(scores: readonly Score[]): Promise<void> {
      await db.scores.bulkPut([...scores]);
    },
    async bulkDelete(customerIds: readonly string[]): Promise<void> {
      if (customerIds.length) await db.scores.bulkDelete([...customerIds]);
    },
    async putModel(model: BookModel): Promise<void> {
      await db.meta.put({ key: BOOK_MODEL_KEY, value: model });
    },
    async putBacktest(backtest: RiskBacktest): Promise<void> {
      await db.meta.put({ key: BACKTEST_KEY, value: backtest });
    },
    async putHistoryWeek(day: string): Promise<void> {
      await db.meta.put({ key: HISTORY_WEEK_KEY, value: day });
    },
  }),
);
