/**
 * The customer view's reading of a score over time: what changed since last week (each risk
 * factor's points then and now), whether a CLV range is too wide to lean on (a thin history),
 * the risk points of the sparkline, and why the next action ranks where it does (the factors
 * of its priority, lib/scoring/actions.ts).
 */
import type { RankWhySchema, ScoreFactorSchema } from '../schemas/domain';
import type { ScoreHistoryRow } from '../schemas/history';
import type { z } from '../schemas/zod';

type Factor = z.output<typeof ScoreFactorSchema>;
export type RankWhy = z.output<typeof RankWhySchema>;

export interface FactorDelta {
  id: string;
  params?: Factor['params'];
  /** Points now and then (0 when the factor was absent). */
  now: number;
  then: number;
  delta: number;
}

/** Factors whose points moved by at least `min` since `then`, largest move first (at most `limit`). */
export function factorDeltas(now: readonly Factor[], then: readonly Factor[], limit = 5, min = 0.5): FactorDelta[] {
  const before = new Map(then.map((f) => [f.id, f]));
  const after = new Map(now.map((f) => [f.id, f]));
  const ids = new Set([...after.keys(), ...before.keys()]);
  const out: FactorDelta[] = [];
  for (const id of ids) {
    const a = after.get(id);
    const b = before.get(id);
    const delta = (a?.points ?? 0) - (b?.points ?? 0);
    if (Math.abs(delta) < min) continue;
    const params = (a ?? b)!.params;
    out.push({ id, ...(params ? { params } : {}), now: a?.points ?? 0, then: b?.points ?? 0, delta });
  }
  return out.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.id.localeCompare(y.id)).slice(0, limit);
}

/** A CLV whose 80 % range is wider than the value itself rests on a thin history. */
export function thinHistory(clv: number, low: number | undefined, high: number | undefined): boolean {
  if (low === undefined || high === undefined) return false;
  return high - low > Math.max(Math.abs(clv), 1);
}

/** Churn risk (0–100) per history row, oldest first: the probability when stored, else the risk score. */
export const riskPoints = (rows: readonly Pick<ScoreHistoryRow, 'churnRisk' | 'riskScore'>[]): number[] =>
  rows.map((r) => (r.churnRisk !== undefined ? 100 * r.churnRisk : r.riskScore));

export type WhyPart =
  | { key: 'base'; value: number }
  | { key: 'tier'; value: number }
  | { key: 'riskUp' | 'riskDown'; value: number }
  | { key: 'goal'; value: number }
  | { key: 'learnedUp' | 'learnedDown'; value: number }
  | { key: 'floor' };

/** The parts of an action's priority worth saying (multipliers of 1 say nothing), and the priority. */
export function whyParts(why: RankWhy): { parts: WhyPart[]; priority: number } {
  const parts: WhyPart[] = [
    { key: 'base', value: why.base },
    { key: 'tier', value: why.tier },
  ];
  if (why.risk !== 1) parts.push({ key: why.risk > 1 ? 'riskUp' : 'riskDown', value: why.risk });
  if (why.goal !== 1) parts.push({ key: 'goal', value: why.goal });
  if (why.floor) parts.push({ key: 'floor' });
  else if (why.learned !== 1) parts.push({ key: why.learned > 1 ? 'learnedUp' : 'learnedDown', value: why.learned });
  return { parts, priority: Math.round(why.base * why.tier * why.risk * why.goal * why.learned * 10) / 10 };
}
