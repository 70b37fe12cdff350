/**
 * No English inside the Chinese UI, no Chinese inside the English UI: every catalog's English
 * sentences hold no CJK characters, and its Chinese sentences no Latin words — except product
 * names, file formats and established acronyms, units, keys and placeholders, which both
 * languages write the same way.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../../lib/i18n';
import { cjkLeft, latinLeft } from './script-check';

const dir = path.resolve('lib/i18n/catalogs');
const catalogs: [string, Catalog][] = await Promise.all(
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map(async (f) => [f, Object.values((await import(path.join(dir, f))) as Record<string, Catalog>)[0]!] as [string, Catalog]),
);

describe('script mixing in the catalogs', () => {
  it.each(catalogs)('%s: English sentences hold no Chinese', (_f, cat) => {
    const mixed = Object.entries(cat.en).filter(([, v]) => cjkLeft(v).length > 0);
    expect(mixed).toEqual([]);
  });

  it.each(catalogs)('%s: Chinese sentences hold no English words', (_f, cat) => {
    const mixed = Object.entries(cat.zh_CN)
      .map(([k, v]) => [k, latinLeft(v).join(' ')] as const)
      .filter(([, left]) => left !== '');
    expect(mixed).toEqual([]);
  });

  it('catches what it is for (the checks themselves can fail)', () => {
    expect(cjkLeft('The periodic revisit (定期回访) is overdue')).not.toEqual([]);
    expect(cjkLeft('Fxiaoke 纷享销客 headers are recognised')).toEqual([]);
    expect(latinLeft('请在 Settings 中导入')).toEqual(['Settings']);
    expect(latinLeft('导入 {count, plural, other {# 个客户}} 的 CSV（Rapport、Zoho CRM）')).toEqual([]);
    expect(latinLeft('{mod}+Enter 保存 · Esc 关闭')).toEqual([]);
  });
});
