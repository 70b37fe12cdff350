/**
 * The goal editor's form model: what the person types (strings, an inclusive end date) to a
 * validated Goal, with one error per field as an i18n key the form shows beside that field.
 */
import { addDays } from '../clock';
import { GoalValidationError, parseGoal } from '../db/repos/goals';
import type { AppError } from '../messaging/errors';
import type { Goal, GoalScope } from '../schemas/domain';
import type { GoalCategory, KpiId, Tier } from '../schemas/enums';
import { isIsoDate, presetPeriod } from './periods';

export interface GoalDraft {
  name: string;
  category: GoalCategory;
  metric: KpiId;
  target: string;
  baseline: string;
  periodStart: string;
  /** Inclusive: the last day of the goal's period as a person states it. */
  periodLast: string;
  scopeKind: GoalScope['kind'];
  scopeTier: Tier;
  scopeSegment: string;
}

export type GoalField = 'name' | 'category' | 'metric' | 'target' | 'baseline' | 'periodStart' | 'periodLast' | 'scope';
export type GoalErrorKey =
  | 'sidepanel.goals.error.required'
  | 'sidepanel.goals.error.number'
  | 'sidepanel.goals.error.date'
  | 'sidepanel.goals.error.endBeforeStart'
  | 'sidepanel.goals.error.targetEqualsBaseline'
  | 'sidepanel.goals.error.tooLong'
  | 'sidepanel.goals.error.invalid';

export type GoalFormResult = { ok: true; goal: Goal } | { ok: false; errors: Partial<Record<GoalField, GoalErrorKey>> };

/** The KPIs that measure each goal category (docs/kpis.md), first = the default. */
export const METRICS_BY_CATEGORY: Record<GoalCategory, readonly KpiId[]> = {
  satisfaction: ['csat', 'nps', 'complaint-rate'],
  loyalty: ['retention', 'churn-rate', 'repurchase-rate'],
  'new-customers': ['new-customers'],
  'value-add': ['clv', 'repurchase-rate'],
  'relationship-depth': ['interaction-frequency'],
};

export function emptyDraft(asOf: string): GoalDraft {
  const q = presetPeriod('quarter', asOf);
  return {
    name: '',
    category: 'satisfaction',
    metric: 'csat',
    target: '',
    baseline: '',
    periodStart: q.start,
    periodLast: addDays(q.end, -1),
    scopeKind: 'all',
    scopeTier: 'platinum',
    scopeSegment: '',
  };
}

export function draftFromGoal(g: Goal): GoalDraft {
  return {
    name: g.name,
    category: g.category,
    metric: g.metric,
    target: String(g.target),
    baseline: String(g.baseline),
    periodStart: g.periodStart,
    periodLast: addDays(g.periodEnd, -1),
    scopeKind: g.scope.kind,
    scopeTier: g.scope.kind === 'tier' ? g.scope.tier : 'platinum',
    scopeSegment: g.scope.kind === 'segment' ? g.scope.segment : '',
  };
}

/** A number as people type it: `90`, `90.5`, `90,5`, ` 1 200 `, `12%`. */
export function parseNumberInput(s: string): number | null {
  const t = s.trim().replace(/\s+/g, '').replace(/%$/, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

const FIELD_OF: Record<string, GoalField> = {
  name: 'name',
  category: 'category',
  metric: 'metric',
  target: 'target',
  baseline: 'baseline',
  periodStart: 'periodStart',
  periodEnd: 'periodLast',
  scope: 'scope',
};

export function validateGoalDraft(draft: GoalDraft, identity: { id: string; createdAt: number; archived?: boolean }): GoalFormResult {
  const errors: Partial<Record<GoalField, GoalErrorKey>> = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'sidepanel.goals.error.required';
  else if (name.length > 200) errors.name = 'sidepanel.goals.error.tooLong';
  const target = draft.target.trim() ? parseNumberInput(draft.target) : null;
  if (!draft.target.trim()) errors.target = 'sidepanel.goals.error.required';
  else if (target === null) errors.target = 'sidepanel.goals.error.number';
  const baseline = draft.baseline.trim() ? parseNumberInput(draft.baseline) : null;
  if (!draft.baseline.trim()) errors.baseline = 'sidepanel.goals.error.required';
  else if (baseline === null) errors.baseline = 'sidepanel.goals.error.number';
  if (!isIsoDate(draft.periodStart)) errors.periodStart = 'sidepanel.goals.error.date';
  if (!isIsoDate(draft.periodLast)) errors.periodLast = 'sidepanel.goals.error.date';
  else if (!errors.periodStart && draft.periodLast < draft.periodStart) errors.periodLast = 'sidepanel.goals.error.endBeforeStart';
  const segment = draft.scopeSegment.trim();
  if (draft.scopeKind === 'segment' && !segment) errors.scope = 'sidepanel.goals.error.required';
  if (Object.keys(errors).length) return { ok: false, errors };

  const scope: GoalScope =
    draft.scopeKind === 'tier' ? { kind: 'tier', tier: draft.scopeTier } : draft.scopeKind === 'segment' ? { kind: 'segment', segment } : { kind: 'all' };
  try {
    const goal = parseGoal({
      id: identity.id,
      name,
      category: draft.category,
      metric: draft.metric,
      target,
      baseline,
      periodStart: draft.periodStart,
      periodEnd: addDays(draft.periodLast, 1),
      scope,
      archived: identity.archived ?? false,
      createdAt: identity.createdAt,
    });
    return { ok: true, goal };
  } catch (e) {
    if (!(e instanceof GoalValidationError)) throw e;
    return { ok: false, errors: goalFieldErrors(e.errors) };
  }
}

/** The background's (or parseGoal's) errors on a goal, as the form's field → message key. */
export function goalFieldErrors(list: readonly AppError[]): Partial<Record<GoalField, GoalErrorKey>> {
  const errors: Partial<Record<GoalField, GoalErrorKey>> = {};
  for (const e of list) {
    const field = FIELD_OF[(e.field ?? '').split('.')[0]!] ?? 'name';
    errors[field] ??=
      e.code === 'goal.target-equals-baseline'
        ? 'sidepanel.goals.error.targetEqualsBaseline'
        : e.code === 'goal.end-before-start'
          ? 'sidepanel.goals.error.endBeforeStart'
          : e.code === 'value.required'
            ? 'sidepanel.goals.error.required'
            : e.code === 'value.too-long'
              ? 'sidepanel.goals.error.tooLong'
              : 'sidepanel.goals.error.invalid';
  }
  return errors;
}
