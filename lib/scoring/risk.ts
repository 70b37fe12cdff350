/**
 * Churn risk 0–100: a base plus signed points per factor, each factor explainable on its own
 * ("why is this red?"). Factors: 1 − P(alive) from BG/NBD, contact gap vs the tier's revisit
 * cadence (any logged contact resets it), interaction trend (last 90 days vs the 90 before),
 * sentiment of recent interactions, CSAT/NPS detractor, open complaints, and decision-maker
 * coverage / single-threaded accounts. Each factor's points are scaled by its weight in
 * settings.riskWeights; base + Σ points = the score (clamped to 0–100).
 */
import type { Action, ScoreFactor } from '../schemas/domain';
import type { RiskBand, Tier } from '../schemas/enums';
import type { ScoringSettings } from '../schemas/settings';
import type { CustomerHistory } from './types';

/** Risk of a customer with no signal at all. */
export const RISK_BASE = 10;
/** Look-back of the "recent" window (trend, sentiment). */
export const RECENT_DAYS = 90;
/** Feedback older than this no longer counts as detractor / promoter. */
export const FEEDBACK_DAYS = 365;

/** Action kinds whose completion means someone talked to the customer. */
const CONTACT_KINDS: ReadonlySet<Action['kind']> = new Set([
  'revisit',
  'care-touch',
  'exec-sponsor',
  'service-recovery',
  'win-back',
  'onboard',
  'multi-thread',
  'cross-sell',
]);

/** yyyy-MM-dd (UTC) of an epoch-ms timestamp. */
export const isoOfMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * Days since 1970-01-01 of a yyyy-MM-dd date, read from char codes (the hot path of a 100k-
 * customer rescore; dates were validated on the way in). NaN when not shaped like a date.
 */
export function dayOf(iso: string): number {
  if (iso.length < 10) return Number.NaN;
  const y0 = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y0 >= 0 && y0 <= 9999)) return Number.NaN;
  // Howard Hinnant's days_from_civil
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

const isoCache = new Map<number, string>();
/** yyyy-MM-dd of a day number (memoised: a book spans a few thousand days). */
export function isoOfDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (isoCache.size < 200_000) isoCache.set(day, s);
  }
  return s;
}

/** The ISO date n days after `iso`. */
export const shiftDate = (iso: string, n: number): string => isoOfDay(dayOf(iso) + n);

export interface RelationshipSignals {
  /** Latest logged contact (interaction, or a done contact action), if any. */
  lastContact?: string;
  /** Days since lastContact (or since the customer became one when never contacted). */
  contactGapDays: number;
  contacted: boolean;
  interactionsRecent: number;
  interactionsPrevious: number;
  positive: number;
  negative: number;
  rated: number;
  latestCsat?: { score: number; date: string };
  latestNps?: { score: number; date: string };
  /** Complaints not yet followed by a positive interaction / feedback or a done service recovery. */
  openComplaints: number;
  oldestOpenComplaint?: string;
  decisionMakers: number;
  /** Distinct people the relationship runs through (contacts + interaction contacts, last year). */
  threads: number;
  /** Latest CSAT/NPS response of any kind. */
  lastSurvey?: string;
  /** Sentiment of the latest interaction (a recent contact that went badly is no comfort). */
  lastSentiment?: 'positive' | 'neutral' | 'negative';
  /** Latest interaction's open next step that is overdue. */
  overdueNextStep?: { text: string; due: string };
}

const PLAIN = /^[\x20-\x7e]*$/;
const fold = (s: string): string => (PLAIN.test(s) ? s : s.normalize('NFKC')).trim().toLowerCase();

interface Thresholds {
  asOf: string;
  asOfDay: number;
  recentAfter: string;
  previousAfter: string;
  threadsAfter: string;
}
let thresholdsMemo: Thresholds | undefined;
/** ISO "after" thresholds for an as-of date (string order is date order); memoised for a rescore's one asOf. */
function thresholdsFor(asOf: string): Thresholds {
  if (thresholdsMemo?.asOf !== asOf)
    thresholdsMemo = {
      asOf,
      asOfDay: dayOf(asOf),
      recentAfter: shiftDate(asOf, -RECENT_DAYS),
      previousAfter: shiftDate(asOf, -2 * RECENT_DAYS),
      threadsAfter: shiftDate(asOf, -FEEDBACK_DAYS - 1),
    };
  return thresholdsMemo;
}

const addThread = (threads: string[], who: string): void => {
  if (!threads.includes(who)) threads.push(who);
};

/** Everything risk and the playbook read from the relationship history, in one pass per table. */
export function relationshipSignals(h: CustomerHistory, asOf: string, firstSeen: string): RelationshipSignals {
  const { asOfDay, recentAfter, previousAfter, threadsAfter } = thresholdsFor(asOf);
  let lastContact: string | undefined;
  let interactionsRecent = 0;
  let interactionsPrevious = 0;
  let positive = 0;
  let negative = 0;
  let rated = 0;
  let lastPositive: string | undefined;
  let decisionMakers = 0;
  const threads: string[] = [];
  let dmNames: string[] | undefined;
  let latestInteraction: CustomerHistory['interactions'][number] | undefined;
  for (const c of h.contacts) {
    if (c.isDecisionMaker) decisionMakers++;
    addThread(threads, fold(c.name));
  }
  for (const i of h.interactions) {
    const date = i.date;
    if (date > asOf) continue;
    if (latestInteraction === undefined || date >= latestInteraction.date) latestInteraction = i;
    const sentiment = i.sentiment;
    if (date > recentAfter) {
      interactionsRecent++;
      if (sentiment !== undefined) {
        rated++;
        if (sentiment === 'positive') positive++;
        else if (sentiment === 'negative') negative++;
      }
    } else if (date > previousAfter) interactionsPrevious++;
    if (sentiment === 'positive' && (lastPositive === undefined || date > lastPositive)) lastPositive = date;
    if (i.contact && date > threadsAfter) {
      const who = fold(i.contact);
      addThread(threads, who);
      if (i.contactIsDecisionMaker) addThread((dmNames ??= []), who);
    }
  }
  if (latestInteraction !== undefined) lastContact = latestInteraction.date;
  if (dmNames) for (const n of dmNames) if (!h.contacts.some((c) => c.isDecisionMaker && fold(c.name) === n)) decisionMakers++;
  let lastRecovery: string | undefined;
  for (const a of h.actions) {
    if (a.status !== 'done') continue;
    const d = isoOfMs(a.updatedAt);
    const when = d > asOf ? asOf : d;
    if (CONTACT_KINDS.has(a.kind) && (lastContact === undefined || when > lastContact)) lastContact = when;
    if (a.kind === 'service-recovery' && (lastRecovery === undefined || when > lastRecovery)) lastRecovery = when;
  }
  let latestCsat: RelationshipSignals['latestCsat'];
  let latestNps: RelationshipSignals['latestNps'];
  let lastSurvey: string | undefined;
  let complaints: string[] | undefined;
  for (const f of h.feedback) {
    if (f.date > asOf) continue;
    if (f.kind === 'complaint') (complaints ??= []).push(f.date);
    else if (f.score !== undefined) {
      if (lastSurvey === undefined || f.date > lastSurvey) lastSurvey = f.date;
      if (f.kind === 'csat' && (!latestCsat || f.date >= latestCsat.date)) latestCsat = { score: f.score, date: f.date };
      if (f.kind === 'nps' && (!latestNps || f.date >= latestNps.date)) latestNps = { score: f.score, date: f.date };
      const good = (f.kind === 'csat' && f.score >= 4) || (f.kind === 'nps' && f.score >= 9);
      if (good && (lastPositive === undefined || f.date > lastPositive)) lastPositive = f.date;
    }
  }
  // A complaint is closed by a later positive interaction/feedback or a completed service recovery
  // (a same-day positive note does not close it: the complaint may have been logged after it).
  let closedUpTo = lastPositive;
  if (lastRecovery !== undefined && (closedUpTo === undefined || lastRecovery > closedUpTo)) closedUpTo = lastRecovery;
  let openComplaints = 0;
  let oldestOpenComplaint: string | undefined;
  if (complaints)
    for (const d of complaints) {
      if (closedUpTo !== undefined && closedUpTo > d) continue;
      openComplaints++;
      if (oldestOpenComplaint === undefined || d < oldestOpenComplaint) oldestOpenComplaint = d;
    }
  const overdue =
    latestInteraction?.nextStep && latestInteraction.nextStepDue && latestInteraction.nextStepDue < asOf
      ? { text: latestInteraction.nextStep, due: latestInteraction.nextStepDue }
      : undefined;
  return {
    lastContact,
    contactGapDays: Math.max(0, asOfDay - dayOf(lastContact ?? firstSeen)),
    contacted: lastContact !== undefined,
    interactionsRecent,
    interactionsPrevious,
    positive,
    negative,
    rated,
    latestCsat,
    latestNps,
    openComplaints,
    oldestOpenComplaint,
    decisionMakers,
    threads: threads.length,
    lastSurvey,
    overdueNextStep: overdue,
    lastSentiment: latestInteraction?.sentiment,
  };
}

export interface RiskInput {
  signals: RelationshipSignals;
  /** P(alive); `null` when it says nothing (no purchase yet). */
  pAlive: number | null;
  tier: Tier;
  asOf: string;
}

export interface RiskResult {
  score: number;
  band: RiskBand;
  /** Base points before factors. */
  base: number;
  /** Every non-zero factor, largest |points| first. */
  factors: ScoreFactor[];
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

function addFactor(factors: ScoreFactor[], id: string, weight: number, points: number, params?: ScoreFactor['params']): void {
  const p = round1(weight * points);
  if (p !== 0) factors.push(params ? { id, points: p, params } : { id, points: p });
}

export function riskBand(score: number, bands: ScoringSettings['riskBands']): RiskBand {
  if (score >= bands.high) return 'high';
  if (score >= bands.medium) return 'medium';
  return 'low';
}

/** Key accounts (Platinum, Gold) need more than one thread; Iron less so; Lead not at all. */
const coverageScale: Record<Tier, number> = { platinum: 1, gold: 1, iron: 0.5, lead: 0 };

export function churnRisk(input: RiskInput, settings: ScoringSettings): RiskResult {
  const w = settings.riskWeights;
  const s = input.signals;
  const factors: ScoreFactor[] = [];

  if (input.pAlive !== null) {
    const pct = Math.round(input.pAlive * 100);
    addFactor(factors, 'p-alive', w.pAlive, 35 * (1 - input.pAlive), { pAlive: pct });
  }

  const cadence = settings.revisitCadenceDays[input.tier];
  const ratio = s.contactGapDays / cadence;
  if (ratio > 1)
    addFactor(factors, s.contacted ? 'contact-gap' : 'never-contacted', w.contactGap, Math.min(25, 12.5 * (ratio - 1)), { days: s.contactGapDays, cadence });
  else if (s.contacted && ratio <= 0.5 && s.lastSentiment !== 'negative')
    addFactor(factors, 'recent-contact', w.contactGap, -5, { days: s.contactGapDays, cadence });

  const prev = s.interactionsPrevious;
  const recent = s.interactionsRecent;
  if (prev >= 2 && recent < prev) addFactor(factors, 'interaction-decline', w.interactionTrend, 15 * (1 - recent / prev), { recent, previous: prev });
  else if (recent >= 2 && recent > prev)
    addFactor(factors, 'interaction-rise', w.interactionTrend, -5 * Math.min(1, (recent - prev) / Math.max(prev, 1)), { recent, previous: prev });

  if (s.rated > 0) {
    const balance = (s.negative - s.positive) / s.rated;
    if (balance > 0) addFactor(factors, 'negative-sentiment', w.sentiment, 12 * balance, { negative: s.negative, rated: s.rated });
    else if (balance < 0) addFactor(factors, 'positive-sentiment', w.sentiment, 12 * balance, { positive: s.positive, rated: s.rated });
  }

  const freshAfter = thresholdsFor(input.asOf).threadsAfter;
  const csat = s.latestCsat && s.latestCsat.date > freshAfter ? s.latestCsat : undefined;
  const nps = s.latestNps && s.latestNps.date > freshAfter ? s.latestNps : undefined;
  let detractor: { points: number; kind: string; score: number } | undefined;
  let promoter = false;
  if (csat) {
    if (csat.score <= 2) detractor = { points: csat.score === 1 ? 15 : 10, kind: 'CSAT', score: csat.score };
    else if (csat.score === 5) promoter = true;
  }
  if (nps) {
    const points = 8 + (6 - nps.score) * (7 / 6);
    if (nps.score <= 6 && (!detractor || points > detractor.points)) detractor = { points, kind: 'NPS', score: nps.score };
    else if (nps.score >= 9) promoter = true;
  }
  if (detractor) addFactor(factors, 'detractor', w.detractor, detractor.points, { kind: detractor.kind, score: detractor.score });
  else if (promoter) addFactor(factors, 'promoter', w.detractor, -5);

  // repeated complaints escalate: 20, 27.5, 35 (cap)
  if (s.openComplaints > 0)
    addFactor(factors, 'open-complaints', w.complaints, Math.min(35, 20 + 7.5 * (s.openComplaints - 1)), {
      count: s.openComplaints,
      since: s.oldestOpenComplaint ?? '',
    });

  const scale = coverageScale[input.tier];
  if (scale > 0) {
    if (s.threads <= 1) addFactor(factors, 'single-threaded', w.coverage, 10 * scale, { threads: s.threads });
    if (s.decisionMakers === 0) addFactor(factors, 'no-decision-maker', w.coverage, 8 * scale);
  }

  factors.sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.id.localeCompare(b.id));
  const raw = RISK_BASE + factors.reduce((sum, f) => sum + f.points, 0);
  const score = Math.min(100, Math.max(0, round1(raw)));
  return { score, band: riskBand(score, settings.riskBands), base: RISK_BASE, factors };
}
