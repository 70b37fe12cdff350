/**
 * A deterministic, realistic B2B book for the demo, the e2e tests and the benchmarks:
 * a few thousand customers over three years up to `asOf`, with purchase rhythms, refunds,
 * interactions on every channel, contacts and decision makers, CSAT / NPS / complaints, CRM
 * record ids, and the six story customers of stories.ts scripted so their scores tell their
 * story. Same seed and asOf → the same book, byte for byte. Pure: no clock, no Math.random.
 */
import { addDays } from '../clock';
import type { Contact, Customer, Feedback, Goal, Interaction, Transaction } from '../schemas/domain';
import { CHANNELS, CRM_IDS, type Channel, type Sentiment } from '../schemas/enums';
import { crmRecordId } from './crm-ids';
import * as W from './names';
import { createRng, type Rng } from './prng';
import { SAMPLE_AS_OF, STORIES, type Story } from './stories';
import { SAMPLE_GENERATED } from './size';
import { SAMPLE_GOAL_TITLES, type SampleGoalId } from './goal-titles';
import type { Locale } from '../i18n';

export interface SampleBook {
  customers: Customer[];
  contacts: Contact[];
  transactions: Transaction[];
  interactions: Interaction[];
  feedback: Feedback[];
  goals: Goal[];
}

export interface SampleOptions {
  seed?: number;
  /** Generic customers besides the six stories. */
  customers?: number;
  /** The book's "today": every date is at or before it. */
  asOf?: string;
  /** The language the goal names are written in (default English). */
  locale?: Locale;
}

const YEARS = 3;
/** Buying rhythms: every few weeks, every quarter, or now and then. */
type Archetype = 'steady' | 'quarterly' | 'adhoc';
const ARCHETYPES: readonly [Archetype, number][] = [
  ['steady', 0.45],
  ['quarterly', 0.27],
  ['adhoc', 0.28],
];
/** Weekly chance that a customer with nothing wrong stops buying for good. */
const BASE_LAPSE = 0.0005;

/** Accumulates rows with stable, sequential ids. */
class BookBuilder {
  readonly book: SampleBook = { customers: [], contacts: [], transactions: [], interactions: [], feedback: [], goals: [] };
  private n = { t: 0, i: 0, f: 0, k: 0 };
  constructor(
    readonly rng: Rng,
    readonly asOf: string,
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

const weighted = <T>(rng: Rng, table: readonly [T, number][]): T => {
  let u = rng.next();
  for (const [v, w] of table) if ((u -= w) < 0) return v;
  return table[table.length - 1]![0];
};

const personName = (rng: Rng, zh: boolean): string =>
  zh ? `${rng.pick(W.ZH_SURNAMES)}${rng.pick(W.ZH_GIVEN)}` : `${rng.pick(W.EN_FIRST)} ${rng.pick(W.EN_LAST)}`;

const sentimentFor = (rng: Rng, mood: number): Sentiment => {
  const u = rng.next() + mood;
  return u > 0.75 ? 'positive' : u > 0.15 ? 'neutral' : 'negative';
};

/**
 * One generic customer, simulated week by week from their first order: orders at their rhythm,
 * conversations with their contacts, the odd CSAT / NPS answer — and a churn process with causes.
 * A complaint left unresolved, a run of bad conversations, no decision-maker among the contacts or
 * a relationship through one person each raise the weekly chance of lapsing (no more orders;
 * the conversations fade out). Customers join evenly over three years, so the book's past looks
 * like its present and the risk model can learn from it. See docs/sample-data.md.
 */
function genericCustomer(b: BookBuilder, index: number, usedNames: Set<string>): void {
  const { rng, asOf } = b;
  const zh = rng.chance(0.25);
  let name = zh ? `${rng.pick(W.ZH_CITIES)}${rng.pick(W.ZH_CORES)}${rng.pick(W.ZH_TRADES)}有限公司` : `${rng.pick(W.EN_PREFIXES)} ${rng.pick(W.EN_SUFFIXES)}`;
  if (usedNames.has(name)) name = zh ? name.replace('有限公司', `${index}号有限公司`) : `${name} ${index}`;
  usedNames.add(name);
  const id = `C-${2001 + index}`;
  const domain = `c${2001 + index}.example`;
  const kind = weighted(rng, ARCHETYPES);
  const ageDays = rng.int(5, YEARS * 365);
  const created = addDays(asOf, -ageDays);
  const size = rng.lognormal(7.4, 0.95);
  const cadence = kind === 'quarterly' ? 90 : kind === 'adhoc' ? 150 : rng.pick([21, 30, 45]);

  const primary = CRM_IDS[index % CRM_IDS.length]!;
  const crms = rng.chance(0.2) ? [primary, CRM_IDS[(index + 3) % CRM_IDS.length]!] : [primary];
  b.book.customers.push({
    id,
    name,
    domain,
    emails: [],
    segment: rng.pick(W.SEGMENTS),
    owner: rng.pick(W.OWNERS),
    createdAt: created,
    crmRefs: crms.map((crm) => ({ crm, objectType: 'account' as const, id: crmRecordId(crm, index, rng) })),
  });

  const contacts = Array.from({ length: rng.int(1, 4) }, (_, k) => {
    const dm = k === 0 ? rng.chance(0.55) : rng.chance(0.3);
    return b.contact(id, personName(rng, zh), dm ? rng.pick(W.ROLES_DM) : rng.pick(W.ROLES_OTHER), dm, domain);
  });
  const coverage = (contacts.some((c) => c.isDecisionMaker) ? 1 : 2.5) * (contacts.length > 1 ? 1 : 2);
  const mood = rng.normal(0, 0.2);
  const touchEvery = size > 3000 ? 20 : 40;

  let nextOrder = created;
  let nextTouch = addDays(created, rng.int(0, 10));
  let lapsed: string | undefined;
  let complaintOpenUntil = '';
  let bad = 0;
  for (let week = created; week <= asOf; week = addDays(week, 7)) {
    const weekEnd = addDays(week, 6) < asOf ? addDays(week, 6) : asOf;
    if (!lapsed) {
      while (nextOrder <= weekEnd) {
        const amount = size * rng.lognormal(0, 0.35);
        b.purchase(id, nextOrder, amount, rng.pick(W.PRODUCTS));
        if (rng.chance(0.03)) {
          const refundOn = addDays(nextOrder, rng.int(3, 20));
          b.purchase(id, refundOn > asOf ? asOf : refundOn, -amount * rng.next());
        }
        const gap = kind === 'adhoc' ? rng.exp(cadence) : rng.normal(cadence, cadence * 0.25);
        nextOrder = addDays(nextOrder, Math.max(3, Math.round(gap)));
      }
      if (rng.chance(1 / 100)) {
        // a complaint: half are put right within days (a good follow-up), half linger
        const when = addDays(week, rng.int(0, 6)) > asOf ? asOf : addDays(week, rng.int(0, 6));
        b.feedback(id, when, 'complaint', undefined, 'Late delivery and no update from support');
        b.interaction(id, when, 'call', 'negative', 'Complaint about a late delivery', { direction: 'inbound' });
        bad += 1;
        if (rng.chance(0.5)) {
          const fixed = addDays(when, rng.int(2, 8));
          if (fixed <= asOf) b.interaction(id, fixed, 'call', 'positive', 'Delivery fixed, customer thanked us', { contact: contacts[0]!.name });
        } else complaintOpenUntil = addDays(when, 90);
      }
    }
    const fading = lapsed !== undefined && week > addDays(lapsed, 60);
    while (nextTouch <= weekEnd && !fading) {
      const s = sentimentFor(rng, mood - 0.25 * Math.min(2, bad) - (lapsed ? 0.3 : 0));
      if (s === 'negative') bad += 1;
      else if (s === 'positive') bad = Math.max(0, bad - 1);
      const who = rng.pick(contacts);
      const nearEnd = nextTouch > addDays(asOf, -20);
      b.interaction(id, nextTouch, weighted(rng, CHANNEL_WEIGHTS), s, rng.pick(W.NOTES[s]), {
        contact: who.name,
        contactIsDecisionMaker: who.isDecisionMaker,
        ...(nearEnd && !lapsed && rng.chance(0.5) ? { nextStep: 'Send proposal', nextStepDue: addDays(asOf, rng.int(1, 21)) } : {}),
      });
      if (rng.chance(0.12)) b.feedback(id, nextTouch, 'csat', Math.min(5, Math.max(1, Math.round(rng.normal(4.1 + mood - 0.5 * Math.min(2, bad), 0.8)))));
      nextTouch = addDays(nextTouch, Math.max(2, Math.round(rng.exp(lapsed ? 3 * touchEvery : touchEvery))));
    }
    bad *= 0.85;
    if (!lapsed) {
      const hazard = BASE_LAPSE * (kind === 'adhoc' ? 2 : 1) * coverage * (week < complaintOpenUntil ? 15 : 1) * (1 + 2 * Math.min(3, bad));
      if (rng.chance(hazard)) lapsed = weekEnd;
    }
  }
  if (rng.chance(0.45)) {
    const surveyed = addDays(asOf, -rng.int(10, 300));
    const score = Math.round(rng.normal(8 + 2 * mood - (lapsed ? 2.5 : 0), 1.8));
    b.feedback(id, surveyed < created ? asOf : surveyed, 'nps', Math.min(10, Math.max(0, score)));
  }
}

const CHANNEL_WEIGHTS: readonly [Channel, number][] = [
  ['email', 0.38],
  ['call', 0.27],
  ['meeting', 0.15],
  ['visit', 0.07],
  ['chat', 0.1],
  ['other', 0.03],
];

/** Scripted histories: each story's data is built so its scores tell that story. */
function storyCustomer(b: BookBuilder, s: Story): void {
  const { rng, asOf } = b;
  const ago = (days: number): string => addDays(asOf, -days);
  const zh = /[\u4e00-\u9fff]/.test(s.name);
  b.book.customers.push({
    id: s.customerId,
    name: s.name,
    domain: s.domain,
    emails: [],
    segment: 'Key accounts',
    owner: zh ? '李娜' : 'Alex Kim',
    createdAt: ago(s.story === 'new-customer' ? 25 : YEARS * 365),
    crmRefs: CRM_IDS.map((crm) => ({ crm, objectType: 'account' as const, id: s.crmIds[crm] })),
  });
  const c = (name: string, role: string, dm: boolean): Contact => b.contact(s.customerId, name, role, dm, s.domain);
  const touch = (days: number, sentiment: Sentiment, who: Contact, summary: string, channel: Channel = rng.pick(CHANNELS)): void =>
    b.interaction(s.customerId, ago(days), channel, sentiment, summary, { contact: who.name, contactIsDecisionMaker: who.isDecisionMaker });
  const buyEvery = (from: number, to: number, every: number, amount: number): void => {
    for (let d = from; d >= to; d -= Math.max(5, Math.round(rng.normal(every, every * 0.15))))
      b.purchase(s.customerId, ago(d), amount * rng.lognormal(0, 0.2), rng.pick(W.PRODUCTS));
  };

  switch (s.story) {
    case 'loyal-key-account': {
      const ceo = c('Margaret Chen', 'CEO', true);
      const ops = c('Tom Baker', 'VP Operations', true);
      const buyer = c('Lucy Ward', 'Buyer', false);
      buyEvery(YEARS * 365, 6, 21, 28_000);
      for (let d = YEARS * 365; d >= 3; d -= rng.int(7, 12))
        touch(d, rng.chance(0.8) ? 'positive' : 'neutral', rng.pick([ceo, ops, buyer]), rng.pick(W.NOTES.positive));
      b.feedback(s.customerId, ago(40), 'nps', 10);
      b.feedback(s.customerId, ago(15), 'csat', 5);
      break;
    }
    case 'big-account-going-quiet': {
      const vp = c('Robert Hale', 'VP Procurement', true);
      const pm = c('Nina Ortiz', 'Project Lead', false);
      buyEvery(YEARS * 365, 150, 25, 36_000);
      for (let d = YEARS * 365; d >= 95; d -= d > 270 ? rng.int(10, 16) : rng.int(30, 50))
        touch(
          d,
          d > 200 ? 'positive' : rng.pick(['neutral', 'negative'] as const),
          rng.pick([vp, pm]),
          d > 200 ? rng.pick(W.NOTES.positive) : 'Mentioned a competitor offer',
        );
      b.feedback(s.customerId, ago(120), 'nps', 6);
      break;
    }
    case 'complainer': {
      const cto = c('Bill Lumbergh', 'CTO', true);
      const it = c('Peter Gibbons', 'IT Manager', false);
      buyEvery(2 * 365, 12, 35, 4_200);
      for (let d = 2 * 365; d >= 75; d -= rng.int(14, 24)) touch(d, rng.pick(['neutral', 'positive'] as const), rng.pick([cto, it]), rng.pick(W.NOTES.neutral));
      touch(40, 'negative', it, 'Invoice dispute: billed twice', 'email');
      touch(21, 'negative', it, 'Outage not resolved for three days', 'call');
      touch(8, 'negative', cto, 'Escalated: threatens to review the contract', 'meeting');
      touch(3, 'negative', it, 'Asked for a service credit', 'email');
      b.feedback(s.customerId, ago(40), 'complaint', undefined, 'Billed twice for the same order');
      b.feedback(s.customerId, ago(20), 'complaint', undefined, 'Outage not resolved for three days');
      b.feedback(s.customerId, ago(9), 'complaint', undefined, 'Second escalation, still no root cause');
      b.feedback(s.customerId, ago(10), 'nps', 2);
      b.feedback(s.customerId, ago(10), 'csat', 1);
      break;
    }
    case 'new-customer': {
      const coo = c('Alice Abernathy', 'COO', true);
      b.purchase(s.customerId, ago(20), 3_000, 'Platform licence');
      touch(24, 'positive', coo, 'Signed the first order', 'meeting');
      touch(6, 'positive', coo, 'Kick-off call scheduled', 'call');
      break;
    }
    case 'single-threaded-key-account': {
      // Everything goes through one person: if 王芳 leaves, the relationship leaves with her.
      const wang = c('王芳', '采购总监', true);
      buyEvery(YEARS * 365, 10, 32, 4_500);
      for (let d = YEARS * 365; d >= 55; d -= rng.int(18, 30))
        touch(d, rng.chance(0.3) ? 'positive' : 'neutral', wang, rng.pick(['例行回访', '确认下季度订单', '对新功能很满意']));
      b.feedback(s.customerId, ago(60), 'csat', 4);
      break;
    }
    case 'negative-value': {
      const fin = c('Howard Stark', 'CFO', true);
      for (const [d, amount] of [
        [400, 4_000],
        [300, 3_500],
        [200, 3_000],
        [120, 2_500],
        [60, 2_000],
      ] as const) {
        b.purchase(s.customerId, ago(d), amount, 'Hardware kit');
        b.purchase(s.customerId, ago(d - 10), -amount * 1.4, 'Hardware kit');
      }
      for (let d = 400; d >= 30; d -= rng.int(25, 45)) touch(d, 'negative', fin, 'Returned goods, asked for credit', 'email');
      touch(25, 'negative', fin, 'Disputes the restocking fee', 'call');
      b.feedback(s.customerId, ago(25), 'nps', 4);
      break;
    }
  }
}

function quarterGoals(asOf: string, locale: Locale): Goal[] {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const q0 = Math.floor((m - 1) / 3) * 3 + 1;
  const start = `${y}-${String(q0).padStart(2, '0')}-01`;
  const end = q0 === 10 ? `${y + 1}-01-01` : `${y}-${String(q0 + 3).padStart(2, '0')}-01`;
  const goal = (
    id: SampleGoalId,
    category: Goal['category'],
    metric: Goal['metric'],
    baseline: number,
    target: number,
    scope: Goal['scope'] = { kind: 'all' },
  ): Goal => ({
    id,
    name: SAMPLE_GOAL_TITLES[locale][id],
    category,
    metric,
    target,
    baseline,
    periodStart: start,
    periodEnd: end,
    scope,
    archived: false,
    createdAt: Date.parse(`${start}T09:00:00Z`),
  });
  return [
    goal('G-satisfaction', 'satisfaction', 'csat', 82, 90),
    goal('G-retention', 'loyalty', 'retention', 78, 85),
    goal('G-new', 'new-customers', 'new-customers', 30, 33),
    goal('G-repurchase', 'value-add', 'repurchase-rate', 50, 60, { kind: 'tier', tier: 'gold' }),
    goal('G-depth', 'relationship-depth', 'interaction-frequency', 1.5, 2, { kind: 'tier', tier: 'platinum' }),
  ];
}

export function generateSampleBook(opts: SampleOptions = {}): SampleBook {
  const asOf = opts.asOf ?? SAMPLE_AS_OF;
  const b = new BookBuilder(createRng(opts.seed ?? 20261120), asOf);
  for (const s of STORIES) storyCustomer(b, s);
  const used = new Set(STORIES.map((s) => s.name));
  for (let i = 0; i < (opts.customers ?? SAMPLE_GENERATED); i++) genericCustomer(b, i, used);
  b.book.goals.push(...quarterGoals(asOf, opts.locale ?? 'en'));
  return b.book;
}
