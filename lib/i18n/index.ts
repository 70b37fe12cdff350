/**
 * Rapport's i18n: typed catalogs per surface (overlay, popup, side panel, options…), English
 * default and 简体中文 complete — the type system refuses a Chinese catalog missing a key.
 * Catalogs are plain objects so the content script only bundles the ones it uses, and the
 * language can follow the user's setting rather than only the browser's UI language.
 */
export type Locale = 'en' | 'zh_CN';
export const LOCALES: readonly Locale[] = ['en', 'zh_CN'];

export type Catalog<K extends string = string> = { en: Record<K, string>; zh_CN: Record<K, string> };

export function defineCatalog<const E extends Record<string, string>>(en: E, zh_CN: { [K in keyof E]: string }): Catalog<Extract<keyof E, string>> {
  return { en, zh_CN } as Catalog<Extract<keyof E, string>>;
}

export type Params = Record<string, string | number>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

/** `{name}` placeholders are replaced by params; the result is plain text, never HTML. */
export function createT<K extends string>(catalog: Catalog<K>, locale: Locale): Translate<K> {
  const table = catalog[locale];
  return (key, params) => {
    const template = table[key] ?? catalog.en[key] ?? key;
    return params ? template.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : template;
  };
}

/** Resolve the `auto` language setting from the browser's language list. */
export function resolveLocale(setting: 'auto' | Locale, languages: readonly string[]): Locale {
  if (setting !== 'auto') return setting;
  return languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh_CN' : 'en';
}

/** Merge catalogs of several areas into one (keys must not clash; checked in tests). */
export function mergeCatalogs<A extends string, B extends string>(a: Catalog<A>, b: Catalog<B>): Catalog<A | B> {
  return { en: { ...a.en, ...b.en }, zh_CN: { ...a.zh_CN, ...b.zh_CN } } as Catalog<A | B>;
}
