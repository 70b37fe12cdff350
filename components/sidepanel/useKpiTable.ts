/**
 * The KPI view's table (every KPI but `clv`, with its comparison and trend): computed on the
 * page from the KPI columns the background stores (one meta row, read by KpiColumns.tsx)
 * when they are there — a few milliseconds — and otherwise in the compute Worker from the whole
 * book, as before. Both run the same computation (lib/sidepanel/kpi-table.ts), so the figures
 * are the same; the stored row is gone the moment the book changes and comes back once rebuilt.
 */
import { useMemo } from 'react';
import { computeKpiTable, type KpiRequest, type KpiTable } from '../../lib/sidepanel/kpi-table';
import { useComputed, type Computed } from './useComputed';
import { useKpiColumns } from './KpiColumns';

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
