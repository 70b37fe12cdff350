/**
 * What a content script may know of the settings: its language, which CRMs and overlay features
 * are on, the custom CRM domains, the theme and the currency the overlay formats values in. The
 * background hands these out (`getContentSettings`, and `rapport:settings-changed` after a save);
 * content scripts never read or write the settings store. Zod-free.
 */
import type { Settings } from '../schemas/settings';

export interface ContentSettings {
  language: Settings['language'];
  theme: Settings['theme'];
  crm: Settings['crm'];
  scoring: Pick<Settings['scoring'], 'currency'>;
}

export const toContentSettings = (s: Settings): ContentSettings => ({
  language: s.language,
  theme: s.theme,
  crm: s.crm,
  scoring: { currency: s.scoring.currency },
});

/** BG → CRM tabs after the settings changed. */
export interface SettingsChanged {
  type: 'rapport:settings-changed';
  settings: ContentSettings;
}

export const SETTINGS_CHANGED: SettingsChanged['type'] = 'rapport:settings-changed';
