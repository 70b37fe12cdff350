/**
 * npm run sample:csv [-- DIR]: the sample book as canonical CSV files (docs/import.md
 * headers), to try the options page import or the score CLI with real-looking files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toCsv } from '../lib/export/csv';
import { generateSampleBook } from '../lib/sample/generate';

const dir = path.resolve(process.argv[2] ?? 'demo-output/sample-csv');
mkdirSync(dir, { recursive: true });
const book = generateSampleBook();
const contactsBy = new Map<string, string>();
for (const c of book.contacts) if (c.email && !contactsBy.has(c.customerId)) contactsBy.set(c.customerId, c.email);

const files: [string, string][] = [
  [
    'customers.csv',
    toCsv(
      ['customer_id', 'name', 'domain', 'email', 'segment', 'owner', 'crm', 'crm_record_id', 'created_at'],
      book.customers.map((c) => [c.id, c.name, c.domain, contactsBy.get(c.id), c.segment, c.owner, c.crmRefs[0]?.crm, c.crmRefs[0]?.id, c.createdAt]),
    ),
  ],
  [
    'transactions.csv',
    toCsv(
      ['customer_id', 'date', 'amount', 'currency', 'product', 'order_id'],
      book.transactions.map((t) => [t.customerId, t.date, t.amount, t.currency, t.product, t.orderId]),
    ),
  ],
  [
    'interactions.csv',
    toCsv(
      ['customer_id', 'date', 'channel', 'direction', 'summary', 'sentiment', 'contact', 'next_step', 'next_step_due'],
      book.interactions.map((i) => [i.customerId, i.date, i.channel, i.direction, i.summary, i.sentiment, i.contact, i.nextStep, i.nextStepDue]),
    ),
  ],
  [
    'feedback.csv',
    toCsv(
      ['customer_id', 'date', 'kind', 'score', 'comment'],
      book.feedback.map((f) => [f.customerId, f.date, f.kind, f.score, f.comment]),
    ),
  ],
];
for (const [name, csv] of files) {
  writeFileSync(path.join(dir, name), csv);
  console.log(`${path.relative(process.cwd(), path.join(dir, name))}: ${csv.split('\r\n').length - 2} rows`);
}
