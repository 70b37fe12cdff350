/**
 * The KPI columns: the book's KPI index (lib/scoring/kpi-index.ts — purchase days, feedback and
 * interactions as sorted day numbers per customer) as the background stores it in one meta row,
 * so the side panel's KPI view reads one row instead of every transaction, interaction and
 * feedback. The figures are the same: the view computes them from this index with the same code
 * (lib/scoring/kpis.ts) that would otherwise build it from the rows.
 *
 * Freshness (lib/services/cached-rows.ts): the background deletes the row as soon as any of its
 * source tables is written and builds it again when writes have stopped; a missing row means
 * "compute from the book" (the compute Worker).
 */
import type { KpiIndex } from '../scoring/kpi-index';

/** The meta key (the `cache:` prefix keeps it out of backups). */
export const KPI_COLUMNS_KEY = 'cache:kpiColumns';
/** Tables the columns are built from: a write to any of them makes the stored row stale. */
export const KPI_SOURCE_TABLES = ['transactions', 'interactions', 'feedback'] as const;
/** Bumped when the stored shape changes (an older row is then ignored and rebuilt). */
const FORMAT = 1;

export type StoredKpiColumns = Omit<KpiIndex, 'idOf'> & { format: typeof FORMAT; builtAt: number };

/** The row to store for a built index (its id lookup is rebuilt when read). */
export function storedKpiColumns(index: KpiIndex, builtAt: number): StoredKpiColumns {
  const { idOf: _idOf, ...columns } = index;
  return { format: FORMAT, builtAt, ...columns };
}

const INT_COLUMNS = ['purchaseDay', 'purchaseCustomer', 'feedbackDay', 'feedbackCustomer', 'interactionDay', 'interactionCustomer'] as const;

/**
 * The index from a stored row, or null when there is none or it is not a row this version
 * wrote (another format, a wrong type or length, a customer number out of range, days out of order).
 */
export function readKpiColumns(value: unknown): KpiIndex | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<StoredKpiColumns>;
  if (v.format !== FORMAT || !Array.isArray(v.ids) || !v.ids.every((id) => typeof id === 'string')) return null;
  const n = v.ids.length;
  for (const k of INT_COLUMNS) if (!(v[k] instanceof Int32Array)) return null;
  if (!(v.firstDay instanceof Float64Array) || v.firstDay.length !== n) return null;
  if (!(v.feedbackKind instanceof Uint8Array) || !(v.feedbackScore instanceof Float64Array)) return null;
  const pairs: [Int32Array, Int32Array][] = [
    [v.purchaseDay!, v.purchaseCustomer!],
    [v.feedbackDay!, v.feedbackCustomer!],
    [v.interactionDay!, v.interactionCustomer!],
  ];
  for (const [day, customer] of pairs) {
    if (day.length !== customer.length) return null;
    for (let i = 0; i < customer.length; i++) {
      if (customer[i]! < 0 || customer[i]! >= n) return null;
      // the KPIs find a period's rows by binary search: the days must be in order
      if (i > 0 && day[i]! < day[i - 1]!) return null;
    }
  }
  if (v.feedbackKind.length !== v.feedbackDay!.length || v.feedbackScore.length !== v.feedbackDay!.length) return null;
  return {
    ids: v.ids,
    idOf: new Map(v.ids.map((id, i) => [id, i])),
    purchaseDay: v.purchaseDay!,
    purchaseCustomer: v.purchaseCustomer!,
    firstDay: v.firstDay,
    feedbackDay: v.feedbackDay!,
    feedbackCustomer: v.feedbackCustomer!,
    feedbackKind: v.feedbackKind,
    feedbackScore: v.feedbackScore,
    interactionDay: v.interactionDay!,
    interactionCustomer: v.interactionCustomer!,
  };
}
