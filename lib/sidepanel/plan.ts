/**
 * Today as one rep's day: of everything due or overdue (ranked by the action queue: at-risk key
 * accounts first, then risk band, tier, the customer's next best action, the most overdue),
 * the first `capacity` make today's plan; the rest waits — in the overdue backlog, or due later
 * this week. Filters by tier and kind narrow all three. Revisits overdue by more than
 * STALE_DAYS are "stale": the panel offers to snooze or dismiss them together.
 */
import { addDays, daysBetween } from '../clock';
import type { Action } from '../schemas/domain';
import type { ActionKind, Tier } from '../schemas/enums';

/** A revisit this many days overdue is stale. */
export const STALE_DAYS = 30;
/** "This week": due in the six days after today. */
export const WEEK_DAYS = 6;

export interface PlanEntry {
  action: Action;
  score?: { tier: Tier };
}

export interface PlanFilters {
  /** Tiers to keep (`none` = customers without a score); empty = all. */
  tiers: readonly (Tier | 'none')[];
  /** Action kinds to keep; empty = all. */
  kinds: readonly ActionKind[];
}

export const NO_FILTERS: PlanFilters = { tiers: [], kinds: [] };

export interface DayPlan<E extends PlanEntry> {
  /** Today's plan, in rank order (at most `capacity`). */
  planned: E[];
  /** Due or overdue beyond today's capacity, in rank order. */
  backlog: E[];
  /** Due in the next WEEK_DAYS days, soonest first. */
  week: E[];
  /** Stale revisits among everything due (plan and backlog). */
  stale: E[];
}

export const isStaleRevisit = (a: Pick<Action, 'kind' | 'due'>, asOf: string): boolean => a.kind === 'revisit' && daysBetween(a.due, asOf) > STALE_DAYS;

/**
 * `ranked`: open actions due up to today + WEEK_DAYS, in queue rank order. Throws on a capacity
 * that is not a positive whole number.
 */
export function planDay<E extends PlanEntry>(ranked: readonly E[], asOf: string, capacity: number, filters: PlanFilters = NO_FILTERS): DayPlan<E> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`Today's capacity must be a whole number of at least 1 (got ${capacity})`);
  const tiers = new Set(filters.tiers);
  const kinds = new Set(filters.kinds);
  const keep = (e: E): boolean => (tiers.size === 0 || tiers.has(e.score?.tier ?? 'none')) && (kinds.size === 0 || kinds.has(e.action.kind));
  const weekEnd = addDays(asOf, WEEK_DAYS);
  const due: E[] = [];
  const week: E[] = [];
  for (const e of ranked) {
    if (!keep(e)) continue;
    if (e.action.due <= asOf) due.push(e);
    else if (e.action.due <= weekEnd) week.push(e);
  }
  week.sort((a, b) => a.action.due.localeCompare(b.action.due));
  return {
    planned: due.slice(0, capacity),
    backlog: due.slice(capacity),
    week,
    stale: due.filter((e) => isStaleRevisit(e.action, asOf)),
  };
}
