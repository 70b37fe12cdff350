/**
 * Synthetic books whose churn process is known, for testing the learnt risk: week by week each
 * live customer buys at their own rate, talks to the rep, sometimes complains; an open complaint
 * and bad conversations raise the weekly chance of leaving for good (`signal` scales how much).
 * With `signal: 0` leaving is pure chance: nothing in the history predicts it. Histories run past
 * `asOf` by `futureWeeks`, so tests can compare scores as of asOf with what really followed.
 */
import { addDays } from '../../../lib/clock';
import type { Customer, Feedback, Interaction, Transaction } from '../../../lib/schemas/domain';
import type { CustomerHistory } from '../../../lib/scoring/types';

export interface SyntheticOptions {
  customers: number;
  weeks: number;
  futureWeeks: number;
  asOf: string;
  /** 0 = churn independent of everything; 1 = complaints and bad conversations drive it. */
  signal: number;
  seed: number;
  /** Weekly chance of leaving with no bad signal. */
  baseHazard?: number;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticBook(o: SyntheticOptions): CustomerHistory[] {
  const r = rng(o.seed);
  const start = addDays(o.asOf, -7 * o.weeks);
  const day = (week: number): string => addDays(start, week * 7 + Math.floor(r() * 7));
  const out: CustomerHistory[] = [];
  const base = o.baseHazard ?? 0.012;
  for (let c = 0; c < o.customers; c++) {
    const id = `S${c}`;
    const joined = Math.floor(r() * (o.weeks - 8));
    // purchase rate per week: a spread of habits (every 2 to 20 weeks)
    const rate = 0.05 + r() * 0.45;
    const size = 50 + r() * 950;
    const customer: Customer = { id, name: id, emails: [], createdAt: addDays(start, joined * 7), crmRefs: [] };
    const transactions: Transaction[] = [];
    const interactions: Interaction[] = [];
    const feedback: Feedback[] = [];
    let alive = true;
    let complaintWeeks = 0;
    let badTalk = 0;
    for (let w = joined; w < o.weeks + o.futureWeeks; w++) {
      if (alive) {
        if (w === joined || r() < rate) transactions.push({ id: `${id}-t${w}`, customerId: id, date: day(w), amount: Math.round(size * (0.5 + r())) });
        if (r() < 0.02) {
          complaintWeeks = 8;
          feedback.push({ id: `${id}-f${w}`, customerId: id, date: day(w), kind: 'complaint' });
        }
        if (r() < 0.35) {
          const bad = r() < (complaintWeeks > 0 ? 0.6 : 0.08);
          const sentiment = bad ? 'negative' : r() < 0.5 ? 'positive' : 'neutral';
          badTalk = bad ? badTalk + 1 : Math.max(0, badTalk - 0.5);
          interactions.push({ id: `${id}-i${w}`, customerId: id, date: day(w), channel: 'call', summary: 'talk', sentiment });
        }
        const odds = Math.log(base / (1 - base)) + o.signal * (2.2 * (complaintWeeks > 0 ? 1 : 0) + 0.9 * Math.min(3, badTalk));
        if (r() < 1 / (1 + Math.exp(-odds))) alive = false;
        complaintWeeks = Math.max(0, complaintWeeks - 1);
      } else if (r() < 0.03)
        interactions.push({ id: `${id}-i${w}`, customerId: id, date: day(w), channel: 'email', summary: 'no answer', sentiment: 'neutral' });
    }
    out.push({ customer, transactions, interactions, feedback, contacts: [], actions: [] });
  }
  return out;
}

/** The same histories cut at a day (what was known then). */
export function cutAt(histories: readonly CustomerHistory[], asOf: string): CustomerHistory[] {
  return histories.map((h) => ({
    ...h,
    transactions: h.transactions.filter((t) => t.date <= asOf),
    interactions: h.interactions.filter((i) => i.date <= asOf),
    feedback: h.feedback.filter((f) => f.date <= asOf),
  }));
}

/** Who bought nothing in (from, to]. */
export function churnedBetween(histories: readonly CustomerHistory[], from: string, to: string): number[] {
  return histories.map((h) => (h.transactions.some((t) => t.date > from && t.date <= to && t.amount > 0) ? 0 : 1));
}
