import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createT, resolveLocale, type Catalog } from '../../../lib/i18n';

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
      expect((zh.match(/\{\w+\}/g) ?? []).sort(), k).toEqual((en.match(/\{\w+\}/g) ?? []).sort());
    }
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
