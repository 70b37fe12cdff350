/**
 * The overlay's translations. The catalogs (common, scoring, overlay) stay in the background
 * bundle; the content script fetches the active locale's strings once per page load.
 */
import type { Locale } from '../i18n';
import type { common } from '../i18n/catalogs/common';
import type { overlay } from '../i18n/catalogs/overlay';
import type { scoring } from '../i18n/catalogs/scoring';
import type { errors } from '../i18n/catalogs/errors';
import { send } from '../messaging/client';
import { toAppError } from '../messaging/errors';

export type OverlayKey = keyof (typeof common)['en'] | keyof (typeof scoring)['en'] | keyof (typeof overlay)['en'] | keyof (typeof errors)['en'];
export type OverlayT = (key: OverlayKey, params?: Record<string, string | number>) => string;

export function makeT(strings: Record<string, string>): OverlayT {
  return (key, params) => {
    const template = strings[key] ?? key;
    return params ? template.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : template;
  };
}

export async function loadOverlayT(language: 'auto' | Locale): Promise<{ t: OverlayT; locale: Locale }> {
  const languages = language === 'auto' ? [...navigator.languages] : [language === 'zh_CN' ? 'zh-CN' : 'en'];
  const { locale, strings } = await send('getOverlayStrings', { languages });
  return { t: makeT(strings), locale };
}

/** A failed request's error code (lib/messaging/errors.ts) as a sentence in the overlay's language. */
export function errorMessage(t: OverlayT, e: unknown): string {
  const error = toAppError(e);
  return t(`error.${error.code}` as OverlayKey, error.params);
}

/** A translated sentence for a stored key (factor / reason ids); unknown keys fall back to text. */
export const sentence = (t: OverlayT, key: string, params?: Record<string, string | number>): string => t(key as OverlayKey, params);
