import { describe, expect, it } from 'vitest';
import { migrateSettings, settingsErrors, STEPS } from '../../../lib/settings/migrate';
import { CodedError } from '../../../lib/messaging/errors';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../lib/schemas/settings';

const refusal = (raw: unknown): unknown => {
  try {
    migrateSettings(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(CodedError);
    return (e as CodedError).error;
  }
  throw new Error('accepted');
};

describe('migrateSettings (the one settings reader)', () => {
  it('nothing stored → defaults', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('has a step for every version before the current one', () => {
    for (let v = 0; v < SETTINGS_VERSION; v++) expect(STEPS[v], `step ${v} → ${v + 1}`).toBeTypeOf('function');
  });

  it('v0 (unversioned, `locale`, partial) → current with defaults filled', () => {
    const s = migrateSettings({ locale: 'zh_CN', theme: 'dark', scoring: { clvHorizonMonths: 24 } });
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.language).toBe('zh_CN');
    expect(s.theme).toBe('dark');
    expect(s.scoring.clvHorizonMonths).toBe(24);
    expect(s.scoring.riskBands).toEqual(DEFAULT_SETTINGS.scoring.riskBands);
    expect('locale' in s).toBe(false);
  });

  it('v0 keeps an explicit `language` over the old `locale`', () => {
    expect(migrateSettings({ locale: 'zh_CN', language: 'en' }).language).toBe('en');
  });

  it('v1 → v2: Today gets a daily capacity of 15 unless one was set', () => {
    const { today: _t, ...v1 } = { ...structuredClone(DEFAULT_SETTINGS), version: 1 };
    expect(STEPS[1]!(v1)).toMatchObject({ version: 2, today: { capacity: 15 } });
    expect(migrateSettings(v1).today).toEqual({ capacity: 15 });
    expect(migrateSettings({ ...v1, today: { capacity: 8 } }).today).toEqual({ capacity: 8 });
    expect(settingsErrors({ ...DEFAULT_SETTINGS, today: { capacity: 0 } })[0]).toMatchObject({ field: 'today.capacity' });
  });

  it('the current version passes through unchanged and fills fields missing from it', () => {
    const v1 = {
      ...structuredClone(DEFAULT_SETTINGS),
      neverLog: ['C9'],
      crm: { ...DEFAULT_SETTINGS.crm, customDomains: [{ crm: 'salesforce', host: 'acme.my.salesforce.com' }] },
    };
    expect(migrateSettings(v1)).toEqual(v1);
    const { reminders: _r, ...partial } = v1;
    expect(migrateSettings(partial).reminders).toEqual(DEFAULT_SETTINGS.reminders);
  });

  it('a nested field added after settings were stored reads its default for that user', () => {
    // Stored by an earlier build: no Fxiaoke entry in the nested per-CRM maps, no `coverage`
    // risk weight, no reminder hour.
    const stored = structuredClone(DEFAULT_SETTINGS) as unknown as {
      crm: { enabled: Record<string, boolean>; features: Record<string, unknown> };
      scoring: { riskWeights: Record<string, number> };
      reminders: Record<string, unknown>;
    };
    delete stored.crm.enabled.fxiaoke;
    delete stored.crm.features.fxiaoke;
    delete stored.scoring.riskWeights.coverage;
    stored.scoring.riskWeights.sentiment = 2;
    stored.reminders = { enabled: true };
    const s = migrateSettings(stored);
    expect(s.crm.enabled.fxiaoke).toBe(true);
    expect(s.crm.features.fxiaoke).toEqual({ recordBadge: true, listChips: true });
    expect(s.scoring.riskWeights.coverage).toBe(DEFAULT_SETTINGS.scoring.riskWeights.coverage);
    expect(s.scoring.riskWeights.sentiment).toBe(2);
    expect(s.reminders).toEqual({ enabled: true, hour: DEFAULT_SETTINGS.reminders.hour });
  });

  it('refuses newer versions, bad versions and invalid values with a code naming the field', () => {
    expect(refusal({ version: SETTINGS_VERSION + 1 })).toEqual({
      code: 'settings.version-newer',
      field: 'version',
      params: { version: SETTINGS_VERSION + 1, max: SETTINGS_VERSION },
    });
    expect(refusal({ version: 'x' })).toMatchObject({ code: 'settings.version-unknown', field: 'version' });
    expect(refusal([])).toEqual({ code: 'settings.not-object' });
    expect(refusal({ version: 1, scoring: { clvHorizonMonths: 0 } })).toEqual({
      code: 'value.too-small',
      field: 'scoring.clvHorizonMonths',
      params: { min: 1 },
    });
    expect(refusal({ version: 1, theme: 'neon' })).toMatchObject({ code: 'value.not-allowed', field: 'theme' });
  });

  it('settingsErrors lists every bad field (empty for valid settings)', () => {
    expect(settingsErrors(DEFAULT_SETTINGS)).toEqual([]);
    const bad = { ...DEFAULT_SETTINGS, reminders: { enabled: true, hour: 24 }, scoring: { ...DEFAULT_SETTINGS.scoring, riskBands: { medium: 35, high: 101 } } };
    expect(settingsErrors(bad).map((e) => [e.field, e.code])).toEqual([
      ['scoring.riskBands.high', 'value.too-big'],
      ['reminders.hour', 'value.too-big'],
    ]);
  });
});
