/**
 * Goals: SMART relationship goals the side panel creates, edits and archives. Every write is
 * validated with GoalSchema first, so a bad goal never reaches the database.
 */
import type { AppDB } from '../app-db';
import { GoalSchema, type Goal } from '../../schemas/domain';

export class GoalValidationError extends Error {
  override name = 'GoalValidationError';
  constructor(
    /** Field → message, e.g. `{ target: 'Invalid input: expected number' }`. */
    readonly fields: Record<string, string>,
  ) {
    super(
      `Invalid goal: ${Object.entries(fields)
        .map(([f, m]) => `${f}: ${m}`)
        .join('; ')}`,
    );
  }
}

export const END_BEFORE_START = 'The period must end after it starts';
export const TARGET_EQUALS_BASELINE = 'The target must differ from the baseline';

/** Parse a goal with GoalSchema plus the cross-field rules a schema of one field cannot state. */
export function parseGoal(input: unknown): Goal {
  const parsed = GoalSchema.safeParse(input);
  const fields: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'goal');
      fields[key] ??= issue.message;
    }
    throw new GoalValidationError(fields);
  }
  const g = parsed.data;
  if (g.periodEnd <= g.periodStart) fields.periodEnd = END_BEFORE_START;
  if (g.target === g.baseline) fields.target = TARGET_EQUALS_BASELINE;
  if (Object.keys(fields).length) throw new GoalValidationError(fields);
  return g;
}

export function goalsRepo(db: AppDB) {
  return {
    get(id: string): Promise<Goal | undefined> {
      return db.goals.get(id);
    },

    /** Goals not archived, newest first. (Booleans are not IndexedDB keys, so this filters; goals are few.) */
    async listActive(): Promise<Goal[]> {
      const all = await db.goals.toArray();
      return all.filter((g) => !g.archived).sort((a, b) => b.createdAt - a.createdAt);
    },

    async listArchived(): Promise<Goal[]> {
      const all = await db.goals.toArray();
      return all.filter((g) => g.archived).sort((a, b) => b.createdAt - a.createdAt);
    },

    /** Create or replace a goal; throws GoalValidationError naming each bad field. */
    async save(input: unknown): Promise<Goal> {
      const goal = parseGoal(input);
      await db.goals.put(goal);
      return goal;
    },

    async setArchived(id: string, archived: boolean): Promise<Goal> {
      return db.transaction('rw', db.goals, async () => {
        const goal = await db.goals.get(id);
        if (!goal) throw new Error(`No goal with id "${id}"`);
        const next = { ...goal, archived };
        await db.goals.put(next);
        return next;
      });
    },
  };
}
