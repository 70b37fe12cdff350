/**
 * The background's settings store: one versioned item in the extension-origin database
 * (lib/db/repos/settings.ts), which content scripts cannot write. Every read goes through the
 * one reader (`migrateSettings`: version steps, defaults deep-merged, zod); every write is
 * validated first. Extension pages and content scripts never touch it: they get settings by
 * message (lib/services/settings.ts) and change them with `saveSettings`.
 */
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { settingsRepo } from '../db/repos/settings';
import { CodedError } from '../messaging/errors';
import { DEFAULT_SETTINGS, type Settings } from '../schemas/settings';
import { dropLegacySettings, readLegacySettings } from './legacy';
import { migrateSettings, settingsErrors } from './migrate';

type Listener = (next: Settings, previous: Settings) => void;
const listeners = new Set<Listener>();
/** The background is the only writer, so what it read or saved last is what is stored. */
let cached: { db: AppDB; settings: Settings } | undefined;

/** Read, migrate and validate; a stored value that fails validation reads as the defaults. */
function parseStored(raw: unknown): Settings {
  try {
    return migrateSettings(raw);
  } catch (e) {
    console.warn('[Rapport] stored settings are invalid; using the defaults:', e instanceof Error ? e.message : e);
    return structuredClone(DEFAULT_SETTINGS);
  }
}

export async function loadSettings(db: AppDB = getDb()): Promise<Settings> {
  if (cached?.db === db) return structuredClone(cached.settings);
  const settings = await readStored(db);
  cached = { db, settings };
  return structuredClone(settings);
}

async function readStored(db: AppDB): Promise<Settings> {
  const raw = await settingsRepo(db).raw();
  if (raw !== undefined) return parseStored(raw);
  // Never saved in this database: settings of an older build are carried over once.
  const legacy = await readLegacySettings();
  if (legacy === undefined) return structuredClone(DEFAULT_SETTINGS);
  const settings = parseStored(legacy);
  await settingsRepo(db).put(settings);
  await dropLegacySettings();
  return settings;
}

/** Validate and store; throws a CodedError naming the first bad field. Listeners hear the change. */
export async function saveSettings(next: unknown, db: AppDB = getDb()): Promise<Settings> {
  const problems = settingsErrors(next);
  if (problems.length) throw CodedError.of(problems[0]!);
  const previous = await loadSettings(db);
  const settings = migrateSettings(next);
  await settingsRepo(db).put(settings);
  cached = { db, settings };
  for (const l of listeners) l(structuredClone(settings), previous);
  return structuredClone(settings);
}

/** The background's own reactions to a saved change (reminders, custom-domain scripts, broadcasts). */
export function watchSettings(cb: (s: Settings, previous: Settings) => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}
