/**
 * Rapport's i18n: typed catalogs per surface (overlay, popup, side panel, options…), English
 * default and 简体中文 complete — the type system refuses a Chinese catalog missing a key.
 * Catalogs are plain objects so the content script only bundles the ones it uses, and the
 * language can follow the user's setting rather than only the browser's UI language.
 */
import { formatMessage } from './message';

export type Locale = 'en' | 'zh_CN';
export const LOCALES: readonly Locale[] = ['en', 'zh_CN'];

export type Catalog<K extends string = string> = { en: Record<K, string>; zh_CN: Record<K, string> };

export function defineCatalog<const E extends Record<string, string>>(en: E, zh_CN: { [K in keyof E]: string }): Catalog<Extract<keyof E, string>> {
  return { en, zh_CN } as Catalog<Extract<keyof E, string>>;
}

export type Params = Record<string, string | number>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

/**
 * Params fill the sentence in the locale (lib/i18n/message.ts: numbers and ISO dates written the
 * locale's way, plural blocks); the result is plain text, never HTML.
 */
export function createT<K extends string>(catalog: Catalog<K>, locale: Locale): Translate<K> {
  const table = catalog[locale];
  return (key, params) => formatMessage(table[key] ?? catalog.en[key] ?? key, params, locale);
}

/** Traditional Chinese: no catalog yet, so these never get the Simplified one. */
const TRADITIONAL = /^zh-(hant|tw|hk|mo)\b/;

/** The locale a browser language tag gets, or null when Rapport has no catalog for it. */
export function localeOfTag(tag: string): Locale | null {
  const t = tag.toLowerCase().replace(/_/g, '-');
  if (t === 'zh' || (t.startsWith('zh-') && !TRADITIONAL.test(t))) return 'zh_CN';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return null;
}

/**
 * Resolve the `auto` language setting from the browser's languages, in the user's order: the
 * first one Rapport has a catalog for (Simplified Chinese for zh, zh-CN, zh-SG, zh-Hans…; a
 * Traditional Chinese tag — zh-TW, zh-HK, zh-MO, zh-Hant — has none yet and is skipped); English
 * when none has.
 */
export function resolveLocale(setting: 'auto' | Locale, languages: readonly string[]): Locale {
  if (setting !== 'auto') return setting;
  for (const l of languages) {
    const locale = localeOfTag(l);
    if (locale) return locale;
  }
  return 'en';
}

/** Merge catalogs of several areas into one (keys must not clash; checked in tests). */
export function mergeCatalogs<A extends string, B extends string>(a: Catalog<A>, b: Catalog<B>): Catalog<A | B> {
  return { en: { ...a.en, ...b.en }, zh_CN: { ...a.zh_CN, ...b.zh_CN } } as Catalog<A | B>;
}
