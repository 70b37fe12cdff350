/**
 * Plain-data shapes of the relationship scorer (tiers, churn risk, next best action, KPIs and
 * goals). Pure: no browser, Dexie or DOM.
 */
import type { Action, Contact, Customer, Feedback, Interaction, Transaction } from '../schemas/domain';
import type { Tier } from '../schemas/enums';
import type { DataSources } from './features';
import type { FitReport } from './fit';
import type { RfmEdges } from './rfm';
import type { RiskModel } from './risk';
import type { ValueModel } from './value';

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

export type { RfmEdges } from './rfm';

/**
 * What a full rescore learns from the whole book, stored (meta 'bookModel') so one customer can be
 * rescored alone after an interaction or a transaction is logged. The value model's parts
 * (purchase and spend fits, typical gap, mean spend, parameter spread) are spread in.
 */
export interface BookModel extends ValueModel {
  /** Calibration end of the fits (= the rescore's as-of date). */
  asOf: string;
  unit: 'day';
  /** Churn horizon: risk = P(no purchase within this many days). */
  horizonDays: number;
  /** Which models converged and were used. */
  fitReport: FitReport;
  /** Which kinds of data the book holds (features of absent kinds read as average). */
  sources: DataSources;
  /** 'clv' when both fits are usable, else 'spend' (annualised net spend). */
  valueBasis: 'clv' | 'spend';
  tierCutoffs: TierCutoffs;
  rfmEdges: RfmEdges;
  /** Median value of customers above Lead: "real value" for win-back. */
  medianValue: number;
  /** The churn-risk model (learnt from the book's history, or priors). */
  risk: RiskModel;
  customers: number;
  buyers: number;
  repeatBuyers: number;
  fittedAt: number;
}

export type TierMap = ReadonlyMap<string, Tier>;
