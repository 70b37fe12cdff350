/**
 * Rows the background derives from the book and keeps for the side panel, so a view reads one
 * row instead of whole tables: the KPI columns (lib/sidepanel/kpi-columns.ts) and the rank bands
 * (lib/sidepanel/rank-bands.ts). Each is kept in step with its source tables: every committed
 * write to one of them — whichever handler, import, sync or restore made it — deletes the row at
 * once, and the row is built again once writes have been quiet for a moment. A build that a write
 * overtook is thrown away and started again, so a stored row always matches the rows it stands
 * for; a missing row means "read the tables" to the panel. The build reads page by page, outside any
 * one transaction, so it never holds back the writes it would then be overtaken by.
 */
import type { AppDB } from '../db/app-db';
import { onTablesChanged } from '../db/changes';
import { getDb } from '../db/db';
import { feedbackRepo, interactionsRepo, transactionsRepo } from '../db/repos/history';
import { metaRepo } from '../db/repos/meta';
import { scoresRepo } from '../db/repos/scores';
import type { TableName } from '../db/tables';
import { KpiIndexBuilder } from '../scoring/kpi-index';
import { KPI_COLUMNS_KEY, KPI_SOURCE_TABLES, storedKpiColumns } from '../sidepanel/kpi-columns';
import { buildRankBands, RANK_BANDS_KEY, RANK_BANDS_SOURCE_TABLES } from '../sidepanel/rank-bands';

/** Quiet time after the last write before a row is built again (an import writes in bursts). */
export const CACHED_ROW_QUIET_MS = 2_000;

export interface CachedRowSpec {
  /** Its meta key (`cache:` keeps it out of backups). */
  key: string;
  sources: readonly TableName[];
  /** The value to store, from the source tables (read in one transaction). */
  build: (db: AppDB, builtAt: number) => Promise<unknown>;
}

export interface CachedRowDeps {
  db: () => AppDB;
  now: () => number;
  /** Runs `f` after `ms`; returns a cancel. */
  later: (f: () => void, ms: number) => () => void;
  onError: (e: unknown) => void;
}

export interface CachedRow {
  /** A committed write touched a source table. */
  mutated(): void;
  /** Build now unless the row is stored; resolves when it is (or writes kept overtaking the build). */
  build(): Promise<void>;
}

export function createCachedRow(spec: CachedRowSpec, deps: CachedRowDeps): CachedRow {
  /** Counts source writes: a build stores its row only if none happened while it read. */
  let writes = 0;
  let running: Promise<void> | null = null;
  let cancel: (() => void) | null = null;

  const buildOnce = async (): Promise<boolean> => {
    const db = deps.db();
    const seen = writes;
    // No transaction around the build: a long read over the source tables would hold back every
    // write to them (a sync's next batch) until it ended. Writes meanwhile are counted instead, and
    // a build that one overtook is thrown away.
    const value = await spec.build(db, deps.now());
    if (seen !== writes) return false;
    // A write committed after this point deletes the row again (mutated), after this put.
    await metaRepo(db).put(spec.key, value);
    return true;
  };

  const build = (): Promise<void> => {
    running ??= (async () => {
      try {
        if ((await metaRepo(deps.db()).get(spec.key)) !== undefined) return;
        // overtaken by writes three times running: the next quiet moment builds it
        for (let attempt = 0; attempt < 3; attempt++) if (await buildOnce()) return;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  return {
    mutated() {
      writes++;
      metaRepo(deps.db()).delete([spec.key]).catch(deps.onError);
      cancel?.();
      cancel = deps.later(() => {
        cancel = null;
        build().catch(deps.onError);
      }, CACHED_ROW_QUIET_MS);
    },
    build,
  };
}

/** Rows per read while building the KPI columns. */
const KPI_PAGE = 5_000;

export const KPI_COLUMNS: CachedRowSpec = {
  key: KPI_COLUMNS_KEY,
  sources: KPI_SOURCE_TABLES,
  async build(db, builtAt) {
    // a page of rows at a time, each reduced to a few numbers: a 1M-transaction book is never held whole
    const builder = new KpiIndexBuilder();
    await transactionsRepo(db).eachPage(KPI_PAGE, (rows) => builder.addTransactions(rows));
    await interactionsRepo(db).eachPage(KPI_PAGE, (rows) => builder.addInteractions(rows));
    await feedbackRepo(db).eachPage(KPI_PAGE, (rows) => builder.addFeedback(rows));
    return storedKpiColumns(builder.finish(), builtAt);
  },
};

export const RANK_BANDS: CachedRowSpec = {
  key: RANK_BANDS_KEY,
  sources: RANK_BANDS_SOURCE_TABLES,
  build: async (db, builtAt) => buildRankBands(await scoresRepo(db).bands(), builtAt),
};

/** The background's: each row follows every committed write and is built a moment after start-up. */
export function setupCachedRows(): CachedRow[] {
  const deps: CachedRowDeps = {
    db: getDb,
    now: () => Date.now(),
    later: (f, ms) => {
      const t = setTimeout(f, ms);
      return () => clearTimeout(t);
    },
    onError: (e) => console.error('[Rapport] side panel cache:', e),
  };
  return [KPI_COLUMNS, RANK_BANDS].map((spec) => {
    const row = createCachedRow(spec, deps);
    onTablesChanged(spec.sources, () => row.mutated(), getDb().name);
    setTimeout(() => void row.build().catch(deps.onError), CACHED_ROW_QUIET_MS);
    return row;
  });
}
