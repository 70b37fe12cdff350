/**
 * Whole-database backup as versioned JSON (settings included) and restore. Restore validates
 * every row with the domain schemas before touching the database, reports what it will change
 * (rows per table now vs in the backup) and then replaces everything in one transaction, so
 * export → wipe → restore gives an identical database.
 */
import { z } from '../schemas/zod';
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
} from '../schemas/domain';
import type { Settings } from '../schemas/settings';
import { fromStoredCustomer, toStoredCustomer, type AppDB, type MetaRow } from '../db/app-db';
import { migrateSettings } from '../settings/migrate';

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;

export const BACKUP_TABLES = ['customers', 'contacts', 'transactions', 'interactions', 'feedback', 'goals', 'actions', 'scores', 'importLog', 'meta'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** Meta keys that belong to an import in progress (the stored file is a Blob): not backed up. */
const TRANSIENT_META = /^import(File|Journal)?:/;

const MetaSchema = z.object({ key: z.string().min(1), value: z.unknown() });

const ROW_SCHEMAS = {
  customers: CustomerSchema,
  contacts: ContactSchema,
  transactions: TransactionSchema,
  interactions: InteractionSchema,
  feedback: FeedbackSchema,
  goals: GoalSchema,
  actions: ActionSchema,
  scores: ScoreSchema,
  importLog: ImportLogSchema,
  meta: MetaSchema,
} satisfies Record<BackupTable, z.ZodType>;

export const BackupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  exportedAt: z.number(),
  dbVersion: z.number().int(),
  settings: z.unknown(),
  tables: z.record(z.string(), z.array(z.unknown())),
});

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  dbVersion: number;
  settings: Settings;
  tables: Record<BackupTable, unknown[]>;
}

export async function createBackup(db: AppDB, settings: Settings, exportedAt: number): Promise<Backup> {
  const tables = {} as Record<BackupTable, unknown[]>;
  await db.transaction(
    'r',
    BACKUP_TABLES.map((t) => db[t]),
    async () => {
      for (const t of BACKUP_TABLES) {
        const rows: unknown[] = await db[t].toArray();
        tables[t] =
          t === 'customers'
            ? (rows as Parameters<typeof fromStoredCustomer>[0][]).map(fromStoredCustomer)
            : t === 'meta'
              ? (rows as MetaRow[]).filter((m) => !TRANSIENT_META.test(m.key))
              : rows;
      }
    },
  );
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, dbVersion: db.verno, settings, tables };
}

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface RestorePlan {
  backup: Backup;
  /** Rows per table: in the database now, and in the backup (what restore will leave). */
  changes: { table: BackupTable; current: number; incoming: number }[];
}

/** Parse and validate a backup file; throws BackupError naming the table, row and field. */
export function parseBackup(json: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new BackupError('The file is not JSON.');
  }
  const head = BackupHeaderSchema.safeParse(raw);
  if (!head.success) throw new BackupError(`Not a Rapport backup: ${head.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  if (head.data.version > BACKUP_VERSION)
    throw new BackupError(`This backup is version ${head.data.version}; this Rapport reads up to version ${BACKUP_VERSION}.`);
  const tables = {} as Record<BackupTable, unknown[]>;
  for (const t of BACKUP_TABLES) {
    const rows = head.data.tables[t] ?? [];
    rows.forEach((row, i) => {
      const r = ROW_SCHEMAS[t].safeParse(row);
      if (!r.success) {
        const issue = r.error.issues[0]!;
        throw new BackupError(`Invalid backup: ${t}[${i}].${issue.path.join('.')}: ${issue.message}`);
      }
    });
    // The original rows are kept (validated above) so fields are restored exactly.
    tables[t] = rows;
  }
  let settings: Settings;
  try {
    settings = migrateSettings(head.data.settings);
  } catch (e) {
    throw new BackupError(`Invalid backup settings: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { format: BACKUP_FORMAT, version: head.data.version, exportedAt: head.data.exportedAt, dbVersion: head.data.dbVersion, settings, tables };
}

export async function planRestore(db: AppDB, backup: Backup): Promise<RestorePlan> {
  const changes = await Promise.all(BACKUP_TABLES.map(async (table) => ({ table, current: await db[table].count(), incoming: backup.tables[table].length })));
  return { backup, changes };
}

/** Replace the whole database with the backup (one transaction). Settings are returned for the caller to save. */
export async function restoreBackup(db: AppDB, backup: Backup): Promise<Settings> {
  await db.transaction(
    'rw',
    BACKUP_TABLES.map((t) => db[t]),
    async () => {
      for (const t of BACKUP_TABLES) {
        // Import journals/checkpoints of an unfinished import would point at rows that no longer exist.
        await db[t].clear();
        const rows = backup.tables[t];
        if (!rows.length) continue;
        if (t === 'customers') await db.customers.bulkAdd((rows as Parameters<typeof toStoredCustomer>[0][]).map(toStoredCustomer));
        else await (db[t] as unknown as { bulkAdd(r: unknown[]): Promise<unknown> }).bulkAdd(rows);
      }
    },
  );
  return backup.settings;
}

export const backupFileName = (exportedAt: number): string => `rapport-backup-${new Date(exportedAt).toISOString().slice(0, 10)}.json`;
