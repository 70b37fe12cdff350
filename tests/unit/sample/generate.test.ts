import { describe, expect, it } from 'vitest';
import { generateSampleBook } from '../../../lib/sample/generate';
import { SAMPLE_AS_OF, STORIES } from '../../../lib/sample/stories';
import { salesforce18 } from '../../../lib/sample/crm-ids';
import { ContactSchema, CustomerSchema, FeedbackSchema, GoalSchema, InteractionSchema, TransactionSchema } from '../../../lib/schemas/domain';
import { CRM_IDS } from '../../../lib/schemas/enums';

const book = generateSampleBook({ customers: 600 });

describe('generateSampleBook', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateSampleBook({ customers: 600 })).toEqual(book);
    expect(generateSampleBook({ customers: 600, seed: 7 }).transactions).not.toEqual(book.transactions);
  });

  it('produces only records that pass their schemas', () => {
    const check = <T>(schema: { safeParse: (v: unknown) => { success: boolean } }, rows: T[]): void => {
      const bad = rows.filter((r) => !schema.safeParse(r).success);
      expect(bad.slice(0, 1)).toEqual([]);
    };
    check(CustomerSchema, book.customers);
    check(ContactSchema, book.contacts);
    check(TransactionSchema, book.transactions);
    check(InteractionSchema, book.interactions);
    check(FeedbackSchema, book.feedback);
    check(GoalSchema, book.goals);
  });

  it('keeps ids unique and every row attached to a customer, dated on or before asOf', () => {
    const ids = new Set(book.customers.map((c) => c.id));
    expect(ids.size).toBe(book.customers.length);
    for (const rows of [book.transactions, book.interactions, book.feedback, book.contacts]) {
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      expect(rows.every((r) => ids.has(r.customerId))).toBe(true);
    }
    for (const rows of [book.transactions, book.interactions, book.feedback]) expect(rows.every((r) => r.date <= SAMPLE_AS_OF)).toBe(true);
  });

  it('includes the six stories with their record id in every CRM', () => {
    for (const s of STORIES) {
      const c = book.customers.find((x) => x.id === s.customerId)!;
      expect(c.name).toBe(s.name);
      expect(c.crmRefs.map((r) => `${r.crm}:${r.id}`).sort()).toEqual(CRM_IDS.map((crm) => `${crm}:${s.crmIds[crm]}`).sort());
    }
  });

  it('looks like a real book: refunds, Chinese names, decision makers, every channel and feedback kind', () => {
    expect(book.transactions.some((t) => t.amount < 0)).toBe(true);
    expect(book.customers.filter((c) => /[\u4e00-\u9fff]/.test(c.name)).length).toBeGreaterThan(60);
    expect(book.contacts.some((c) => c.isDecisionMaker) && book.contacts.some((c) => !c.isDecisionMaker)).toBe(true);
    expect(new Set(book.interactions.map((i) => i.channel)).size).toBe(6);
    expect(new Set(book.feedback.map((f) => f.kind))).toEqual(new Set(['csat', 'nps', 'complaint']));
    expect(new Set(book.goals.map((g) => g.category)).size).toBe(5);
    const crmCounts = new Map<string, number>();
    for (const c of book.customers) for (const r of c.crmRefs) crmCounts.set(r.crm, (crmCounts.get(r.crm) ?? 0) + 1);
    expect([...crmCounts.keys()].sort()).toEqual([...CRM_IDS].sort());
  });

  it('places goals in the quarter of asOf', () => {
    expect(book.goals.every((g) => g.periodStart === '2026-10-01' && g.periodEnd === '2027-01-01')).toBe(true);
  });

  it('computes Salesforce 18-character checksums', () => {
    expect(salesforce18('001Dn00000NwTrA')).toBe('001Dn00000NwTrAIAV');
    expect(STORIES.every((s) => salesforce18(s.crmIds.salesforce.slice(0, 15)) === s.crmIds.salesforce)).toBe(true);
  });
});
