import { describe, expect, it } from 'vitest';
import { migrateSettings, SettingsMigrationError } from '../../../lib/settings/migrate';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../lib/schemas/settings';

describe('migrateSettings', () => {
  it('nothing stored → defaults', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('v0 (unversioned, `locale`, partial) → v1 with defaults filled', () => {
    const s = migrateSettings({ locale: 'zh_CN', theme: 'dark', scoring: { clvHorizonMonths: 24 } });
    expect(s.version).toBe(1);
    expect(s.language).toBe('zh_CN');
    expect(s.theme).toBe('dark');
    expect(s.scoring.clvHorizonMonths).toBe(24);
    expect(s.scoring.riskBands).toEqual(DEFAULT_SETTINGS.scoring.riskBands);
    expect('locale' in s).toBe(false);
  });

  it('v1 passes through unchanged and fills fields missing from it', () => {
    const v1 = {
      ...structuredClone(DEFAULT_SETTINGS),
      neverLog: ['C9'],
      crm: { ...DEFAULT_SETTINGS.crm, customDomains: [{ crm: 'salesforce', host: 'acme.my.salesforce.com' }] },
    };
    expect(migrateSettings(v1)).toEqual(v1);
    const { reminders: _r, ...partial } = v1;
    expect(migrateSettings(partial).reminders).toEqual(DEFAULT_SETTINGS.reminders);
  });

  it('refuses newer versions, bad versions and invalid values with the field', () => {
    expect(() => migrateSettings({ version: SETTINGS_VERSION + 1 })).toThrow(/version 2/);
    expect(() => migrateSettings({ version: 'x' })).toThrow(SettingsMigrationError);
    expect(() => migrateSettings([])).toThrow(SettingsMigrationError);
    expect(() => migrateSettings({ version: 1, scoring: { clvHorizonMonths: 0 } })).toThrow(/scoring\.clvHorizonMonths/);
  });
});
