import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createT, resolveLocale, type Catalog } from '../../../lib/i18n';
import { formatMessage, placeholdersOf } from '../../../lib/i18n/message';

const dir = path.resolve('lib/i18n/catalogs');
const catalogs: [string, Catalog][] = await Promise.all(
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map(async (f) => {
      const mod = (await import(path.join(dir, f))) as Record<string, Catalog>;
      return [f, Object.values(mod)[0]!] as [string, Catalog];
    }),
);

describe('i18n catalogs', () => {
  it.each(catalogs)('%s: 简体中文 has every English key, none empty, same placeholders', (_f, cat) => {
    expect(Object.keys(cat.zh_CN).sort()).toEqual(Object.keys(cat.en).sort());
    for (const [k, en] of Object.entries(cat.en)) {
      const zh = cat.zh_CN[k]!;
      expect(zh.trim(), k).not.toBe('');
      expect([...new Set(placeholdersOf(zh))].sort(), k).toEqual([...new Set(placeholdersOf(en))].sort());
    }
  });

  it.each(catalogs)('%s: every plural block has an `other` branch and fills for 0, 1 and 2', (_f, cat) => {
    for (const locale of ['en', 'zh_CN'] as const)
      for (const [k, v] of Object.entries(cat[locale])) {
        const vars = [...v.matchAll(/\{(\w+)\s*,\s*plural\s*,/g)].map((m) => m[1]!);
        if (!vars.length) continue;
        expect(v, k).toMatch(/\bother\s*\{/);
        for (const n of [0, 1, 2]) expect(formatMessage(v, Object.fromEntries(vars.map((x) => [x, n])), locale), `${k} (${n})`).not.toMatch(/plural/);
      }
  });

  it('the catalogs the CRM page’s overlay reads use no plural blocks (it fills {name} only)', () => {
    for (const [f, cat] of catalogs.filter(([f]) => ['common.ts', 'scoring.ts', 'overlay.ts', 'errors.ts'].includes(f)))
      for (const [k, v] of [...Object.entries(cat.en), ...Object.entries(cat.zh_CN)]) expect(v, `${f} ${k}`).not.toMatch(/plural/);
  });

  it('keys do not clash between catalogs (they can be merged)', () => {
    const seen = new Map<string, string>();
    for (const [f, cat] of catalogs)
      for (const k of Object.keys(cat.en)) {
        expect(seen.get(k), `${k} in ${f} and ${seen.get(k)}`).toBeUndefined();
        seen.set(k, f);
      }
  });

  it('interpolates params as text and resolves the auto locale', () => {
    const t = createT({ en: { hi: 'Hi {name}' }, zh_CN: { hi: '你好 {name}' } }, 'zh_CN');
    expect(t('hi', { name: '<b>x</b>' })).toBe('你好 <b>x</b>');
    expect(resolveLocale('auto', ['zh-CN', 'en'])).toBe('zh_CN');
    expect(resolveLocale('auto', ['de-DE'])).toBe('en');
    expect(resolveLocale('en', ['zh-CN'])).toBe('en');
  });
});
