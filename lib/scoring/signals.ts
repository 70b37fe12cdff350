/**
 * What the relationship history says as of a day, in one pass per table: last contact and the
 * contact gap (any logged contact, or a done contact action, resets it), interaction trend (the
 * last 90 days vs the 90 before), sentiment, the latest CSAT / NPS, open complaints (closed by a
 * later positive interaction or feedback, or a done service recovery), decision-maker coverage and
 * the number of people the relationship runs through, and an overdue promised next step.
 * Rows dated after the day are ignored, so the same code gives the features of a past cut-off.
 */
import type { Action } from '../schemas/domain';
import { dayOf, isoOfMs, addDays } from '../clock';
import type { CustomerHistory } from './types';

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
  /** Complaints in the recent window, closed or not. */
  complaintsRecent: number;
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
const folded = new Map<string, string>();
/** A name folded for comparison (memoised: a rescore folds the same few names of each customer at two dates). */
function fold(s: string): string {
  let hit = folded.get(s);
  if (hit === undefined) {
    hit = (PLAIN.test(s) ? s : s.normalize('NFKC')).trim().toLowerCase();
    if (folded.size >= 50_000) folded.clear();
    folded.set(s, hit);
  }
  return hit;
}

interface Thresholds {
  asOf: string;
  asOfDay: number;
  /** The day after asOf: a UTC instant up to then is still "today" somewhere. */
  nextDay: string;
  recentAfter: string;
  previousAfter: string;
  threadsAfter: string;
}
let thresholdsMemo: Thresholds | undefined;
/** ISO "after" thresholds for an as-of date (string order is date order); memoised for a rescore's one asOf. */
export function thresholdsFor(asOf: string): Thresholds {
  if (thresholdsMemo?.asOf !== asOf)
    thresholdsMemo = {
      asOf,
      asOfDay: dayOf(asOf),
      nextDay: addDays(asOf, 1),
      recentAfter: addDays(asOf, -RECENT_DAYS),
      previousAfter: addDays(asOf, -2 * RECENT_DAYS),
      threadsAfter: addDays(asOf, -FEEDBACK_DAYS - 1),
    };
  return thresholdsMemo;
}

const addThread = (threads: string[], who: string): void => {
  if (!threads.includes(who)) threads.push(who);
};

/** Everything risk and the playbook read from the relationship history, in one pass per table. */
export function relationshipSignals(h: CustomerHistory, asOf: string, firstSeen: string): RelationshipSignals {
  const { asOfDay, nextDay, recentAfter, previousAfter, threadsAfter } = thresholdsFor(asOf);
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
    // updatedAt is a UTC instant: a day ahead of a local asOf is still "today"; later is the future
    if (d > nextDay) continue;
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
  let complaintsRecent = 0;
  if (complaints)
    for (const d of complaints) {
      if (d > recentAfter) complaintsRecent++;
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
    complaintsRecent,
    decisionMakers,
    threads: threads.length,
    lastSurvey,
    overdueNextStep: overdue,
    lastSentiment: latestInteraction?.sentiment,
  };
}
