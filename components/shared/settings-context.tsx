/**
 * Settings for every extension page (popup, side panel, options): loaded once from
 * `browser.storage.local`, kept live with `watchSettings`, shared through React context.
 * Nothing renders until the settings are read, so a page never flashes the wrong language
 * or theme.
 */
import { createContext, useContext, useEffect, useState, type JSX, type ReactNode } from 'react';
import { loadSettings, watchSettings } from '../../lib/settings/store';
import type { Settings } from '../../lib/schemas/settings';

const SettingsContext = createContext<Settings | null>(null);

export interface SettingsProviderProps {
  children: ReactNode;
  /** Tests and previews may pass settings instead of reading storage. */
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
    void loadSettings().then((s) => {
      if (live) setSettings(s);
    });
    const unwatch = watchSettings((s) => {
      if (live) setSettings(s);
    });
    return () => {
      live = false;
      unwatch();
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
