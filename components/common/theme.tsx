/**
 * Light / dark theme from `settings.theme`; `auto` follows `prefers-color-scheme` and reacts
 * when the system switches. The effective theme is set as `data-theme` on `<html>`, which
 * `base.css` maps onto its colour variables.
 */
import { useEffect, useState } from 'react';
import { useSettings } from './settings-context';

export type EffectiveTheme = 'light' | 'dark';

const darkQuery = (): MediaQueryList | null =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

/** The theme in effect now: the setting, or the system's preference for `auto`. */
export function useEffectiveTheme(): EffectiveTheme {
  const { theme } = useSettings();
  const [systemDark, setSystemDark] = useState<boolean>(() => darkQuery()?.matches ?? false);
  useEffect(() => {
    const q = darkQuery();
    if (!q) return undefined;
    const onChange = (e: MediaQueryListEvent): void => setSystemDark(e.matches);
    q.addEventListener('change', onChange);
    return () => q.removeEventListener('change', onChange);
  }, []);
  return theme === 'auto' ? (systemDark ? 'dark' : 'light') : theme;
}

/** Applies the effective theme to the document. */
export function useDocumentTheme(): EffectiveTheme {
  const theme = useEffectiveTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
