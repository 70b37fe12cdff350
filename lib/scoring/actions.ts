/**
 * Next best action: a ranked playbook. Each rule proposes an action kind with a reason (an
 * i18n key `reason.<kind>.<why>` plus params) and a due date; candidates are ranked by
 * base priority × tier × risk × the user's active goals × what the rep's own outcomes taught
 * (acceptance.ts; never below the safety floor of a high-risk key account). What the user did with
 * this customer's earlier recommendations feeds back too: a dismissed kind rests for 30 days (60,
 * 120… up to 180 after repeated dismissals), a snoozed one stays hidden until its snooze ends, and a
 * done one resets its cadence (a done revisit counts as a contact, see signals.ts). Every customer
 * gets at least one action: when nothing is due, the next planned touch (the revisit by its cadence).
 */
import type { Action, Goal, GoalScope, NextAction } from '../schemas/domain';
import type { AcceptanceModel } from './acceptance';
import type { DataSources } from './features';
import type { ActionKind, GoalCategory, Tier } from '../schemas/enums';
import type { ScoringSettings } from '../schemas/settings';
import { addDays, dayOf, isoOfMs } from '../clock';
import type { RiskResult } from './risk';
import type { RelationshipSignals } from './signals';

export interface PlaybookInput {
  customerId: string;
  segment?: string;
  tier: Tier;
  risk: RiskResult;
  signals: RelationshipSignals;
  /** null when the customer never bought (P(alive) says nothing). */
  pAlive: number | null;
  /** Tier value (CLV or spend proxy). */
  value: number;
  /** Net spend over the whole history (refunds subtracted). */
  netSpend: number;
  purchaseDays: number;
  firstPurchase?: string;
  /** When the customer became one: first purchase, else the record's creation date. */
  firstSeen: string;
  /** Book's median value above Lead ("real value" for win-back). */
  medianValue: number;
  actions: readonly Action[];
  goals: readonly Goal[];
  asOf: string;
  /** The rep's learnt acceptance per kind (absent: no learning yet). */
  acceptance?: AcceptanceModel;
  /** Kinds of data the book holds (absent: all). Rules never fire on data the book does not record. */
  sources?: DataSources;
}

/** Why an action ranks where it does: its priority is the product of these. */
export interface RankWhy {
  base: number;
  tier: number;
  risk: number;
  goal: number;
  /** The rep's own acceptance of this kind (1 before any decision). */
  learned: number;
  /** True when the safety floor kept learning from lowering it (a high-risk key account). */
  floor: boolean;
}

export interface RankedAction extends NextAction {
  priority: number;
  why: RankWhy;
}

/** Base priority of each rule before tier × risk × goals. */
const BASE: Record<ActionKind, number> = {
  'service-recovery': 90,
  'value-review': 85,
  'exec-sponsor': 80,
  'win-back': 75,
  onboard: 70,
  'multi-thread': 65,
  revisit: 50,
  'cross-sell': 45,
  survey: 30,
  'care-touch': 25,
};

/** A revisit coming up this week (not overdue yet) ranks below growth work. */
const REVISIT_UPCOMING = 35;

const TIER_WEIGHT: Record<Tier, number> = { platinum: 1.3, gold: 1.15, iron: 1, lead: 0.8 };

/** Kinds that protect a relationship gain with risk; growth kinds lose some. */
const PROTECTIVE: ReadonlySet<ActionKind> = new Set(['revisit', 'service-recovery', 'exec-sponsor', 'win-back', 'multi-thread', 'value-review']);

/** Which goal categories favour which kinds. */
export const GOAL_KINDS: Record<GoalCategory, readonly ActionKind[]> = {
  satisfaction: ['survey', 'service-recovery'],
  loyalty: ['revisit', 'win-back'],
  'new-customers': ['onboard'],
  'value-add': ['cross-sell'],
  'relationship-depth': ['multi-thread', 'exec-sponsor'],
};
export const GOAL_BOOST = 1.25;

/** Days a done action of each kind stays off the list (revisit: its cadence, via the contact). */
const DONE_COOLDOWN: Record<ActionKind, number> = {
  revisit: 0,
  survey: 90,
  'service-recovery': 7,
  'exec-sponsor': 60,
  'cross-sell': 60,
  'win-back': 60,
  'value-review': 90,
  'care-touch': 30,
  'multi-thread': 90,
  onboard: 3650,
};

export const DISMISS_REST_DAYS = 30;
export const DISMISS_REST_MAX_DAYS = 180;

/** Rest after the n-th dismissal of a kind: 30, 60, 120, then 180 days. */
export const dismissRestDays = (n: number): number => Math.min(DISMISS_REST_MAX_DAYS, DISMISS_REST_DAYS * 2 ** Math.max(0, n - 1));

const goalCovers = (scope: GoalScope, tier: Tier, segment?: string): boolean =>
  scope.kind === 'all' || (scope.kind === 'tier' ? scope.tier === tier : scope.segment === segment);

/** Active goals (not archived, period containing asOf, scope covering the customer) → boost per kind. */
const NO_BOOSTS: ReadonlyMap<ActionKind, number> = new Map();
const NOTHING_SUPPRESSED: ReadonlySet<ActionKind> = new Set();

export function goalBoosts(goals: readonly Goal[], asOf: string, tier: Tier, segment?: string): ReadonlyMap<ActionKind, number> {
  if (goals.length === 0) return NO_BOOSTS;
  const boost = new Map<ActionKind, number>();
  const categories = new Set<GoalCategory>();
  for (const g of goals) if (!g.archived && g.periodStart <= asOf && asOf < g.periodEnd && goalCovers(g.scope, tier, segment)) categories.add(g.category);
  for (const c of categories) for (const k of GOAL_KINDS[c]) boost.set(k, (boost.get(k) ?? 1) * GOAL_BOOST);
  return boost;
}

/** Kinds the user's feedback keeps off the list as of asOf (dismissed and resting, snoozed, recently done). */
export function suppressedKinds(actions: readonly Action[], asOf: string): ReadonlySet<ActionKind> {
  if (actions.length === 0) return NOTHING_SUPPRESSED;
  const out = new Set<ActionKind>();
  const dismissals = new Map<ActionKind, { n: number; last: string }>();
  for (const a of actions) {
    const day = isoOfMs(a.updatedAt);
    if (a.status === 'dismissed') {
      const d = dismissals.get(a.kind) ?? { n: 0, last: day };
      dismissals.set(a.kind, { n: d.n + 1, last: day > d.last ? day : d.last });
    } else if (a.status === 'snoozed') {
      if ((a.snoozedUntil ?? a.due) > asOf) out.add(a.kind);
    } else if (a.status === 'done' && DONE_COOLDOWN[a.kind] > 0 && addDays(day, DONE_COOLDOWN[a.kind]) > asOf) out.add(a.kind);
  }
  for (const [kind, d] of dismissals) if (addDays(d.last, dismissRestDays(d.n)) > asOf) out.add(kind);
  return out;
}

const later = (a: string, b: string): string => (a > b ? a : b);
/** Code-unit order (ISO dates and kind ids are ASCII; localeCompare is far slower). */
const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type Proposal = NextAction & { base: number };

function propose(out: Proposal[], kind: ActionKind, reason: string, due: string, params?: NextAction['params'], base = BASE[kind]): void {
  out.push(params ? { kind, reason, due, params, base } : { kind, reason, due, base });
}

export interface KindFeedback {
  open: number;
  done: number;
  dismissed: number;
  snoozed: number;
  /** done ÷ (done + dismissed); null before any decision. */
  acceptance: number | null;
}

/**
 * The feedback loop report: what users did with each kind of recommendation (history rows of
 * earlier decisions included), and the acceptance rate per kind.
 */
export function acceptanceByKind(actions: readonly Action[]): Record<ActionKind, KindFeedback> {
  const out = {} as Record<ActionKind, KindFeedback>;
  for (const kind of Object.keys(BASE) as ActionKind[]) out[kind] = { open: 0, done: 0, dismissed: 0, snoozed: 0, acceptance: null };
  for (const a of actions) out[a.kind][a.status]++;
  for (const f of Object.values(out)) f.acceptance = f.done + f.dismissed > 0 ? f.done / (f.done + f.dismissed) : null;
  return out;
}

/** Every action the playbook recommends now, best first. */
export function rankActions(p: PlaybookInput, settings: ScoringSettings): RankedAction[] {
  const s = p.signals;
  const asOf = p.asOf;
  const asOfDay = dayOf(asOf);
  const cadence = settings.revisitCadenceDays[p.tier];
  const key = p.tier === 'platinum' || p.tier === 'gold';
  const out: Proposal[] = [];

  // Service recovery: an open complaint, or a recent detractor score.
  const csatLow = s.latestCsat && asOfDay - dayOf(s.latestCsat.date) <= 90 && s.latestCsat.score <= 2 ? s.latestCsat : undefined;
  const npsLow = s.latestNps && asOfDay - dayOf(s.latestNps.date) <= 90 && s.latestNps.score <= 6 ? s.latestNps : undefined;
  if (s.openComplaints > 0 && s.oldestOpenComplaint) {
    // respond within two days of the complaint (service SOP); overdue shows as such
    propose(out, 'service-recovery', 'reason.service-recovery.complaint', addDays(s.oldestOpenComplaint, 2), {
      count: s.openComplaints,
      since: s.oldestOpenComplaint,
    });
  } else if (csatLow || npsLow) {
    const f = csatLow ? { kind: 'CSAT', score: csatLow.score, date: csatLow.date } : { kind: 'NPS', score: npsLow!.score, date: npsLow!.date };
    propose(out, 'service-recovery', 'reason.service-recovery.detractor', later(addDays(f.date, 2), asOf), { kind: f.kind, score: f.score });
  }

  // Value review: a customer who costs more than they bring (refunds, credits ≥ purchases).
  const hadBusiness = p.purchaseDays > 0 || p.netSpend !== 0;
  if (p.tier === 'lead' && hadBusiness && p.netSpend <= settings.tierThresholds.leadMaxValue)
    propose(out, 'value-review', 'reason.value-review.negative', addDays(asOf, 7), { netSpend: Math.round(p.netSpend) });

  // Executive sponsor: a key account at high risk, or a Platinum account with no decision-maker.
  const knowsContacts = p.sources?.contacts ?? true;
  const knowsInteractions = p.sources?.interactions ?? true;
  if (key && p.risk.band === 'high') propose(out, 'exec-sponsor', 'reason.exec-sponsor.key-at-risk', addDays(asOf, 3), { riskScore: Math.round(p.risk.score) });
  else if (knowsContacts && p.tier === 'platinum' && s.decisionMakers === 0)
    propose(out, 'exec-sponsor', 'reason.exec-sponsor.no-decision-maker', addDays(asOf, 14));

  // Win-back: lapsed (low P(alive)) AND the value was real — never for a customer still buying.
  const realValue = p.netSpend > settings.tierThresholds.leadMaxValue && p.netSpend >= p.medianValue;
  if (p.pAlive !== null && p.pAlive < 0.3 && realValue && s.contactGapDays > cadence)
    propose(out, 'win-back', 'reason.win-back.lapsed', addDays(asOf, 7), { pAlive: Math.round(p.pAlive * 100) });

  // Onboard: first purchase (or a new record) in the last 90 days, not yet a repeat buyer.
  const start = p.firstPurchase ?? p.firstSeen;
  const age = asOfDay - dayOf(start);
  if (age >= 0 && age <= 90 && p.purchaseDays <= 2) propose(out, 'onboard', 'reason.onboard.new', later(addDays(start, 14), asOf), { days: age });

  // Multi-thread: a key account that runs through one person, or without a decision-maker.
  if (knowsContacts && key && s.threads <= 1) propose(out, 'multi-thread', 'reason.multi-thread.single', addDays(asOf, 14), { threads: s.threads });
  else if (knowsContacts && key && s.decisionMakers === 0) propose(out, 'multi-thread', 'reason.multi-thread.no-decision-maker', addDays(asOf, 14));

  // Revisit (定期回访): cadence due within a week, or overdue; any contact resets it. A promised
  // next step past its due date comes first: promises not kept lose customers.
  const revisitDue = s.lastContact ? addDays(s.lastContact, cadence) : asOf;
  if (s.overdueNextStep) propose(out, 'revisit', 'reason.revisit.next-step', s.overdueNextStep.due, { step: s.overdueNextStep.text }, BASE.revisit + 15);
  else if (p.tier !== 'lead' || s.contacted) {
    if (!s.contacted) {
      if (knowsInteractions) propose(out, 'revisit', 'reason.revisit.never', asOf, { cadence });
    } else if (revisitDue < asOf)
      // overdue: more urgent the longer it has been (up to +20 at three cadences)
      propose(
        out,
        'revisit',
        'reason.revisit.overdue',
        revisitDue,
        { days: s.contactGapDays, cadence },
        BASE.revisit + Math.min(20, (10 * (s.contactGapDays - cadence)) / cadence),
      );
    else if (revisitDue <= addDays(asOf, 7)) propose(out, 'revisit', 'reason.revisit.due', revisitDue, { days: s.contactGapDays, cadence }, REVISIT_UPCOMING);
  }

  // Cross-sell: a healthy, still-buying key account (or loyal repeat buyer).
  const healthy = p.risk.band === 'low' && s.openComplaints === 0 && (p.pAlive ?? 0) >= 0.5;
  if (healthy && (key || (p.tier === 'iron' && p.purchaseDays >= 3))) propose(out, 'cross-sell', 'reason.cross-sell.healthy', addDays(asOf, 14));

  // Survey: nobody asked this customer for CSAT/NPS in 180 days.
  if (p.tier !== 'lead' && (p.purchaseDays > 0 || s.contacted) && (!s.lastSurvey || asOfDay - dayOf(s.lastSurvey) > 180))
    propose(out, 'survey', s.lastSurvey ? 'reason.survey.stale' : 'reason.survey.never', addDays(asOf, 14), s.lastSurvey ? { since: s.lastSurvey } : undefined);

  // Care touch: keep a healthy key account warm between revisits.
  if (key && p.risk.band === 'low' && s.contacted && s.contactGapDays >= cadence / 2 && revisitDue > addDays(asOf, 7))
    propose(out, 'care-touch', 'reason.care-touch.warm', addDays(asOf, 7), { days: s.contactGapDays });

  // A negative-value account is reviewed before effort goes into recovering a low score
  // (the pyramid: handle negative-value customers deliberately); an open complaint still comes first.
  const review = out.find((a) => a.kind === 'value-review');
  const recovery = out.find((a) => a.kind === 'service-recovery');
  if (review && recovery && recovery.reason === 'reason.service-recovery.detractor') recovery.base /= 2;
  // A single-threaded key account: the due revisit becomes the visit that meets more people
  // (a revisit to the same one person does not reduce the risk).
  const thread = out.findIndex((a) => a.kind === 'multi-thread' && a.reason === 'reason.multi-thread.single');
  const revisit = out.findIndex((a) => a.kind === 'revisit' && a.reason !== 'reason.revisit.never');
  if (thread >= 0 && revisit >= 0) {
    const t = out[thread]!;
    const r = out[revisit]!;
    t.base = Math.max(t.base, r.base) + 5;
    if (r.due < t.due) t.due = r.due;
    out.splice(revisit, 1);
  }

  const suppressed = suppressedKinds(p.actions, asOf);
  const boosts = goalBoosts(p.goals, asOf, p.tier, p.segment);
  const risk = p.risk.score / 100;
  // the safety floor: a key account at high risk keeps its protective actions whatever the habits
  const floor = key && p.risk.band === 'high';
  const kept = out.filter((a) => !suppressed.has(a.kind));
  // always a next step: when nothing is due, the next planned touch by the tier's cadence
  if (kept.length === 0) kept.push(plannedTouch(p, cadence, revisitDue));
  return kept
    .map((a): RankedAction => {
      const learnt = p.acceptance?.[a.kind].factor ?? 1;
      const held = floor && PROTECTIVE.has(a.kind) && learnt < 1;
      const why: RankWhy = {
        base: a.base,
        tier: TIER_WEIGHT[p.tier],
        risk: PROTECTIVE.has(a.kind) ? 1 + 0.5 * risk : 1 - 0.3 * risk,
        goal: boosts.get(a.kind) ?? 1,
        learned: held ? 1 : learnt,
        floor: held,
      };
      const priority = Math.round(why.base * why.tier * why.risk * why.goal * why.learned * 10) / 10;
      // built field by field: no rest/spread in the per-customer hot path
      return a.params
        ? { kind: a.kind, reason: a.reason, due: a.due, params: a.params, priority, why }
        : { kind: a.kind, reason: a.reason, due: a.due, priority, why };
    })
    .sort((a, b) => b.priority - a.priority || order(a.due, b.due) || order(a.kind, b.kind));
}

/** Below every real recommendation: the next revisit by cadence (never before tomorrow, never inside a snooze). */
const PLANNED_PRIORITY = 10;
function plannedTouch(p: PlaybookInput, cadence: number, revisitDue: string): Proposal {
  let due = revisitDue > p.asOf ? revisitDue : addDays(p.asOf, 1);
  for (const a of p.actions) if (a.kind === 'revisit' && a.status === 'snoozed' && a.snoozedUntil && a.snoozedUntil > due) due = a.snoozedUntil;
  return { kind: 'revisit', reason: 'reason.revisit.planned', due, params: { cadence }, base: PLANNED_PRIORITY };
}
