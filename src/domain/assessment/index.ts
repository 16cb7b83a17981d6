export * from './types';
export {
  FRAMEWORK_IDS,
  FRAMEWORK_TAXONOMY,
  AREA_IDS,
  COMPETENCE_IDS,
  areasOf,
  competencesOf
} from './frameworks';
export type { FrameworkId, AreaId, CompetenceId } from './frameworks';
export { scoreAssessment } from './scoreAssessment';
export { progressOf, previousItemId } from './progress';
export { isAnswerValue, isAssessmentLevel, answerOf } from './answers';
export {
  ASSESSMENT_NAMESPACE,
  ASSESSMENT_REASON_KEYS,
  ASSESSMENT_LEVEL_LABEL_KEYS,
  RECOMMENDATION_KEYS,
  itemStatementKey,
  itemLevelKey,
  areaNameKey,
  competenceNameKey,
  frameworkNameKey,
  levelLabelKey,
  assessmentTextKeys
} from './messageKeys';
export { UnknownItemError } from './errors';
export type { AssessmentAnswer, AssessmentRecord, AssessmentStatus, ProfileLink } from './records';
