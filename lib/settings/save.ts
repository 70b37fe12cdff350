import { SettingsSchema, type Settings } from '../schemas/settings';
import { settingsItem } from './store';

/** Validate and store settings; throws with the offending field's path. */
export async function saveSettings(next: Settings): Promise<Settings> {
  const parsed = SettingsSchema.safeParse(next);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`Invalid setting ${i.path.join('.')}: ${i.message}`);
  }
  await settingsItem.setValue(parsed.data);
  return parsed.data;
}
