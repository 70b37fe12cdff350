import { describe, expect, it } from 'vitest';
import { CRM_MATCHES } from '../../../lib/crm/registry';
import { CUSTOM_DOMAINS, GECKO_ID, MIN_CHROME, MIN_FIREFOX, MIN_FIREFOX_ANDROID } from '../../../wxt.config';
import { CHROME, FIREFOX, manifestFor } from './manifest-config';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';

describe('manifest: Chrome (MV3)', () => {
  it('asks for storage, alarms, scripting and the side panel; notifications and custom domains only at runtime', async () => {
    const m = await manifestFor(CHROME);
    expect(m.permissions).toEqual(['storage', 'unlimitedStorage', 'alarms', 'scripting', 'sidePanel']);
    expect(m.optional_permissions).toEqual(['notifications', 'cookies']);
    expect(m.optional_host_permissions).toEqual([CUSTOM_DOMAINS]);
    expect(m.host_permissions).toEqual([...CRM_MATCHES]);
  });

  it('sets a minimum Chrome version, the action icons and the MV3 quick-log shortcut', async () => {
    const m = await manifestFor(CHROME);
    expect(m.minimum_chrome_version).toBe(MIN_CHROME);
    expect(Number(MIN_CHROME)).toBeGreaterThanOrEqual(116); // sidePanel.open, AbortSignal.any
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.action?.default_icon).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png' });
    expect(Object.keys(m.icons ?? {})).toEqual(['16', '32', '48', '96', '128']);
    expect(Object.keys(m.commands ?? {})).toEqual(['_execute_action']);
  });
});

describe('manifest: Firefox (MV2)', () => {
  it('declares custom domains as optional permissions, since MV2 has no optional_host_permissions', async () => {
    const m = await manifestFor(FIREFOX);
    expect(m.permissions).toEqual(['storage', 'unlimitedStorage', 'alarms', 'scripting']);
    expect(m.optional_permissions).toEqual(['notifications', 'cookies', CUSTOM_DOMAINS]);
    expect(m).not.toHaveProperty('optional_host_permissions');
    // WXT moves host_permissions into permissions for MV2.
    expect(m.host_permissions).toEqual([...CRM_MATCHES]);
  });

  it('names the add-on, its minimum version, and that it needs no data sent but a connected CRM receives some (optional)', async () => {
    const settings = (await manifestFor(FIREFOX)).browser_specific_settings;
    const gecko = settings?.gecko;
    expect(gecko).toEqual({
      id: GECKO_ID,
      strict_min_version: MIN_FIREFOX,
      data_collection_permissions: { required: ['none'], optional: ['authenticationInfo', 'personallyIdentifyingInfo', 'personalCommunications'] },
    });
    expect(GECKO_ID).toMatch(/^[a-z0-9._-]+@[a-z0-9.-]+$/);
    expect(Number.parseFloat(MIN_FIREFOX)).toBeGreaterThanOrEqual(140); // data_collection_permissions
    expect(settings?.gecko_android).toEqual({ strict_min_version: MIN_FIREFOX_ANDROID });
    expect(Number.parseFloat(MIN_FIREFOX_ANDROID)).toBeGreaterThanOrEqual(142); // the same on Android
  });

  it('puts the icons on browser_action and binds the shortcut with the MV2 command name', async () => {
    const m = await manifestFor(FIREFOX);
    expect((m as { browser_action?: { default_icon?: unknown } }).browser_action?.default_icon).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png' });
    expect(m).not.toHaveProperty('action');
    expect(Object.keys(m.icons ?? {})).toEqual(['16', '32', '48', '96', '128']);
    expect(Object.keys(m.commands ?? {})).toEqual(['_execute_browser_action']);
    expect(m).not.toHaveProperty('minimum_chrome_version');
  });
});

describe('store fields (_locales)', () => {
  it.each([
    ['en', en],
    ['zh_CN', zh],
  ] as const)('%s: every __MSG_ key the manifest uses exists; name ≤ 45, short name ≤ 12 and description ≤ 132 characters', async (_locale, messages) => {
    for (const target of [CHROME, FIREFOX]) {
      const keys = JSON.stringify(await manifestFor(target)).match(/__MSG_(\w+)__/g) ?? [];
      expect(keys.length).toBeGreaterThanOrEqual(3);
      for (const k of keys) expect(messages).toHaveProperty(k.slice(6, -2));
    }
    expect([...messages.extName.message].length).toBeLessThanOrEqual(45);
    expect([...messages.extShortName.message].length).toBeLessThanOrEqual(12);
    expect([...messages.extDescription.message].length).toBeLessThanOrEqual(132);
  });

  it('both languages carry the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
});
