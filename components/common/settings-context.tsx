/**
 * Settings for every extension page (popup, side panel, options): asked of the background once
 * (`getSettings` — pages never read the settings store), kept live by the background's
 * `rapport:settings-saved` message, shared through React context. Nothing renders until the
 * settings are known, so a page never flashes the wrong language or theme.
 */
import { createContext, useContext, useEffect, useState, type JSX, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import { SETTINGS_SAVED, type SettingsSaved } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/schemas/settings';

const SettingsContext = createContext<Settings | null>(null);

let early: Promise<Settings> | null = null;
/**
 * Ask the background for the settings now — from a page's entry, before React has rendered — so
 * the round trip overlaps the page's start-up; the next SettingsProvider to mount takes the answer.
 */
export function askSettingsEarly(): void {
  early ??= send('getSettings', {});
}

export interface SettingsProviderProps {
  children: ReactNode;
  /** Tests and previews may pass settings instead of asking the background. */
  value?: Settings;
}

export function SettingsProvider({ children, value }: SettingsProviderProps): JSX.Element | null {
  const [settings, setSettings] = useState<Settings | null>(value ?? null);
  useEffect(() => {
    if (value) {
      setSettings(value);
      return undefined;
    }
    let live = true;
    let heard = false;
    const onMessage = (m: unknown): undefined => {
      if ((m as SettingsSaved | null)?.type === SETTINGS_SAVED && live) {
        heard = true;
        setSettings((m as SettingsSaved).settings);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    const asked = early ?? send('getSettings', {});
    early = null;
    void asked.then(
      (s) => live && !heard && setSettings(s),
      // No answer from the background: show the page in the defaults rather than nothing.
      () => live && !heard && setSettings(DEFAULT_SETTINGS),
    );
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [value]);
  if (!settings) return null;
  return <SettingsContext.Provider value={settings}>{children}</SettingsContext.Provider>;
}

/** The current settings; only valid below a `SettingsProvider`. */
export function useSettings(): Settings {
  const s = useContext(SettingsContext);
  if (!s) throw new Error('useSettings() must be used inside <SettingsProvider>.');
  return s;
}
