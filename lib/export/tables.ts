/**
 * The CSV exports of the options page: scores (with customer names), actions and goals — one
 * per table of lib/db/tables.ts that holds them. Reads through the repositories (a page's
 * read-only handle is enough); the CSV text goes through `toCsv` (formula-injection safe).
 */
import type { ReadDb } from '../db/read-db';
import { actionsRepo } from '../db/repos/actions';
import { customersRepo } from '../db/repos/customers';
import { goalsRepo } from '../db/repos/goals';
import { scoresRepo } from '../db/repos/scores';
import type { TableName } from '../db/tables';
import type { RowError } from '../import/rows';
import { toCsv, type Cell } from './csv';

export type ExportKind = Extract<TableName, 'scores' | 'actions' | 'goals'>;

export async function exportScoresCsv(db: ReadDb): Promise<string> {
  const [scores, customers] = await Promise.all([scoresRepo(db).all(), customersRepo(db).all()]);
  const names = new Map(customers.map((c) => [c.id, c.name]));
  const rows: Cell[][] = scores
    .sort((a, b) => b.riskScore - a.riskScore || a.customerId.localeCompare(b.customerId))
    .map((s) => [
      s.customerId,
      names.get(s.customerId) ?? '',
      s.tier,
      s.risk,
      s.riskScore,
      s.reasons.map((r) => r.id).join('; '),
      s.clv,
      s.pAlive,
      s.rfm.r,
      s.rfm.f,
      s.rfm.m,
      s.rfm.segment,
      s.nba?.kind ?? '',
      s.nba?.due ?? '',
      s.lastContact ?? '',
      new Date(s.computedAt).toISOString(),
    ]);
  return toCsv(
    [
      'customer_id',
      'name',
      'tier',
      'risk',
      'risk_score',
      'risk_factors',
      'clv',
      'p_alive',
      'r',
      'f',
      'm',
      'rfm_segment',
      'next_action',
      'next_action_due',
      'last_contact',
      'computed_at',
    ],
    rows,
  );
}

export async function exportActionsCsv(db: ReadDb): Promise<string> {
  const [actions, customers] = await Promise.all([actionsRepo(db).all(), customersRepo(db).all()]);
  const names = new Map(customers.map((c) => [c.id, c.name]));
  const rows: Cell[][] = actions
    .sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id))
    .map((a) => [
      a.id,
      a.customerId,
      names.get(a.customerId) ?? '',
      a.kind,
      a.status,
      a.due,
      a.reason,
      a.snoozedUntil ?? '',
      a.statusReason ?? '',
      new Date(a.createdAt).toISOString(),
      new Date(a.updatedAt).toISOString(),
    ]);
  return toCsv(['action_id', 'customer_id', 'name', 'kind', 'status', 'due', 'reason', 'snoozed_until', 'status_reason', 'created_at', 'updated_at'], rows);
}

export async function exportGoalsCsv(db: ReadDb): Promise<string> {
  const goals = await goalsRepo(db).all();
  const rows: Cell[][] = goals
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((g) => [
      g.id,
      g.name,
      g.category,
      g.metric,
      g.target,
      g.baseline,
      g.periodStart,
      g.periodEnd,
      g.scope.kind === 'all' ? 'all' : g.scope.kind === 'tier' ? `tier:${g.scope.tier}` : `segment:${g.scope.segment}`,
      g.archived,
    ]);
  return toCsv(['goal_id', 'name', 'category', 'metric', 'target', 'baseline', 'period_start', 'period_end', 'scope', 'archived'], rows);
}

export const EXPORTERS: Record<ExportKind, (db: ReadDb) => Promise<string>> = {
  scores: exportScoresCsv,
  actions: exportActionsCsv,
  goals: exportGoalsCsv,
};

/** The rejected rows of an import, as the downloadable report; the page passes the reason in its language. */
export function rejectedRowsCsv(rows: readonly RowError[], reason: (r: RowError) => string = (r) => r.reason): string {
  return toCsv(
    ['file', 'line', 'column', 'reason'],
    rows.map((r) => [r.file, r.line, r.column ?? '', reason(r)]),
  );
}
