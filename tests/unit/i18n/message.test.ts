import { describe, expect, it } from 'vitest';
import { formatMessage, placeholdersOf } from '../../../lib/i18n/message';
import { daysBetween, formatMoney, formatRelativeDate, formatRelativeDays } from '../../../lib/i18n/format';
import { createT, resolveLocale } from '../../../lib/i18n';

describe('formatMessage', () => {
  const customers = '{count, plural, one {# customer} other {# customers}}';

  it('picks the plural branch with Intl.PluralRules and writes # the locale’s way', () => {
    expect(formatMessage(customers, { count: 1 }, 'en')).toBe('1 customer');
    expect(formatMessage(customers, { count: 0 }, 'en')).toBe('0 customers');
    expect(formatMessage(customers, { count: 2406 }, 'en')).toBe('2,406 customers');
    expect(formatMessage(customers, { count: '1' }, 'en')).toBe('1 customer');
    expect(formatMessage(customers, { count: '2,406' }, 'en')).toBe('2,406 customers');
    expect(formatMessage('{count, plural, other {# 个客户}}', { count: 1 }, 'zh_CN')).toBe('1 个客户');
  });

  it('prefers an exact =n branch, then the rule, then other', () => {
    const s = '{n, plural, =0 {none} one {one item} other {# items}}';
    expect(formatMessage(s, { n: 0 }, 'en')).toBe('none');
    expect(formatMessage(s, { n: 1 }, 'en')).toBe('one item');
    expect(formatMessage(s, { n: 3 }, 'en')).toBe('3 items');
  });

  it('fills placeholders inside a branch and around the block', () => {
    expect(formatMessage('{name}: {n, plural, one {# day late} other {# days late}} ({name})', { name: 'Acme', n: 2 }, 'en')).toBe('Acme: 2 days late (Acme)');
  });

  it('writes numbers grouped and ISO calendar days as the locale writes dates', () => {
    expect(formatMessage('{n} rows', { n: 12345 }, 'en')).toBe('12,345 rows');
    expect(formatMessage('due {date}', { date: '2025-03-04' }, 'en')).toBe('due Mar 4, 2025');
    expect(formatMessage('{date}到期', { date: '2025-03-04' }, 'zh_CN')).toBe('2025年3月4日到期');
  });

  it('leaves text that is not a real day, unknown placeholders and markup as given', () => {
    expect(formatMessage('{v} is not a day', { v: '2025-02-30' }, 'en')).toBe('2025-02-30 is not a day');
    expect(formatMessage('{a} and {b}', { a: '<b>x</b>' }, 'en')).toBe('<b>x</b> and {b}');
    expect(formatMessage('{n, plural, one {#} other {#}}', { n: 'many' }, 'en')).toBe('{n, plural, one {#} other {#}}');
  });

  it('names the placeholders of plain and plural sentences', () => {
    expect(placeholdersOf('{name} has {count, plural, one {# day} other {# days}}')).toEqual(['name', 'count']);
  });
});

describe('createT', () => {
  it('uses the locale’s sentence and falls back to English, then the key', () => {
    const cat = { en: { a: 'A {n, plural, one {# thing} other {# things}}', b: 'B' }, zh_CN: { a: '甲 {n, plural, other {# 个}}', b: '' } };
    expect(createT(cat, 'zh_CN')('a', { n: 1 })).toBe('甲 1 个');
    expect(createT(cat, 'en')('a', { n: 1 })).toBe('A 1 thing');
    expect(createT(cat as never, 'en')('missing' as never)).toBe('missing');
  });
});

describe('money, relative days', () => {
  it('writes money in full unless the whole view asks for compact', () => {
    expect(formatMoney(37_409_050, 'en', 'USD')).toBe('$37,409,050');
    expect(formatMoney(-51_139, 'en', 'USD')).toBe('-$51,139');
    expect(formatMoney(37_409_050, 'zh_CN', 'USD')).toBe('US$37,409,050');
    expect(formatMoney(37_409_050, 'en', 'USD', { compact: true })).toBe('$37.4M');
    expect(formatMoney(-51_139, 'en', 'USD', { compact: true })).toBe('-$51.1K');
    expect(formatMoney(1234, 'en', 'Points')).toBe('1,234 Points');
  });

  it('says today, yesterday and n days ago in each language', () => {
    expect(formatRelativeDays(0, 'en')).toBe('today');
    expect(formatRelativeDays(-1, 'en')).toBe('yesterday');
    expect(formatRelativeDays(-5, 'en')).toBe('5 days ago');
    expect(formatRelativeDays(0, 'zh_CN')).toBe('今天');
    expect(formatRelativeDays(-5, 'zh_CN')).toBe('5天前');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(formatRelativeDate('2025-03-04', '2025-03-05', 'en')).toBe('yesterday');
  });
});

describe('resolveLocale', () => {
  it('gives Simplified Chinese to zh, zh-CN, zh-SG and zh-Hans, English to Traditional tags', () => {
    for (const tag of ['zh', 'zh-CN', 'zh_CN', 'zh-SG', 'zh-Hans', 'zh-Hans-CN']) expect(resolveLocale('auto', [tag]), tag).toBe('zh_CN');
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW']) expect(resolveLocale('auto', [tag]), tag).toBe('en');
  });

  it('takes the first language it has a catalog for, in the user’s order', () => {
    expect(resolveLocale('auto', ['zh-TW', 'zh-CN'])).toBe('zh_CN');
    expect(resolveLocale('auto', ['zh-HK', 'en-GB', 'zh-CN'])).toBe('en');
    expect(resolveLocale('auto', ['de-DE', 'zh-CN'])).toBe('zh_CN');
    expect(resolveLocale('auto', ['en-US', 'zh-CN'])).toBe('en');
    expect(resolveLocale('auto', ['fr'])).toBe('en');
    expect(resolveLocale('zh_CN', ['en'])).toBe('zh_CN');
  });
});
