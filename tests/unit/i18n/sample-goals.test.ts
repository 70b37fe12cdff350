import { describe, expect, it } from 'vitest';
import { generateSampleBook } from '../../../lib/sample/generate';
import { columns } from '../../../lib/i18n/catalogs/columns';
import { COLUMNS, IMPORT_KINDS } from '../../../lib/import/columns';
import { latinLeft, cjkLeft } from './script-check';

describe('sample goal names and mapping labels in the user’s language', () => {
  it('writes the sample goals in Chinese for a Chinese user and in English otherwise', () => {
    const zh = generateSampleBook({ customers: 0, asOf: '2026-11-20', locale: 'zh_CN' }).goals;
    const en = generateSampleBook({ customers: 0, asOf: '2026-11-20' }).goals;
    expect(zh.map((g) => g.id)).toEqual(en.map((g) => g.id));
    for (const g of zh) expect([g.name, latinLeft(g.name)]).toEqual([expect.stringMatching(/[\u4e00-\u9fff]/), []]);
    for (const g of en) expect(cjkLeft(g.name)).toEqual([]);
    expect(en[0]!.name).toBe('CSAT 90 % this quarter');
  });

  it('names every canonical import column in both languages', () => {
    for (const kind of IMPORT_KINDS)
      for (const c of COLUMNS[kind]) {
        expect(columns.en[`column.${c}`], c).toBeTruthy();
        expect(columns.zh_CN[`column.${c}`], c).toBeTruthy();
      }
  });
});
