/** Training catalogue: search, paging, recommendation and free-text filters. Pure, no I/O. */
export * from './types';
export { searchTrainings, nextStartDate, earliestStart, matchesFilters } from './searchTrainings';
export { paginate, DEFAULT_PAGE_SIZE } from './paginate';
export type { Page } from './paginate';
export { recommendTrainings, STARTS_SOON_DAYS } from './recommendTrainings';
export type { RecommendationProfile, RecommendOptions, TrainingReason, TrainingRecommendation } from './recommendTrainings';
export { daysBetween } from './dates';
export {
  TRAININGS_NAMESPACE,
  TRAINING_TEXT_FIELDS,
  TRAINING_REASON_KEYS,
  TRAINING_UI_KEYS,
  FILTER_WORD_KEYS,
  trainingTextKey,
  prerequisiteKey,
  fundingKey,
  placeKey,
  countrySynonymsKey
} from './messageKeys';
export type { TrainingReasonKey, TrainingTextField } from './messageKeys';
export type { TrainingInterest, TrainingInterestSource } from './interest';
