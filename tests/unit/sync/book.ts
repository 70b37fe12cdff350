/**
 * A small canonical book the connector tests seed into each CRM mock, then read back through
 * the connector: four customers (one with a hostile name), contacts with a decision maker,
 * won deals, interactions on several channels and one complaint. Dates are fixed.
 */
import type { Contact, Customer, Feedback, Interaction, Transaction } from '../../../lib/schemas/domain';

export const HOSTILE_NAME = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=1</script>=HYPERLINK("http://x")';

const customer = (id: string, name: string, domain: string, segment: string, createdAt: string): Customer => ({
  id,
  name,
  domain,
  emails: [],
  segment,
  createdAt,
  crmRefs: [],
});

export const customers: Customer[] = [
  customer('C1', 'Northwind Traders', 'northwind.example', 'Retail', '2023-02-01'),
  customer('C2', 'Globex 华东', 'globex.example', 'Manufacturing', '2023-05-15'),
  customer('C3', HOSTILE_NAME, 'hostile.example', 'Technology', '2024-01-10'),
  customer('C4', 'Initech', 'initech.example', 'Energy', '2024-07-01'),
];

export const contacts: Contact[] = [
  { id: 'K1', customerId: 'C1', name: 'Anna Smith', role: 'CEO', email: 'anna@northwind.example', isDecisionMaker: true },
  { id: 'K2', customerId: 'C1', name: 'Ben Miller', role: 'Buyer', email: 'ben@northwind.example', isDecisionMaker: false },
  { id: 'K3', customerId: 'C2', name: '王 芳', role: 'CFO', email: 'fang@globex.example', isDecisionMaker: true },
];

export const transactions: Transaction[] = [
  { id: 'T1', customerId: 'C1', date: '2026-03-02', amount: 12500, currency: 'USD', product: 'Platform licence' },
  { id: 'T2', customerId: 'C1', date: '2026-09-14', amount: 4200.5, currency: 'USD', product: 'Support plan' },
  { id: 'T3', customerId: 'C2', date: '2026-06-30', amount: 88000, currency: 'CNY', product: 'Implementation' },
  { id: 'T4', customerId: 'C4', date: '2025-12-01', amount: 950, currency: 'USD', product: 'Training' },
];

export const interactions: Interaction[] = [
  { id: 'I1', customerId: 'C1', date: '2026-10-05', channel: 'call', direction: 'outbound', summary: 'Renewal check-in', contact: 'Anna Smith' },
  { id: 'I2', customerId: 'C1', date: '2026-10-20', channel: 'email', summary: 'Sent the Q4 price list' },
  { id: 'I3', customerId: 'C2', date: '2026-11-02', channel: 'meeting', summary: 'Quarterly business review' },
  { id: 'I4', customerId: 'C3', date: '2026-08-18', channel: 'call', direction: 'inbound', summary: '<b>bold</b> claim & "quotes"' },
];

export const feedback: Feedback[] = [{ id: 'F1', customerId: 'C2', date: '2026-09-01', kind: 'complaint', comment: 'Late delivery of the second batch' }];

export const book = { customers, contacts, transactions, interactions, feedback };
