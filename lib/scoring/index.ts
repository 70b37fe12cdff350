/** The relationship scorer's public surface (pure: plain data in, plain data out). */
export type { BookModel, CustomerHistory, RfmEdges, TierCutoffs, TierMap } from './types';
export { fitBook, horizonOf, scoreBook, scoreCustomer, scoreCustomerDetailed, type ScoredCustomer } from './book';
export { groupHistories } from './histories';
export { clvAsOf } from './book-clv';
export { backtestRisk, type RiskBacktest } from './book-backtest';
export { customerStats, type CustomerStats } from './stats';
export { assignTiers, tierCutoffs, tierForValue, type TierThresholds } from './tiers';
export { assessRisk, riskBand, type RiskModel, type RiskResult } from './risk';
export { relationshipSignals, type RelationshipSignals } from './signals';
export { acceptanceByKind, dismissRestDays, goalBoosts, rankActions, suppressedKinds, type KindFeedback, type RankedAction } from './actions';
export { computeKpis, kpiValue, previousPeriod, type KpiBook, type KpiResult, type KpiScope, type Period } from './kpis';
export { goalProgress, type GoalProgress } from './goals';
