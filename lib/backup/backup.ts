/**
 * Whole-database backup as versioned JSON (settings included), and reading one back: every row
 * is validated with the domain schemas before anything touches the database, and the plan says
 * what a restore would change (rows per table now vs in the backup). The options page builds a
 * backup (reads only); the background parses, plans and restores (lib/backup/restore.ts), so
 * export → wipe → restore gives an identical database.
 */
import { z } from '../schemas/zod';
import { restorableMeta } from '../schemas/meta';
import { BACKUP_ROW_SCHEMAS } from '../schemas/rows';
import type { Settings } from '../schemas/settings';
import type { MetaRow } from '../db/tables';
import type { ReadDb } from '../db/read-db';
import { dataRepo } from '../db/repos/data';
import { DATA_TABLES, type DataTable } from '../db/tables';
import { CodedError } from '../messaging/errors';
import { issueToError } from '../messaging/zod-errors';
import { migrateSettings } from '../settings/migrate';
import { orderKeyV6, v6 } from '../db/migrations/006-order-keys';
import type { Transaction } from '../schemas/domain';

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;

/** Every data table (lib/db/tables.ts); settings travel in the backup's own `settings` field. */
export const BACKUP_TABLES = DATA_TABLES;
export type BackupTable = DataTable;

/** Meta keys that belong to an import in progress (the stored file is a Blob) or are caches the background rebuilds: not backed up. */
const TRANSIENT_META = /^(import(File|Journal)?|cache):/;

const MetaSchema = z.object({ key: z.string().min(1).max(200), value: z.unknown() });

const ROW_SCHEMAS = { ...BACKUP_ROW_SCHEMAS, meta: MetaSchema } satisfies Record<BackupTable, z.ZodType>;

/** Larger backups are refused before parsing (a 10k-customer book with years of history is ~60 MB). */
export const MAX_BACKUP_MB = 512;

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

/** Reads only: the options page builds the backup in its Worker from the read-only handle. */
export async function createBackup(db: ReadDb, settings: Settings, exportedAt: number): Promise<Backup> {
  const tables = await dataRepo(db).dump();
  tables.meta = (tables.meta as MetaRow[]).filter((m) => !TRANSIENT_META.test(m.key));
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, dbVersion: db.verno, settings, tables };
}

export interface RestorePlan {
  backup: Backup;
  /** Rows per table: in the database now, and in the backup (what restore will leave). */
  changes: { table: BackupTable; current: number; incoming: number }[];
}

/** Parse and validate a backup file; throws a CodedError naming the table, row and field (`transactions[0].amount`). */
export function parseBackup(json: string, dbVersion: number): Backup {
  if (json.length > MAX_BACKUP_MB * 1024 * 1024) throw new CodedError('backup.too-large', { max: MAX_BACKUP_MB });
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new CodedError('backup.not-json');
  }
  const head = BackupHeaderSchema.safeParse(raw);
  if (!head.success) throw new CodedError('backup.not-rapport', { where: head.error.issues[0]!.path.join('.') || 'format' });
  if (head.data.version > BACKUP_VERSION) throw new CodedError('backup.newer', { version: head.data.version, max: BACKUP_VERSION });
  if (head.data.dbVersion > dbVersion) throw new CodedError('backup.newer-db', { version: head.data.dbVersion, max: dbVersion });
  const tables = {} as Record<BackupTable, unknown[]>;
  for (const t of BACKUP_TABLES) {
    const rows = head.data.tables[t] ?? [];
    tables[t] = rows.map((row, i) => {
      const r = ROW_SCHEMAS[t].safeParse(row);
      if (!r.success) {
        const issue = r.error.issues[0]!;
        const where = [`${t}[${i}]`, ...issue.path.map(String)].join('.');
        throw new CodedError('backup.invalid-row', { where }, issueToError(issue, row).field);
      }
      // the parsed row: keys the schema does not know are not restored
      return r.data;
    });
  }
  // A backup of a database before migration 006 keys orders book-wide: rekeyed as the migration does.
  if (head.data.dbVersion < v6.version)
    tables.transactions = (tables.transactions as Transaction[]).map((t) =>
      t.id.startsWith('o:') ? { ...t, id: orderKeyV6(t.customerId, t.id.slice(2)) } : t,
    );
  tables.meta = restorableMeta(tables.meta as MetaRow[]);
  let settings: Settings;
  try {
    settings = migrateSettings(head.data.settings);
  } catch (e) {
    const field = e instanceof CodedError ? e.error.field : undefined;
    throw new CodedError('backup.invalid-settings', { where: field ? `settings.${field}` : 'settings' });
  }
  return { format: BACKUP_FORMAT, version: head.data.version, exportedAt: head.data.exportedAt, dbVersion: head.data.dbVersion, settings, tables };
}

export async function planRestore(db: ReadDb, backup: Backup): Promise<RestorePlan> {
  const counts = await dataRepo(db).counts();
  return { backup, changes: BACKUP_TABLES.map((table) => ({ table, current: counts[table], incoming: backup.tables[table].length })) };
}

export const backupFileName = (exportedAt: number): string => `rapport-backup-${new Date(exportedAt).toISOString().slice(0, 10)}.json`;
