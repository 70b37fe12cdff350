/**
 * The KPI index built from rows handed in pages (as the background reads a big book) is the index
 * of the whole arrays: same customers, same purchase days (a customer-day's net amount summed across
 * pages, refund-only days left out), same feedback and interactions in day order.
 */
import { describe, expect, it } from 'vitest';
import { kpiIndex, KpiIndexBuilder } from '../../../lib/scoring/kpi-index';
import type { Feedback, Interaction, Transaction } from '../../../lib/schemas/domain';

function book(n: number) {
  let seed = 11;
  const rnd = (): number => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
  const date = (): string => new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 400) * 86_400_000).toISOString().slice(0, 10);
  const transactions: Transaction[] = Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    customerId: `c${Math.floor(rnd() * 40)}`,
    date: date(),
    // every fifth row a refund: some customer-days net to zero or less across pages
    amount: i % 5 === 0 ? -50 : Math.round(rnd() * 100),
  }));
  const interactions: Interaction[] = Array.from({ length: n }, (_, i) => ({
    id: `i${i}`,
    customerId: `c${Math.floor(rnd() * 45)}`,
    date: date(),
    channel: 'call',
    summary: 'x',
  }));
  const feedback: Feedback[] = Array.from({ length: n / 5 }, (_, i) => ({
    id: `f${i}`,
    customerId: `c${Math.floor(rnd() * 50)}`,
    date: date(),
    kind: (['csat', 'nps', 'complaint'] as const)[i % 3]!,
    ...(i % 3 === 2 ? {} : { score: i % 3 === 0 ? 1 + (i % 5) : i % 11 }),
  }));
  return { transactions, interactions, feedback };
}

const pages = <T>(rows: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, k) => rows.slice(k * size, (k + 1) * size));

describe('KpiIndexBuilder', () => {
  it('gives the whole-array index whatever the page size and the order the tables come in', () => {
    const b = book(600);
    const whole = kpiIndex(b);
    for (const size of [1, 7, 250, 600]) {
      const builder = new KpiIndexBuilder();
      for (const p of pages(b.interactions, size)) builder.addInteractions(p);
      for (const p of pages(b.transactions, size)) builder.addTransactions(p);
      for (const p of pages(b.feedback, size)) builder.addFeedback(p);
      const paged = builder.finish();
      // customer numbers depend on the order ids are first seen: compare through the ids
      const byId = (ix: typeof whole, day: Int32Array, who: Int32Array): string[] => Array.from(day, (d, k) => `${d}:${ix.ids[who[k]!]}`).sort();
      expect(byId(paged, paged.purchaseDay, paged.purchaseCustomer)).toEqual(byId(whole, whole.purchaseDay, whole.purchaseCustomer));
      expect(byId(paged, paged.interactionDay, paged.interactionCustomer)).toEqual(byId(whole, whole.interactionDay, whole.interactionCustomer));
      expect(byId(paged, paged.feedbackDay, paged.feedbackCustomer)).toEqual(byId(whole, whole.feedbackDay, whole.feedbackCustomer));
      expect(Array.from(paged.purchaseDay)).toEqual(Array.from(whole.purchaseDay));
      expect([...paged.ids].sort()).toEqual([...whole.ids].sort());
      for (const id of whole.ids) expect(paged.firstDay[paged.idOf.get(id)!]).toEqual(whole.firstDay[whole.idOf.get(id)!]);
    }
  });
});
