/**
 * Plain-data shapes of the relationship scorer (tiers, churn risk, next best action, KPIs and
 * goals). Pure: no browser, Dexie or DOM.
 */
import type { Action, Contact, Customer, Feedback, Interaction, Transaction } from '../schemas/domain';
import type { Tier } from '../schemas/enums';
import type { BgNbdFit } from './bgnbd';
import type { GammaGammaFit } from './gamma-gamma';

/** Everything known about one customer: the input of `scoreCustomer`. */
export interface CustomerHistory {
  customer: Customer;
  transactions: Transaction[];
  interactions: Interaction[];
  feedback: Feedback[];
  contacts: Contact[];
  actions: Action[];
}

/** Value cut-offs of the customer pyramid (see tiers.ts). */
export interface TierCutoffs {
  /** Values at or above this are Platinum (Infinity when the book has no Platinum). */
  platinum: number;
  /** Values at or above this (and below `platinum`) are Gold. */
  gold: number;
  /** Values at or below this are Lead (settings' leadMaxValue). */
  lead: number;
}

/** Quintile edges (20/40/60/80 %) for scoring one customer's RFM without the whole book. */
export interface RfmEdges {
  recency: [number, number, number, number];
  frequency: [number, number, number, number];
  monetary: [number, number, number, number];
}

/**
 * What a full rescore learns from the whole book, stored (meta 'bookModel') so one customer
 * can be rescored alone after an interaction or a transaction is logged.
 */
export interface BookModel {
  /** Calibration end of the fits (= the rescore's as-of date). */
  asOf: string;
  unit: 'day';
  /** BG/NBD fit; null when the book is too thin (then P(alive) and value use heuristics). */
  bgnbd: BgNbdFit | null;
  /** Gamma-Gamma spend fit; null when too few repeat buyers. */
  gammaGamma: GammaGammaFit | null;
  /** 'clv' when both fits are usable, else 'spend' (annualised net spend). */
  valueBasis: 'clv' | 'spend';
  tierCutoffs: TierCutoffs;
  rfmEdges: RfmEdges;
  /** Median days between purchase days of repeat buyers (heuristic P(alive), win-back). */
  typicalGapDays: number;
  /** Median value of customers above Lead: "real value" for win-back. */
  medianValue: number;
  customers: number;
  buyers: number;
  repeatBuyers: number;
  fittedAt: number;
}

export type TierMap = ReadonlyMap<string, Tier>;
