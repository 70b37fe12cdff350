/**
 * The sync benchmark's book, in canonical rows for seeding a CRM mock: `accounts` customers,
 * `deals` won deals and `activities` done calls and meetings, spread over 1,000 days from
 * 2024-01-01 and over every account (deals round-robin, activities by a stride of 13).
 */
import type { Customer, Interaction, Transaction } from '../../../lib/schemas/domain';

const day = (i: number): string => new Date(Date.UTC(2024, 0, 1) + (i % 1000) * 86_400_000).toISOString().slice(0, 10);

export function syncBenchBook(size: { accounts: number; deals: number; activities: number }) {
  const customers: Customer[] = Array.from({ length: size.accounts }, (_, i) => ({
    id: `C${i}`,
    name: `Account ${i}`,
    emails: [],
    createdAt: '2023-01-01',
    crmRefs: [],
  }));
  const transactions: Transaction[] = Array.from({ length: size.deals }, (_, i) => ({
    id: `T${i}`,
    customerId: `C${i % size.accounts}`,
    date: day(i * 7),
    amount: 100 + (i % 50) * 10,
    currency: 'EUR',
  }));
  const interactions: Interaction[] = Array.from({ length: size.activities }, (_, i) => ({
    id: `I${i}`,
    customerId: `C${(i * 13) % size.accounts}`,
    date: day(i * 3),
    channel: i % 2 ? 'call' : 'meeting',
    summary: `Activity ${i}`,
  }));
  return { customers, transactions, interactions };
}
