/** The sample book under construction: rows with stable, sequential ids, the book's rng, today and words. */
import type { Contact, Customer, Feedback, Goal, Interaction, Transaction } from '../schemas/domain';
import type { Channel, Sentiment } from '../schemas/enums';
import type { Rng } from './prng';
import type { SampleTexts } from './texts';

export interface SampleBook {
  customers: Customer[];
  contacts: Contact[];
  transactions: Transaction[];
  interactions: Interaction[];
  feedback: Feedback[];
  goals: Goal[];
}

/** How far back the book goes. */
export const YEARS = 3;

/** Accumulates rows with stable, sequential ids. */
export class BookBuilder {
  readonly book: SampleBook = { customers: [], contacts: [], transactions: [], interactions: [], feedback: [], goals: [] };
  private n = { t: 0, i: 0, f: 0, k: 0 };
  constructor(
    readonly rng: Rng,
    readonly asOf: string,
    /** The book's words, in the language it is loaded in. */
    readonly texts: SampleTexts,
  ) {}

  purchase(customerId: string, date: string, amount: number, product?: string): void {
    const id = `T-${String(++this.n.t).padStart(7, '0')}`;
    this.book.transactions.push({ id, customerId, date, amount: Math.round(amount * 100) / 100, currency: 'USD', product, orderId: id });
  }

  interaction(customerId: string, date: string, channel: Channel, sentiment: Sentiment, summary: string, extra: Partial<Interaction> = {}): void {
    const id = `I-${String(++this.n.i).padStart(7, '0')}`;
    this.book.interactions.push({ id, customerId, date, channel, direction: this.rng.chance(0.7) ? 'outbound' : 'inbound', summary, sentiment, ...extra });
  }

  feedback(customerId: string, date: string, kind: Feedback['kind'], score?: number, comment?: string): void {
    const id = `F-${String(++this.n.f).padStart(7, '0')}`;
    this.book.feedback.push({ id, customerId, date, kind, ...(score === undefined ? {} : { score }), ...(comment ? { comment } : {}) });
  }

  contact(customerId: string, name: string, role: string, isDecisionMaker: boolean, domain: string): Contact {
    const id = `K-${String(++this.n.k).padStart(6, '0')}`;
    const local =
      name
        .toLowerCase()
        .replace(/[^a-z]+/g, '.')
        .replace(/^\.|\.$/g, '') || `contact${this.n.k}`;
    const c: Contact = { id, customerId, name, role, isDecisionMaker, email: `${local}@${domain}` };
    this.book.contacts.push(c);
    return c;
  }
}
