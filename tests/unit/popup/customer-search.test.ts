import { describe, expect, it } from 'vitest';
import { buildSearchIndex, foldText, searchCustomerIndex } from '../../../lib/popup/customer-search';

const index = buildSearchIndex([
  { id: 'C-1001', name: 'Northwind Traders', domain: 'northwind.example', emails: ['buyer@northwind.example'] },
  { id: 'C-1002', name: 'Globex Industrial', domain: 'globex.example', emails: [] },
  { id: 'C-1005', name: '上海华腾贸易有限公司', domain: 'huateng.example', emails: [] },
  { id: 'C-1007', name: '华为技术有限公司', emails: [] },
  { id: 'C-1008', name: '北京绿地集团', emails: [] },
  { id: 'C-1009', name: 'Café Ünion', emails: ['hello@cafe-union.example'] },
  { id: 'C-1010', name: 'Trade Winds', emails: [] },
]);
const ids = (q: string, limit = 10): string[] => searchCustomerIndex(index, q, limit).map((c) => c.id);

describe('customer search', () => {
  it.each([
    ['htmy', ['C-1005']],
    ['huateng', ['C-1005']],
    ['hua teng', ['C-1005']],
    ['HuaTeng', ['C-1005']],
    ['shhtmy', ['C-1005']],
    ['huatengmy', ['C-1005']],
    ['华腾', ['C-1005']],
    ['lvdi', ['C-1008']],
    ['bjldjt', ['C-1008']],
  ])('finds Chinese names by pinyin and initials: %s', (q, expected) => {
    expect(ids(q)).toEqual(expected);
  });

  it('matches pinyin only at syllable starts (no "ang" inside "shang")', () => {
    expect(ids('angh')).toEqual([]);
  });

  it('ranks name prefix above word prefix above substring', () => {
    expect(ids('trade')).toEqual(['C-1010', 'C-1001']);
    // 华为's pinyin starts with "hua"; 华腾 is found by its domain, then by a later syllable.
    expect(ids('hua')).toEqual(['C-1005', 'C-1007']);
    expect(ids('huaw')).toEqual(['C-1007']);
    expect(ids('wei')).toEqual(['C-1007']);
  });

  it('finds by id, domain and email, accent- and case-insensitively', () => {
    expect(ids('c-1002')).toEqual(['C-1002']);
    expect(ids('globex.ex')).toEqual(['C-1002']);
    expect(ids('buyer@')).toEqual(['C-1001']);
    expect(ids('cafe un')).toEqual(['C-1009']);
    expect(ids('ÜNION')).toEqual(['C-1009']);
  });

  it('honours the limit and lists alphabetically for an empty query', () => {
    expect(ids('', 3)).toEqual(['C-1009', 'C-1002', 'C-1001']);
    expect(ids('e', 2)).toHaveLength(2);
  });

  it('returns summaries with the stored name as given', () => {
    expect(searchCustomerIndex(index, 'htmy', 1)).toEqual([{ id: 'C-1005', name: '上海华腾贸易有限公司', domain: 'huateng.example' }]);
    expect(foldText('  Ａｃｍｅ   Café ')).toBe('acme cafe');
  });
});
