/**
 * A deterministic, realistic B2B book for the demo, the e2e tests and the benchmarks:
 * a few thousand customers over three years up to `asOf`, with purchase rhythms, refunds,
 * interactions on every channel, contacts and decision makers, CSAT / NPS / complaints, CRM
 * record ids, and the six story customers of stories.ts scripted so their scores tell their
 * story. Same seed and asOf → the same book, byte for byte. Pure: no clock, no Math.random.
 */
import { addDays } from '../clock';
import type { Goal } from '../schemas/domain';
import { CRM_IDS, type Channel, type Sentiment } from '../schemas/enums';
import { BookBuilder, YEARS, type SampleBook } from './book-builder';
import { crmRecordId } from './crm-ids';
import * as W from './names';
import { createRng, type Rng } from './prng';
import { SAMPLE_AS_OF, STORIES } from './stories';
import { storyCustomer } from './story-histories';
import { SAMPLE_GENERATED } from './size';
import { SAMPLE_GOAL_TITLES, type SampleGoalId } from './goal-titles';
import { SAMPLE_TEXTS } from './texts';
import type { Locale } from '../i18n';

export type { SampleBook } from './book-builder';

export interface SampleOptions {
  seed?: number;
  /** Generic customers besides the six stories. */
  customers?: number;
  /** The book's "today": every date is at or before it. */
  asOf?: string;
  /** The language the book's words (notes, roles, products, goal names) are written in (default English). */
  locale?: Locale;
}

/** Buying rhythms: every few weeks, every quarter, or now and then. */
type Archetype = 'steady' | 'quarterly' | 'adhoc';
const ARCHETYPES: readonly [Archetype, number][] = [
  ['steady', 0.45],
  ['quarterly', 0.27],
  ['adhoc', 0.28],
];
/** Weekly chance that a customer with nothing wrong stops buying for good. */
const BASE_LAPSE = 0.0005;

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
  const { rng, asOf, texts } = b;
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
    segment: rng.pick(texts.segments),
    owner: rng.pick(W.OWNERS),
    createdAt: created,
    crmRefs: crms.map((crm) => ({ crm, objectType: 'account' as const, id: crmRecordId(crm, index, rng) })),
  });

  const contacts = Array.from({ length: rng.int(1, 4) }, (_, k) => {
    const dm = k === 0 ? rng.chance(0.55) : rng.chance(0.3);
    return b.contact(id, personName(rng, zh), dm ? rng.pick(texts.rolesDm) : rng.pick(texts.rolesOther), dm, domain);
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
        b.purchase(id, nextOrder, amount, rng.pick(texts.products));
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
        b.feedback(id, when, 'complaint', undefined, texts.complaint.comment);
        b.interaction(id, when, 'call', 'negative', texts.complaint.call, { direction: 'inbound' });
        bad += 1;
        if (rng.chance(0.5)) {
          const fixed = addDays(when, rng.int(2, 8));
          if (fixed <= asOf) b.interaction(id, fixed, 'call', 'positive', texts.complaint.fixed, { contact: contacts[0]!.name });
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
      b.interaction(id, nextTouch, weighted(rng, CHANNEL_WEIGHTS), s, rng.pick(texts.notes[s]), {
        contact: who.name,
        contactIsDecisionMaker: who.isDecisionMaker,
        ...(nearEnd && !lapsed && rng.chance(0.5) ? { nextStep: texts.nextStep, nextStepDue: addDays(asOf, rng.int(1, 21)) } : {}),
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
  const locale = opts.locale ?? 'en';
  const b = new BookBuilder(createRng(opts.seed ?? 20261120), asOf, SAMPLE_TEXTS[locale]);
  for (const s of STORIES) storyCustomer(b, s);
  const used = new Set(STORIES.map((s) => s.name));
  for (let i = 0; i < (opts.customers ?? SAMPLE_GENERATED); i++) genericCustomer(b, i, used);
  b.book.goals.push(...quarterGoals(asOf, locale));
  return b.book;
}
