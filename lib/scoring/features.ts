/**
 * The churn-risk model's features: what one customer's purchase history, modelled value and
 * relationship signals say as of a day, as a fixed-order vector of plain numbers (NaN = not
 * defined for this customer, e.g. recency of someone who never bought; the model reads it as
 * "average"). Each feature belongs to a factor: the reason shown to the user is the factor's
 * summed contribution, worded from the factor's params. See docs/scoring.md.
 */
import type { ScoreFactor } from '../schemas/domain';
import type { Tier } from '../schemas/values';
import type { RelationshipSignals } from './signals';
import type { CustomerStats } from './stats';
import type { CustomerValue } from './value';
import { thresholdsFor } from './signals';

/** Factor ids: one user-facing reason each (worded per state in `factorOf`). */
export type FactorGroup =
  | 'never-bought'
  | 'recency'
  | 'frequency'
  | 'tenure'
  | 'purchase-pattern'
  | 'purchase-trend'
  | 'spend-trend'
  | 'contact-gap'
  | 'interaction-trend'
  | 'sentiment'
  | 'last-negative'
  | 'survey'
  | 'open-complaints'
  | 'recent-complaints'
  | 'no-decision-maker'
  | 'single-threaded'
  | 'overdue-next-step';

/** Feature ids in vector order, each with its factor. */
export const RISK_FEATURES = [
  ['never-bought', 'never-bought'],
  ['log-recency', 'recency'],
  ['recency-vs-own-gap', 'recency'],
  ['log-frequency', 'frequency'],
  ['log-tenure', 'tenure'],
  ['p-alive', 'purchase-pattern'],
  ['quiet-logit', 'purchase-pattern'],
  ['log-expected', 'purchase-pattern'],
  ['recent-purchases', 'purchase-trend'],
  ['purchase-trend', 'purchase-trend'],
  ['spend-trend', 'spend-trend'],
  ['contact-gap', 'contact-gap'],
  ['never-contacted', 'contact-gap'],
  ['recent-interactions', 'interaction-trend'],
  ['interaction-trend', 'interaction-trend'],
  ['sentiment-balance', 'sentiment'],
  ['last-negative', 'last-negative'],
  ['detractor', 'survey'],
  ['promoter', 'survey'],
  ['open-complaints', 'open-complaints'],
  ['recent-complaints', 'recent-complaints'],
  ['no-decision-maker', 'no-decision-maker'],
  ['single-threaded', 'single-threaded'],
  ['overdue-next-step', 'overdue-next-step'],
] as const satisfies readonly (readonly [string, FactorGroup])[];

export type RiskFeatureId = (typeof RISK_FEATURES)[number][0];

/**
 * Features whose "nothing to report" value is 0 (no complaint, no warning sign, no change): the
 * reference customer the reasons are measured from has 0 there, and the book's average elsewhere
 * (average purchase pattern and contact). So one open complaint always reads as adding risk, even
 * in a book where most customers have complained.
 */
export const ZERO_REFERENCE: ReadonlySet<RiskFeatureId> = new Set([
  'never-bought',
  'purchase-trend',
  'spend-trend',
  'never-contacted',
  'interaction-trend',
  'sentiment-balance',
  'last-negative',
  'detractor',
  'promoter',
  'open-complaints',
  'recent-complaints',
  'no-decision-maker',
  'single-threaded',
  'overdue-next-step',
]);
export const FEATURE_IDS: readonly RiskFeatureId[] = RISK_FEATURES.map(([id]) => id);
export const FEATURE_COUNT = RISK_FEATURES.length;
export const FEATURE_GROUPS: readonly FactorGroup[] = RISK_FEATURES.map(([, g]) => g);

/**
 * Which kinds of data the book has at all. A kind the book never recorded says nothing about any
 * customer (no interactions logged ≠ never contacted), so its features read as "average".
 */
export interface DataSources {
  interactions: boolean;
  feedback: boolean;
  /** Contacts, or interactions naming a contact. */
  contacts: boolean;
}

export const ALL_SOURCES: DataSources = { interactions: true, feedback: true, contacts: true };

/** Everything the features and the reasons of one customer are computed from. */
export interface RiskInputs {
  sources: DataSources;
  stats: CustomerStats;
  value: CustomerValue;
  signals: RelationshipSignals;
  tier: Tier;
  /** The tier's revisit cadence (days between contacts it expects). */
  cadenceDays: number;
  /** Days since the customer became one (first purchase or record creation). */
  tenureDays: number;
  asOf: string;
}

const logit = (p: number): number => {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
};

/** The feature vector (written into `out` at `offset`, FEATURE_COUNT values). */
export function riskFeatures(r: RiskInputs, out: Float64Array, offset = 0): void {
  const { stats: s, value: v, signals: g } = r;
  const bought = s.purchaseDays > 0;
  const na = Number.NaN;
  const cadence = r.cadenceDays;
  const fresh = thresholdsFor(r.asOf).threadsAfter;
  const csat = g.latestCsat && g.latestCsat.date > fresh ? g.latestCsat : undefined;
  const nps = g.latestNps && g.latestNps.date > fresh ? g.latestNps : undefined;
  const detractor = (csat !== undefined && csat.score <= 2) || (nps !== undefined && nps.score <= 6);
  const promoter = !detractor && ((csat !== undefined && csat.score === 5) || (nps !== undefined && nps.score >= 9));
  const ownGap = s.x > 0 ? Math.max(1, s.tx / s.x) : 0;
  // written in RISK_FEATURES order, straight into `out` (a rescore computes this 200k times)
  let o = offset;
  out[o++] = bought ? 0 : 1;
  out[o++] = bought ? Math.log1p(s.recencyDays) : na;
  out[o++] = bought && s.x > 0 ? Math.log1p(s.recencyDays / ownGap) : na;
  out[o++] = bought ? Math.log1p(s.x) : na;
  out[o++] = Math.log1p(Math.max(0, r.tenureDays));
  out[o++] = bought && v.pAlive !== null ? v.pAlive : na;
  out[o++] = bought ? logit(v.pNoPurchase) : na;
  out[o++] = bought ? Math.log1p(v.expectedInHorizon) : na;
  out[o++] = Math.log1p(s.recentPurchaseDays);
  out[o++] = Math.log1p(s.recentPurchaseDays) - Math.log1p(s.previousPurchaseDays);
  out[o++] = Math.log1p(Math.max(0, s.recentSpend)) - Math.log1p(Math.max(0, s.previousSpend));
  out[o++] = Math.log1p(g.contactGapDays / cadence);
  out[o++] = g.contacted ? 0 : 1;
  out[o++] = Math.log1p(g.interactionsRecent);
  out[o++] = Math.log1p(g.interactionsRecent) - Math.log1p(g.interactionsPrevious);
  out[o++] = g.rated > 0 ? (g.negative - g.positive) / g.rated : na;
  out[o++] = g.lastSentiment === 'negative' ? 1 : 0;
  out[o++] = detractor ? 1 : 0;
  out[o++] = promoter ? 1 : 0;
  out[o++] = Math.log1p(g.openComplaints);
  out[o++] = Math.log1p(g.complaintsRecent);
  out[o++] = g.decisionMakers === 0 ? 1 : 0;
  out[o++] = g.threads <= 1 ? 1 : 0;
  out[o++] = g.overdueNextStep ? 1 : 0;
  const src = r.sources;
  if (!src.interactions || !src.feedback || !src.contacts)
    for (let j = 0; j < FEATURE_COUNT; j++) {
      const from = SOURCE_BY_INDEX[j];
      if (from && !src[from]) out[offset + j] = na;
    }
}

/** The data kind each relationship feature comes from (purchase features need only transactions). */
const SOURCE_OF: Partial<Record<RiskFeatureId, keyof DataSources>> = {
  'contact-gap': 'interactions',
  'never-contacted': 'interactions',
  'recent-interactions': 'interactions',
  'interaction-trend': 'interactions',
  'sentiment-balance': 'interactions',
  'last-negative': 'interactions',
  'overdue-next-step': 'interactions',
  detractor: 'feedback',
  promoter: 'feedback',
  'open-complaints': 'feedback',
  'recent-complaints': 'feedback',
  'no-decision-maker': 'contacts',
  'single-threaded': 'contacts',
};
const SOURCE_BY_INDEX = FEATURE_IDS.map((id) => SOURCE_OF[id]);

/** What kinds of data a set of histories holds (rows up to asOf). */
export function dataSources(
  histories: readonly { interactions: readonly { date: string; contact?: string }[]; feedback: readonly { date: string }[]; contacts: readonly unknown[] }[],
  asOf: string,
): DataSources {
  const out = { interactions: false, feedback: false, contacts: false };
  for (const h of histories) {
    if (!out.interactions || !out.contacts)
      for (const i of h.interactions)
        if (i.date <= asOf) {
          out.interactions = true;
          if (i.contact) out.contacts = true;
        }
    if (!out.feedback) out.feedback = h.feedback.some((f) => f.date <= asOf);
    if (h.contacts.length > 0) out.contacts = true;
    if (out.interactions && out.feedback && out.contacts) break;
  }
  return out;
}

/** Every factor id `factorOf` can give (each has a sentence `factor.<id>` in the scoring catalog). */
export const FACTOR_IDS = [
  'never-bought',
  'recency',
  'frequency',
  'tenure',
  'p-alive',
  'purchase-trend',
  'spend-trend',
  'spend-new',
  'spend-none',
  'contact-gap',
  'never-contacted',
  'recent-contact',
  'interaction-decline',
  'interaction-rise',
  'interaction-steady',
  'negative-sentiment',
  'positive-sentiment',
  'last-negative',
  'detractor',
  'promoter',
  'open-complaints',
  'recent-complaints',
  'no-decision-maker',
  'single-threaded',
  'overdue-next-step',
] as const;

const factorWith = (id: string, points: number, params?: ScoreFactor['params']): ScoreFactor => (params ? { id, points, params } : { id, points });

/** The user-facing factor for a group's contribution: sentence id and its params. */
export function factorOf(group: FactorGroup, r: RiskInputs, points: number, horizonDays: number): ScoreFactor {
  const { stats: s, value: v, signals: g } = r;
  const f = factorWith;
  switch (group) {
    case 'never-bought':
      return f('never-bought', points);
    case 'recency':
      return f('recency', points, { days: s.recencyDays });
    case 'frequency':
      return f('frequency', points, { count: s.purchaseDays });
    case 'tenure':
      return f('tenure', points, { days: Math.max(0, Math.round(r.tenureDays)) });
    case 'purchase-pattern':
      return f('p-alive', points, { pAlive: Math.round((v.pAlive ?? 0) * 100) });
    case 'purchase-trend':
      return f('purchase-trend', points, { recent: s.recentPurchaseDays, previous: s.previousPurchaseDays, days: horizonDays });
    case 'spend-trend': {
      const prev = Math.max(0, s.previousSpend);
      const recent = Math.max(0, s.recentSpend);
      if (prev === 0) return f(recent > 0 ? 'spend-new' : 'spend-none', points, { days: horizonDays });
      return f('spend-trend', points, { pct: Math.max(-100, Math.min(999, Math.round((100 * (recent - prev)) / prev))), days: horizonDays });
    }
    case 'contact-gap':
      return f(!g.contacted ? 'never-contacted' : points > 0 ? 'contact-gap' : 'recent-contact', points, { days: g.contactGapDays, cadence: r.cadenceDays });
    case 'interaction-trend': {
      const id =
        g.interactionsRecent < g.interactionsPrevious
          ? 'interaction-decline'
          : g.interactionsRecent > g.interactionsPrevious
            ? 'interaction-rise'
            : 'interaction-steady';
      return f(id, points, { recent: g.interactionsRecent, previous: g.interactionsPrevious });
    }
    case 'sentiment':
      return g.negative >= g.positive
        ? f('negative-sentiment', points, { negative: g.negative, rated: g.rated })
        : f('positive-sentiment', points, { positive: g.positive, rated: g.rated });
    case 'last-negative':
      return f('last-negative', points);
    case 'survey': {
      const fresh = thresholdsFor(r.asOf).threadsAfter;
      const csat = g.latestCsat && g.latestCsat.date > fresh ? g.latestCsat : undefined;
      const nps = g.latestNps && g.latestNps.date > fresh ? g.latestNps : undefined;
      const bad = csat && csat.score <= 2 ? { kind: 'CSAT', score: csat.score } : nps && nps.score <= 6 ? { kind: 'NPS', score: nps.score } : undefined;
      return bad ? f('detractor', points, bad) : f('promoter', points);
    }
    case 'open-complaints':
      return f('open-complaints', points, { count: g.openComplaints, since: g.oldestOpenComplaint ?? '' });
    case 'recent-complaints':
      return f('recent-complaints', points, { count: g.complaintsRecent });
    case 'no-decision-maker':
      return f('no-decision-maker', points);
    case 'single-threaded':
      return f('single-threaded', points, { threads: g.threads });
    case 'overdue-next-step':
      return f('overdue-next-step', points, { due: g.overdueNextStep?.due ?? '' });
  }
}
