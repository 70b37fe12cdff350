/**
 * The one settings reader: any stored or backed-up settings object → the current `Settings`.
 * Each step takes version N to N+1; `migrateSettings` runs the steps from the object's version,
 * deep-merges the result over DEFAULT_SETTINGS (so a field added later — nested or not — reads
 * its default for settings stored before it existed) and validates it with SettingsSchema.
 * The background reads its store through here on every read, restore reads a backup's
 * settings through here, and the options page checks a draft with `settingsErrors`.
 *
 * v0 = settings written before they carried a `version` (any subset of the v1 fields; the
 * language was then called `locale`). v1 → v2: Today became a day's plan with a capacity
 * (`today.capacity`, actions per day, 15 unless set). Adding a field needs no step; renaming or reshaping one
 * does (and a test per version in tests/unit/settings/migrate.test.ts).
 */
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsSchema, type Settings } from '../schemas/settings';
import { CodedError, type AppError } from '../messaging/errors';
import { issuesToErrors } from '../messaging/zod-errors';

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Defaults under `base`, values from `over` wherever present (objects merged, arrays/values replaced). */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: Raw = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

/** STEPS[n] migrates version n to n + 1. */
export const STEPS: Record<number, (s: Raw) => Raw> = {
  0: (s) => {
    const { locale, ...rest } = s;
    const out: Raw = { ...rest, version: 1 };
    if (out.language === undefined && (locale === 'en' || locale === 'zh_CN' || locale === 'auto')) out.language = locale;
    return out;
  },
  1: (s) => {
    const today = isObject(s.today) ? s.today : {};
    return { ...s, version: 2, today: { ...today, capacity: today.capacity ?? DEFAULT_SETTINGS.today.capacity } };
  },
};

/** Run the version steps; throws CodedError for an object that is no settings or from a newer Rapport. */
function upgrade(raw: unknown): unknown {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) throw new CodedError('settings.not-object');
  let s: Raw = { ...raw };
  let version = s.version === undefined ? 0 : s.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    throw new CodedError('settings.version-unknown', { version: String(s.version).slice(0, 20) }, 'version');
  if (version > SETTINGS_VERSION) throw new CodedError('settings.version-newer', { version, max: SETTINGS_VERSION }, 'version');
  while (version < SETTINGS_VERSION) {
    const step = STEPS[version];
    if (!step) throw new CodedError('settings.no-migration', { version }, 'version');
    s = step(s);
    version++;
  }
  return s;
}

export function migrateSettings(raw: unknown): Settings {
  const merged = deepMerge(structuredClone(DEFAULT_SETTINGS), upgrade(raw));
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success) throw CodedError.of(issuesToErrors(parsed.error, merged)[0]!);
  return parsed.data;
}

/** Every problem of a settings object (empty = valid), each naming its field (`scoring.riskBands.high`). */
export function settingsErrors(raw: unknown): AppError[] {
  let upgraded: unknown;
  try {
    upgraded = upgrade(raw);
  } catch (e) {
    return [(e as CodedError).error];
  }
  const merged = deepMerge(structuredClone(DEFAULT_SETTINGS), upgraded);
  const parsed = SettingsSchema.safeParse(merged);
  return parsed.success ? [] : issuesToErrors(parsed.error, merged);
}
