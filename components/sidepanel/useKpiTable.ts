/**
 * The KPI view's table (every KPI but `clv`, with its comparison and trend): computed on the
 * page from the KPI columns the background stores (one meta row, lib/sidepanel/kpi-columns.ts)
 * when they are there — a few milliseconds — and otherwise in the compute Worker from the whole
 * book, as before. Both run the same computation (lib/sidepanel/kpi-table.ts), so the figures
 * are the same; the stored row is gone the moment the book changes and comes back once rebuilt.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { metaRepo } from '../../lib/db/repos/meta';
import { KPI_COLUMNS_KEY, readKpiColumns } from '../../lib/sidepanel/kpi-columns';
import { computeKpiTable, type KpiRequest, type KpiTable } from '../../lib/sidepanel/kpi-table';
import type { KpiIndex } from '../../lib/scoring/kpi-index';
import { useComputed, type Computed } from './useComputed';
import { useSidePanel } from './context';

/** The stored KPI columns: undefined while reading, null when none are stored (or unreadable). */
export function useKpiColumns(): KpiIndex | null | undefined {
  const { db } = useSidePanel();
  return useLiveQuery(async () => readKpiColumns(await metaRepo(db).get(KPI_COLUMNS_KEY)), [db]);
}

/** `key` identifies the request (its periods); null = nothing to compute. */
export function useKpiTable(req: KpiRequest | null, key: string): Computed<KpiTable> {
  const columns = useKpiColumns();
  const fromColumns = useMemo(
    () => (req && columns ? computeKpiTable({ customers: [], transactions: [], interactions: [], feedback: [], index: columns }, req) : undefined),
    // the request is named by its key
    [columns, key],
  );
  const fromBook = useComputed(req && columns === null ? { kind: 'kpis', ...req } : null, columns === null ? key : '');
  return fromColumns ? { result: fromColumns, error: null } : fromBook;
}
