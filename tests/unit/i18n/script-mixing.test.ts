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

const dir = path.resolve('lib/i18n/catalogs');
const catalogs: [string, Catalog][] = await Promise.all(
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map(async (f) => [f, Object.values((await import(path.join(dir, f))) as Record<string, Catalog>)[0]!] as [string, Catalog]),
);

/** Han, kana, CJK punctuation and full-width forms. */
const CJK = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/u;

/** Names written the same in both languages (the vendor's own spelling). */
const CJK_NAMES_IN_ENGLISH = ['纷享销客'];

/** Latin tokens a Chinese sentence may hold: products, formats, acronyms, keys, units, examples. */
const LATIN_IN_CHINESE = [
  'Rapport',
  'Salesforce',
  'HubSpot',
  'Zoho CRM',
  'Zoho',
  'Dynamics 365',
  'Pipedrive',
  'Fxiaoke',
  'Excel',
  'Chrome',
  'Firefox',
  'IndexedDB',
  'BG/NBD',
  'Gamma-Gamma',
  'CRM',
  'CSV',
  'JSON',
  'xlsx',
  'CSAT',
  'NPS',
  'CLV',
  'RFM',
  'KPI',
  'SMART',
  'AUC',
  'ID',
  'Enter',
  'Esc',
  'Tab',
  'Ctrl',
  'yyyy-mm-dd',
  'crm.example.com',
  'pp',
  // RFM's letters before their scores (R4 F5 M3).
  'R',
  'F',
  'M',
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const allowed = new RegExp(
  `(?<![A-Za-z])(?:${[...LATIN_IN_CHINESE]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})(?![A-Za-z])`,
  'g',
);

/** A Chinese sentence with placeholders, plural syntax and allowed tokens taken out. */
export const latinLeft = (zh: string): string[] =>
  zh
    .replace(/\{\w+\s*,\s*plural\s*,/g, '{')
    .replace(/(?:=\d+|\b(?:zero|one|two|few|many|other))\s*\{/g, '{')
    .replace(/\{\w+\}/g, ' ')
    .replace(allowed, ' ')
    .match(/[A-Za-z]+/g) ?? [];

export const cjkLeft = (en: string): string[] => {
  let s = en;
  for (const n of CJK_NAMES_IN_ENGLISH) s = s.split(n).join(' ');
  return [...s].filter((c) => CJK.test(c));
};

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
