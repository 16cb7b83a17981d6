import { groupTallies, talliesOf } from './groupTallies';
import { pickStrengths, pickToDevelop } from './highlights';
import type { HighlightCandidate } from './highlights';
import { recommendTraining } from './recommendTraining';
import { emptyTally, toLevelScore } from './tally';
import type {
  AreaScore,
  AssessmentAnswers,
  AssessmentProfile,
  AssessmentRules,
  CompetenceScore,
  FrameworkScore,
  Questionnaire
} from './types';

/**
 * Turns the answers to a questionnaire into a profile (see docs/assessment-scoring.md).
 *
 * - **Levels.** Each competence, area and framework gets the mean of its answered items:
 *   `average` rounded half up to two decimals, `level` rounded half up to a whole level
 *   (1.5 → 2, 2.5 → 3, 3.5 → 4). Skipped and unreached items are left out of the mean; a group
 *   with no answered item is `unknown`. Areas and frameworks average their **items** (not their
 *   competences).
 * - **Strengths**: areas at level ≥ `rules.profile.strengthMinLevel`, best first, at most
 *   `maxStrengths`; if no area qualifies, the competences that do. **To develop**: areas with a
 *   known level below it, weakest first, at most `maxToDevelop`. Ties keep questionnaire order.
 * - **Recommendation**: EQF 3 or 4, see `recommendTraining`.
 *
 * Answers to ids that are not in the questionnaire, and values other than 1–4 or `'skipped'`,
 * are ignored. Pure: no clock, no I/O; the same input always gives the same profile.
 */
export function scoreAssessment(
  answers: AssessmentAnswers,
  questionnaire: Questionnaire,
  rules: AssessmentRules
): AssessmentProfile {
  const byCompetence = groupTallies(answers, questionnaire, (i) => i.competenceId);
  const byArea = groupTallies(answers, questionnaire, (i) => i.areaId);
  const byFramework = groupTallies(answers, questionnaire, (i) => i.framework);
  const all = groupTallies(answers, questionnaire, () => 'all').get('all')?.tally ?? emptyTally();

  const competences: CompetenceScore[] = [...byCompetence].map(([competenceId, { first, tally }]) => ({
    ...toLevelScore(tally),
    competenceId,
    areaId: first.areaId,
    framework: first.framework
  }));
  const areas: AreaScore[] = [...byArea].map(([areaId, { first, tally }]) => ({
    ...toLevelScore(tally),
    areaId,
    framework: first.framework
  }));
  const frameworks: FrameworkScore[] = [...byFramework].map(([framework, { tally }]) => ({ ...toLevelScore(tally), framework }));

  const areaCandidates: HighlightCandidate[] = [...byArea].map(([id, { first, tally }]) => ({
    kind: 'area',
    id,
    framework: first.framework,
    tally
  }));
  const competenceCandidates: HighlightCandidate[] = [...byCompetence].map(([id, { first, tally }]) => ({
    kind: 'competence',
    id,
    framework: first.framework,
    tally
  }));

  return {
    questionnaireId: questionnaire.id,
    questionnaireVersion: questionnaire.version,
    rulesVersion: rules.version,
    answered: all.answered,
    skipped: all.skipped,
    unanswered: all.total - all.answered - all.skipped,
    total: all.total,
    competences,
    areas,
    frameworks,
    strengths: pickStrengths(areaCandidates, competenceCandidates, rules.profile),
    toDevelop: pickToDevelop(areaCandidates, rules.profile),
    recommendation: recommendTraining(talliesOf(byFramework), questionnaire.id, rules)
  };
}
