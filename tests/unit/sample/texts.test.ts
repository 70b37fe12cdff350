/**
 * The sample book is written in the language Rapport shows when it is loaded: interaction notes,
 * next steps, complaint texts, contact roles, products and segments (names stay names), and the
 * language changes only words — every number, date and pick is the same.
 */
import { describe, expect, it } from 'vitest';
import { generateSampleBook, type SampleBook } from '../../../lib/sample/generate';
import { SAMPLE_AS_OF } from '../../../lib/sample/stories';
import { SAMPLE_TEXTS } from '../../../lib/sample/texts';
import { cjkLeft, latinLeft } from '../i18n/script-check';

const en = generateSampleBook({ customers: 300, asOf: SAMPLE_AS_OF });
const zh = generateSampleBook({ customers: 300, asOf: SAMPLE_AS_OF, locale: 'zh_CN' });

/** Every text of the book a user reads that is not a name. */
function words(b: SampleBook): string[] {
  return [
    ...b.interactions.flatMap((i) => [i.summary ?? '', i.nextStep ?? '']),
    ...b.feedback.map((f) => f.comment ?? ''),
    ...b.contacts.map((c) => c.role ?? ''),
    ...b.transactions.map((t) => t.product ?? ''),
    ...b.customers.map((c) => c.segment ?? ''),
  ].filter(Boolean);
}

describe('sample book language', () => {
  it('writes notes, next steps, complaints, roles, products and segments in Chinese for a Chinese user', () => {
    const texts = [...new Set(words(zh))];
    expect(texts.length).toBeGreaterThan(40);
    for (const s of texts) expect([s, latinLeft(s)]).toEqual([expect.stringMatching(/[\u4e00-\u9fff]/), []]);
    expect(new Set(zh.interactions.filter((i) => i.customerId === 'C-1003').map((i) => i.summary))).toContain('故障三天仍未解决');
  });

  it('writes them in English otherwise, the Chinese story account’s notes too', () => {
    const texts = [...new Set(words(en))];
    for (const s of texts) expect(cjkLeft(s), s).toEqual([]);
    expect(en.contacts.find((c) => c.customerId === 'C-1005')?.role).toBe('Procurement Director');
  });

  it('changes only words: the same customers, dates, amounts, channels and sentiments in both languages', () => {
    const strip = (b: SampleBook): unknown => ({
      customers: b.customers.map(({ segment: _s, ...c }) => c),
      contacts: b.contacts.map(({ role: _r, ...c }) => c),
      transactions: b.transactions.map(({ product: _p, ...t }) => t),
      interactions: b.interactions.map(({ summary: _s, nextStep: _n, ...i }) => i),
      feedback: b.feedback.map(({ comment: _c, ...f }) => f),
    });
    expect(strip(zh)).toEqual(strip(en));
  });

  it('has the same number of words in every list in every language (picks are by position)', () => {
    const shape = (t: (typeof SAMPLE_TEXTS)['en']): unknown => JSON.parse(JSON.stringify(t, (_k, v: unknown) => (typeof v === 'string' ? 0 : v)));
    expect(shape(SAMPLE_TEXTS.zh_CN)).toEqual(shape(SAMPLE_TEXTS.en));
  });
});
