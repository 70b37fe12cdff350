/**
 * The schema of every stored row, by table: what a write must satisfy (lib/db/validate.ts) and
 * what a backup row must satisfy to be restored (lib/backup/backup.ts). Unknown keys are
 * stripped on parse. Meta rows are checked per key (lib/schemas/meta.ts); the settings row by
 * the settings store (lib/settings).
 */
import { z } from './zod';
import {
  ActionSchema,
  ContactSchema,
  CustomerSchema,
  FeedbackSchema,
  GoalSchema,
  ImportLogSchema,
  InteractionSchema,
  ScoreSchema,
  TransactionSchema,
} from './domain';
import { ActionOutcomeRowSchema, ScoreHistoryRowSchema } from './history';

/** A customer as stored: its CRM keys are derived from its refs (lib/db/stored.ts). */
export const StoredCustomerSchema = CustomerSchema.extend({ crmKeys: z.array(z.string().max(300)) });

/** Row schemas of the tables a backup carries (customers without their derived keys). */
export const BACKUP_ROW_SCHEMAS = {
  customers: CustomerSchema,
  contacts: ContactSchema,
  transactions: TransactionSchema,
  interactions: InteractionSchema,
  feedback: FeedbackSchema,
  goals: GoalSchema,
  actions: ActionSchema,
  scores: ScoreSchema,
  importLog: ImportLogSchema,
  scoreHistory: ScoreHistoryRowSchema,
  actionOutcomes: ActionOutcomeRowSchema,
} as const;

/**
 * Tables whose every write is validated: what the user, an import, a restore, a CRM page or a
 * CRM sync can put there. Scores and score history are derived by lib/scoring from these rows
 * (tests check a rescored book against their schemas) and are not re-parsed on each rescore.
 */
const { scores: _scores, scoreHistory: _history, customers: _customers, ...validatedAsInBackup } = BACKUP_ROW_SCHEMAS;
export const VALIDATED_WRITES = { ...validatedAsInBackup, customers: StoredCustomerSchema } as const;
