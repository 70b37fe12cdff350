/** The relationship scorer's public surface (pure: plain data in, plain data out). */
export type { BookModel, CustomerHistory, RfmEdges, TierCutoffs, TierMap } from './types';
export {
  backtestRisk,
  clvAsOf,
  customerStats,
  fitBook,
  groupHistories,
  scoreBook,
  scoreCustomer,
  scoreCustomerDetailed,
  type RiskBacktest,
  type ScoredCustomer,
} from './book';
export { assignTiers, tierCutoffs, tierForValue, type TierThresholds } from './tiers';
export { churnRisk, relationshipSignals, riskBand, type RelationshipSignals, type RiskResult } from './risk';
export { acceptanceByKind, dismissRestDays, goalBoosts, rankActions, suppressedKinds, type KindFeedback, type RankedAction } from './actions';
export { computeKpis, kpiValue, previousPeriod, type KpiBook, type KpiResult, type KpiScope, type Period } from './kpis';
export { goalProgress, type GoalProgress } from './goals';
