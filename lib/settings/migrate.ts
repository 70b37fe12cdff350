/**
 * Settings migrations: any stored or backed-up settings object → the current `Settings`.
 * Each step takes version N to N+1; `migrateSettings` runs the steps from the object's version,
 * fills fields a version didn't have from DEFAULT_SETTINGS, and validates the result.
 *
 * v0 = settings written before they carried a `version` (any subset of the v1 fields; the
 * language was then called `locale`).
 */
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsSchema, type Settings } from '../schemas/settings';

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Defaults under `base`, values from `over` wherever present (objects merged, arrays/values replaced). */
function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: Raw = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

/** STEPS[n] migrates version n to n + 1. */
const STEPS: Record<number, (s: Raw) => Raw> = {
  0: (s) => {
    const { locale, ...rest } = s;
    const out: Raw = { ...rest, version: 1 };
    if (out.language === undefined && (locale === 'en' || locale === 'zh_CN' || locale === 'auto')) out.language = locale;
    return out;
  },
};

export class SettingsMigrationError extends Error {
  override name = 'SettingsMigrationError';
}

export function migrateSettings(raw: unknown): Settings {
  if (raw === undefined || raw === null) return structuredClone(DEFAULT_SETTINGS);
  if (!isObject(raw)) throw new SettingsMigrationError('Settings must be an object.');
  let s: Raw = { ...raw };
  let version = s.version === undefined ? 0 : s.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    throw new SettingsMigrationError(`Unknown settings version ${JSON.stringify(s.version)}.`);
  if (version > SETTINGS_VERSION)
    throw new SettingsMigrationError(`These settings are version ${version}; this Rapport understands up to version ${SETTINGS_VERSION}.`);
  while (version < SETTINGS_VERSION) {
    const step = STEPS[version];
    if (!step) throw new SettingsMigrationError(`No migration from settings version ${version}.`);
    s = step(s);
    version++;
  }
  const merged = deepMerge(structuredClone(DEFAULT_SETTINGS), s);
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new SettingsMigrationError(`Invalid setting ${i.path.join('.')}: ${i.message}`);
  }
  return parsed.data;
}
