export * from './types';
export { buildFunnel, monthsBetween, stageApplies } from './funnel';
export { HIDDEN_SUM_MINIMUM, SMALL_COUNT_LIMIT, protectSmallCounts } from './protect';
export { csvCell, csvDocument } from './csv';
export { referralMilestones } from './milestones';
