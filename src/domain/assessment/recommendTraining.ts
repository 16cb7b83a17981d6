import { RECOMMENDATION_KEYS } from './messageKeys';
import { averageOf, emptyTally, meetsAnsweredPercent, meetsAverage } from './tally';
import type { Tally } from './tally';
import type { FrameworkId } from './frameworks';
import type { AssessmentRules, QuestionnaireId, EqfRecommendation } from './types';

/**
 * The training level to propose, from the framework tallies of one questionnaire:
 *
 * 1. **Too few answers**: if a framework named in the questionnaire's `eqf4When` has less than
 *    `minAnsweredPercent` % of its items answered (skipped and unreached items do not count),
 *    EQF 3 with `recommendation.eqf3.tooFewAnswers` and `adviserShouldConfirm`.
 *    Params: `framework`, `answered`, `total`, `minAnsweredPercent` (of the first such framework).
 * 2. **Below a threshold**: otherwise, if a framework's exact mean is below its `minAverage`,
 *    EQF 3 with `recommendation.eqf3.belowThreshold`. Params: `framework`, `average` (two
 *    decimals), `minAverage` (of the first such framework, in rule order).
 * 3. **Ready**: otherwise EQF 4 with `recommendation.eqf4.ready`. Params: `eqf`.
 */
export function recommendTraining(
  frameworks: ReadonlyMap<FrameworkId, Tally>,
  questionnaireId: QuestionnaireId,
  rules: AssessmentRules
): EqfRecommendation {
  const { minAnsweredPercent, eqf4When } = rules.recommendation;
  const conditions = eqf4When[questionnaireId];
  const tallyOf = (framework: FrameworkId) => frameworks.get(framework) ?? emptyTally();

  const thin = conditions.find((c) => !meetsAnsweredPercent(tallyOf(c.framework), minAnsweredPercent));
  if (thin) {
    const { answered, total } = tallyOf(thin.framework);
    return {
      eqf: 3,
      reasonKey: RECOMMENDATION_KEYS.tooFewAnswers,
      params: { framework: thin.framework, answered, total, minAnsweredPercent },
      adviserShouldConfirm: true
    };
  }

  const below = conditions.find((c) => !meetsAverage(tallyOf(c.framework), c.minAverage));
  if (below) {
    return {
      eqf: 3,
      reasonKey: RECOMMENDATION_KEYS.belowThreshold,
      params: { framework: below.framework, average: averageOf(tallyOf(below.framework)) ?? 0, minAverage: below.minAverage },
      adviserShouldConfirm: false
    };
  }

  return { eqf: 4, reasonKey: RECOMMENDATION_KEYS.ready, params: { eqf: 4 }, adviserShouldConfirm: false };
}
