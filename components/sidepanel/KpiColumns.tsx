/**
 * The KPI columns the background stores (lib/sidepanel/kpi-columns.ts), read once the panel has
 * shown its first content and kept live, so the KPI view has them in memory when the rep opens
 * it: its figures are then a computation, not a read.
 */
import { createContext, useContext, type JSX, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { metaRepo } from '../../lib/db/repos/meta';
import type { KpiIndex } from '../../lib/scoring/kpi-index';
import { KPI_COLUMNS_KEY, readKpiColumns } from '../../lib/sidepanel/kpi-columns';
import { useSidePanel } from './context';

/** undefined while not read yet, null when none are stored (or they are unreadable). */
const KpiColumnsContext = createContext<KpiIndex | null | undefined>(undefined);

export function KpiColumnsProvider({ enabled, children }: { enabled: boolean; children: ReactNode }): JSX.Element {
  const { db } = useSidePanel();
  const columns = useLiveQuery(async () => (enabled ? readKpiColumns(await metaRepo(db).get(KPI_COLUMNS_KEY)) : undefined), [db, enabled]);
  return <KpiColumnsContext.Provider value={columns}>{children}</KpiColumnsContext.Provider>;
}

export const useKpiColumns = (): KpiIndex | null | undefined => useContext(KpiColumnsContext);
