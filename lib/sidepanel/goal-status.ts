/** A goal's progress for the side panel: goalProgress (lib/scoring/goals) on the panel's book. */
import { goalProgress, type GoalProgress } from '../scoring/goals';
import type { Goal } from '../schemas/domain';
import type { Book } from './queries';

export type GoalStatus = GoalProgress;

export function goalStatus(goal: Goal, book: Book, asOf: string): GoalStatus {
  return goalProgress(goal, book, asOf, book.tierByCustomer);
}
