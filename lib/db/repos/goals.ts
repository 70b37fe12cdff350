/**
 * Goals: SMART relationship goals. The side panel asks the background to save or archive one
 * (lib/services/goals.ts); every write is validated with GoalSchema first, so a bad goal never
 * reaches the database.
 */
import { defineRepo } from '../repo';
import { GoalSchema, type Goal } from '../../schemas/domain';
import { CodedError, type AppError } from '../../messaging/errors';
import { issuesToErrors } from '../../messaging/zod-errors';

export class GoalValidationError extends CodedError {
  override name = 'GoalValidationError';
  constructor(
    /** One error per bad field, schema order. */
    readonly errors: AppError[],
  ) {
    const first = errors[0]!;
    super(first.code, first.params, first.field);
  }
}

/** Parse a goal with GoalSchema plus the cross-field rules a schema of one field cannot state. */
export function parseGoal(input: unknown): Goal {
  const parsed = GoalSchema.safeParse(input);
  if (!parsed.success) {
    const seen = new Set<string>();
    const errors = issuesToErrors(parsed.error, input).filter((e) => {
      const key = (e.field ?? 'goal').split('.')[0]!;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    throw new GoalValidationError(errors);
  }
  const g = parsed.data;
  const errors: AppError[] = [];
  if (g.periodEnd <= g.periodStart) errors.push({ code: 'goal.end-before-start', field: 'periodEnd' });
  if (g.target === g.baseline) errors.push({ code: 'goal.target-equals-baseline', field: 'target' });
  if (errors.length) throw new GoalValidationError(errors);
  return g;
}

const newestFirst = (a: Goal, b: Goal): number => b.createdAt - a.createdAt;

export const goalsRepo = defineRepo(
  (db) => ({
    get: (id: string): Promise<Goal | undefined> => db.goals.get(id),
    all: (): Promise<Goal[]> => db.goals.toArray(),
    /** Goals not archived, newest first. (Booleans are not IndexedDB keys, so this filters; goals are few.) */
    async listActive(): Promise<Goal[]> {
      return (await db.goals.toArray()).filter((g) => !g.archived).sort(newestFirst);
    },
    async listArchived(): Promise<Goal[]> {
      return (await db.goals.toArray()).filter((g) => g.archived).sort(newestFirst);
    },
  }),
  (db) => ({
    /** Create or replace a goal; throws GoalValidationError naming each bad field. */
    async save(input: unknown): Promise<Goal> {
      const goal = parseGoal(input);
      await db.goals.put(goal);
      return goal;
    },
    async setArchived(id: string, archived: boolean): Promise<Goal> {
      return db.transaction('rw', db.goals, async () => {
        const goal = await db.goals.get(id);
        if (!goal) throw new CodedError('goal.unknown', { goalId: id }, 'goalId');
        const next = { ...goal, archived };
        await db.goals.put(next);
        return next;
      });
    },
    async bulkAdd(goals: readonly Goal[]): Promise<void> {
      if (goals.length) await db.goals.bulkAdd([...goals]);
    },
  }),
);
