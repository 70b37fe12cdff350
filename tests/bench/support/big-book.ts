/**
 * A seeded in-memory book for benchmarks: 100,000 customers, 1,000,000 transactions, 300,000
 * interactions, 50,000 feedback rows and 60,000 contacts, half the customers lapsed at some point.
 */
import type { Contact, Customer, Feedback, Interaction, Transaction } from '../../../lib/schemas/domain';
import { CHANNELS, SENTIMENTS } from '../../../lib/schemas/enums';
import { addDays } from '../../../lib/clock';

export const CUSTOMERS = 100_000;
export const TRANSACTIONS = 1_000_000;
export const INTERACTIONS = 300_000;
export const AS_OF = '2026-11-20';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(seed: number) {
  const rnd = mulberry32(seed);
  const customers: Customer[] = [];
  const activity = new Float64Array(CUSTOMERS);
  let activitySum = 0;
  // each customer is active from `start` days before asOf until `end` (half of them have churned)
  const start = new Int32Array(CUSTOMERS);
  const end = new Int32Array(CUSTOMERS);
  for (let i = 0; i < CUSTOMERS; i++) {
    start[i] = Math.floor(rnd() * 700) + 30;
    end[i] = rnd() < 0.5 ? 0 : Math.floor(rnd() * start[i]!);
    customers.push({
      id: `C${i}`,
      name: `Customer ${i}`,
      emails: [],
      createdAt: addDays(AS_OF, -start[i]!),
      crmRefs: [],
      ...(i % 7 === 0 ? { segment: 'enterprise' } : {}),
    });
    // lumpy books: a few customers buy a lot
    activity[i] = (-Math.log(1 - rnd() * 0.999)) ** 1.5;
    activitySum += activity[i]!;
  }
  const cumulative = new Float64Array(CUSTOMERS);
  let acc = 0;
  for (let i = 0; i < CUSTOMERS; i++) cumulative[i] = acc += activity[i]! / activitySum;
  const dayIn = (c: number): string => addDays(AS_OF, -(end[c]! + Math.floor(rnd() * (start[c]! - end[c]! + 1))));
  const pick = (): number => {
    const u = rnd();
    let lo = 0;
    let hi = CUSTOMERS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const transactions: Transaction[] = [];
  for (let k = 0; k < TRANSACTIONS; k++) {
    const c = k < CUSTOMERS ? k : pick();
    const refund = rnd() < 0.02;
    transactions.push({ id: `T${k}`, customerId: `C${c}`, date: dayIn(c), amount: (refund ? -1 : 1) * Math.round(50 + rnd() * 2000), currency: 'USD' });
  }
  const interactions: Interaction[] = [];
  for (let k = 0; k < INTERACTIONS; k++) {
    const c = pick();
    interactions.push({
      id: `I${k}`,
      customerId: `C${c}`,
      date: dayIn(c),
      channel: CHANNELS[Math.floor(rnd() * 5)]!,
      summary: 'call',
      sentiment: SENTIMENTS[Math.floor(rnd() * 3)]!,
      ...(rnd() < 0.5 ? { contact: `P${Math.floor(rnd() * 3)}` } : {}),
    });
  }
  const feedback: Feedback[] = [];
  for (let k = 0; k < 50_000; k++) {
    const kind = rnd() < 0.45 ? 'csat' : rnd() < 0.8 ? 'nps' : 'complaint';
    feedback.push({
      id: `F${k}`,
      customerId: `C${pick()}`,
      date: addDays(AS_OF, -Math.floor(rnd() * 365)),
      kind,
      ...(kind === 'csat' ? { score: 1 + Math.floor(rnd() * 5) } : kind === 'nps' ? { score: Math.floor(rnd() * 11) } : {}),
    });
  }
  const contacts: Contact[] = [];
  for (let k = 0; k < 60_000; k++) contacts.push({ id: `P${k}`, customerId: `C${pick()}`, name: `Person ${k}`, isDecisionMaker: rnd() < 0.3 });
  return { customers, transactions, interactions, feedback, contacts, actions: [] };
}
