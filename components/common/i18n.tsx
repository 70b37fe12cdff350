/**
 * The active locale (from the settings' language, `auto` = the browser's languages) and a
 * `useT(catalog)` hook giving a translator for one catalog. Common names (tiers, risk bands,
 * channels…) come from `useCommonT()`.
 */
import { useEffect, useMemo } from 'react';
import { createT, resolveLocale, type Catalog, type Locale, type Translate } from '../../lib/i18n';
import { common } from '../../lib/i18n/catalogs/common';
import { errorText } from '../../lib/i18n/errors';
import { useSettings } from './settings-context';

const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]));

export function useLocale(): Locale {
  const { language } = useSettings();
  return resolveLocale(language, browserLanguages());
}

export function useT<K extends string>(catalog: Catalog<K>): Translate<K> {
  const locale = useLocale();
  return useMemo(() => createT(catalog, locale), [catalog, locale]);
}

export type CommonKey = keyof (typeof common)['en'];

export function useCommonT(): Translate<CommonKey> {
  return useT(common);
}

/** Translates an error the background answered (or anything thrown) in the active locale. */
export function useErrorText(): (error: unknown) => string {
  const locale = useLocale();
  return useMemo(() => (error: unknown) => errorText(error, locale), [locale]);
}

/** BCP 47 tag for `lang` attributes and `Intl` formatters. */
export const localeTag = (locale: Locale): string => (locale === 'zh_CN' ? 'zh-CN' : 'en');

/** Keeps `<html lang>` in step with the active locale (screen readers pick the voice from it). */
export function useDocumentLang(): void {
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = localeTag(locale);
  }, [locale]);
}
