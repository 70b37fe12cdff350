/**
 * The background keeps the side panel's KPI columns (lib/sidepanel/kpi-columns.ts) in step with
 * the book: every committed write to a source table (transactions, interactions, feedback) —
 * whichever handler, import, sync or restore made it — deletes the stored row at once, and the
 * row is built again from the book once writes have been quiet for a moment. A build that a write
 * overtook is thrown away and started again, so a stored row always matches the rows it stands for.
 */
import type { AppDB } from '../db/app-db';
import { onTablesChanged } from '../db/changes';
import { getDb } from '../db/db';
import { readTogether } from '../db/repo';
import { feedbackRepo, interactionsRepo, transactionsRepo } from '../db/repos/history';
import { metaRepo } from '../db/repos/meta';
import { buildKpiColumns, KPI_COLUMNS_KEY, KPI_SOURCE_TABLES } from '../sidepanel/kpi-columns';

/** Quiet time after the last write before the columns are built again (an import writes in bursts). */
export const KPI_COLUMNS_QUIET_MS = 2_000;

export interface KpiColumnsDeps {
  db: () => AppDB;
  now: () => number;
  /** Runs `f` after `ms` (tests run it at once); returns a cancel. */
  later: (f: () => void, ms: number) => () => void;
  onError: (e: unknown) => void;
}

export interface KpiColumns {
  /** A committed write touched a source table. */
  mutated(): void;
  /** Build now unless a row is stored; resolves when the row is stored (or a write overtook the build). */
  build(): Promise<void>;
  /** The build running or scheduled, if any (tests). */
  readonly pending: Promise<void> | null;
}

export function createKpiColumns(deps: KpiColumnsDeps): KpiColumns {
  /** Counts source writes: a build stores its row only if none happened while it read. */
  let writes = 0;
  let running: Promise<void> | null = null;
  let cancel: (() => void) | null = null;

  const buildOnce = async (): Promise<boolean> => {
    const db = deps.db();
    const seen = writes;
    const rows = await readTogether(db, [...KPI_SOURCE_TABLES], async () => {
      const [transactions, interactions, feedback] = await Promise.all([transactionsRepo(db).all(), interactionsRepo(db).all(), feedbackRepo(db).all()]);
      return { transactions, interactions, feedback };
    });
    if (seen !== writes) return false;
    const value = buildKpiColumns(rows, deps.now());
    if (seen !== writes) return false;
    // A write committed after this point deletes the row again (mutated), after this put.
    await metaRepo(db).put(KPI_COLUMNS_KEY, value);
    return true;
  };

  const build = (): Promise<void> => {
    running ??= (async () => {
      try {
        if ((await metaRepo(deps.db()).get(KPI_COLUMNS_KEY)) !== undefined) return;
        // overtaken by writes three times running: the next quiet moment builds it
        for (let attempt = 0; attempt < 3; attempt++) if (await buildOnce()) return;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const schedule = (): void => {
    cancel?.();
    cancel = deps.later(() => {
      cancel = null;
      build().catch(deps.onError);
    }, KPI_COLUMNS_QUIET_MS);
  };

  return {
    mutated() {
      writes++;
      metaRepo(deps.db()).delete([KPI_COLUMNS_KEY]).catch(deps.onError);
      schedule();
    },
    build,
    get pending() {
      return running;
    },
  };
}

/** The background's: listens to every committed write and builds the first row after start-up. */
export function setupKpiColumns(): KpiColumns {
  const columns = createKpiColumns({
    db: getDb,
    now: () => Date.now(),
    later: (f, ms) => {
      const t = setTimeout(f, ms);
      return () => clearTimeout(t);
    },
    onError: (e) => console.error('[Rapport] KPI columns:', e),
  });
  onTablesChanged(KPI_SOURCE_TABLES, () => columns.mutated(), getDb().name);
  setTimeout(() => void columns.build().catch((e: unknown) => console.error('[Rapport] KPI columns:', e)), KPI_COLUMNS_QUIET_MS);
  return columns;
}
