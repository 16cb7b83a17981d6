import { ASSESSMENT_LEVELS } from './types';
import type { AssessmentLevel, Questionnaire, ScoredLevel } from './types';

/** i18next namespace of every key below (`locales/<lang>/assessment.json`). */
export const ASSESSMENT_NAMESPACE = 'assessment';

/** The `reasonKey`s of `EqfRecommendation`. */
export const RECOMMENDATION_KEYS = {
  ready: 'recommendation.eqf4.ready',
  belowThreshold: 'recommendation.eqf3.belowThreshold',
  tooFewAnswers: 'recommendation.eqf3.tooFewAnswers'
} as const;

/** Every `reasonKey` `scoreAssessment` can produce, whatever the content says. */
export const ASSESSMENT_REASON_KEYS: readonly string[] = Object.values(RECOMMENDATION_KEYS);

/** `item.<id>.statement`: the "I can…" sentence. */
export function itemStatementKey(itemId: string): string {
  return `item.${itemId}.statement`;
}

/** `item.<id>.level.<1-4>`: what that level means for this item, concretely. */
export function itemLevelKey(itemId: string, level: AssessmentLevel): string {
  return `item.${itemId}.level.${level}`;
}

/** `area.<areaId>`: the area's name. */
export function areaNameKey(areaId: string): string {
  return `area.${areaId}`;
}

/** `competence.<competenceId>`: the competence's name. */
export function competenceNameKey(competenceId: string): string {
  return `competence.${competenceId}`;
}

/** `framework.<frameworkId>`: the framework's name in plain words. */
export function frameworkNameKey(framework: string): string {
  return `framework.${framework}`;
}

/** `level.<1-4 | unknown>`: the short label of a level (buttons, profile). */
export function levelLabelKey(level: ScoredLevel): string {
  return `level.${level}`;
}

/** Short labels of the four levels and of `unknown`. */
export const ASSESSMENT_LEVEL_LABEL_KEYS: readonly string[] = [...ASSESSMENT_LEVELS, 'unknown' as const].map(levelLabelKey);

/**
 * Every key (namespace `assessment`) that the given questionnaires and the scoring need: each
 * item's statement and four level texts, the name of every framework, area and competence used,
 * the level labels and the recommendation reasons. Each language must have all of them.
 */
export function assessmentTextKeys(questionnaires: readonly Questionnaire[]): string[] {
  const keys = new Set<string>([...ASSESSMENT_LEVEL_LABEL_KEYS, ...ASSESSMENT_REASON_KEYS]);
  for (const { items } of questionnaires) {
    for (const item of items) {
      keys.add(itemStatementKey(item.id));
      for (const level of ASSESSMENT_LEVELS) keys.add(itemLevelKey(item.id, level));
      keys.add(frameworkNameKey(item.framework));
      keys.add(areaNameKey(item.areaId));
      keys.add(competenceNameKey(item.competenceId));
    }
  }
  return [...keys];
}
