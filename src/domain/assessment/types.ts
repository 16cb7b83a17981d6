/**
 * Self-assessment vocabulary shared by the domain, the dialog, the console and storage.
 * Pure types: nothing here imports a framework. See docs/assessment-scoring.md.
 */
import { PROGRAMME_IDS } from '../eligibility/types';
import type { ProgrammeId } from '../eligibility/types';
import type { AreaId, CompetenceId, FrameworkId } from './frameworks';

/** One questionnaire per programme: `digiter` (LifeComp + DigComp), `camplus` (EntreComp + LifeComp). */
export const QUESTIONNAIRE_IDS = PROGRAMME_IDS;
export type QuestionnaireId = ProgrammeId;

/**
 * The four answer levels of every item, the same for all frameworks:
 * 1 = not yet, 2 = with help, 3 = on my own, 4 = I could show someone else.
 */
export const ASSESSMENT_LEVELS = [1, 2, 3, 4] as const;
export type AssessmentLevel = (typeof ASSESSMENT_LEVELS)[number];

/** The answer a person gives when they do not want to (or cannot) answer an item. */
export const SKIPPED = 'skipped';

/** A level, or `'skipped'`. */
export type AnswerValue = AssessmentLevel | typeof SKIPPED;

/** Answers by item id. An item that is absent has not been asked (or answered) yet. */
export type AssessmentAnswers = Readonly<Record<string, AnswerValue>>;

/**
 * One "I can…" statement. Its texts are not in the content: they are i18n keys
 * `assessment:item.<id>.statement` and `assessment:item.<id>.level.1` … `.level.4`.
 */
export interface QuestionnaireItem {
  /** Stable, i18n-safe id, starting with the framework (e.g. `digcomp_1_1_browsing`). Never renamed. */
  id: string;
  framework: FrameworkId;
  areaId: AreaId;
  competenceId: CompetenceId;
}

/** An ordered list of items, as loaded from content. Items are asked in this order. */
export interface Questionnaire {
  id: QuestionnaireId;
  version: string;
  items: readonly QuestionnaireItem[];
}

/** "The framework's average is at least `minAverage`" (two decimals at most, 1 to 4). */
export interface FrameworkThreshold {
  framework: FrameworkId;
  minAverage: number;
}

/** Scoring rules, as loaded from content (`rules` in `content/questionnaires.json`). */
export interface AssessmentRules {
  version: string;
  profile: {
    /** An area (or competence) at this level or above is a strength; below it, something to develop. */
    strengthMinLevel: AssessmentLevel;
    /** At most this many strengths are listed. */
    maxStrengths: number;
    /** At most this many areas to develop are listed. */
    maxToDevelop: number;
  };
  recommendation: {
    /**
     * Each framework named in `eqf4When` must have at least this percentage of its items
     * answered (not skipped); otherwise EQF 3 is proposed and an adviser should confirm.
     */
    minAnsweredPercent: number;
    /** EQF 4 is proposed when every threshold of the questionnaire is met; otherwise EQF 3. */
    eqf4When: Readonly<Record<QuestionnaireId, readonly FrameworkThreshold[]>>;
  };
}

/** Everything in `content/questionnaires.json`, validated. */
export interface Questionnaires {
  questionnaires: Readonly<Record<QuestionnaireId, Questionnaire>>;
  rules: AssessmentRules;
}

/* ---------------------------------------------------------------------------------------------
 * Results
 * ------------------------------------------------------------------------------------------- */

/** A level computed from answers, or `unknown` when none of the items in scope was answered. */
export type ScoredLevel = AssessmentLevel | 'unknown';

/**
 * The level of a group of items (a competence, an area, a framework): `average` is the mean of
 * the answered items rounded to two decimals, `level` that mean rounded half up to a whole level.
 * Both are absent (`unknown`, `null`) when no item of the group was answered.
 */
export type LevelScore = ({ level: AssessmentLevel; average: number } | { level: 'unknown'; average: null }) & {
  /** Items answered with a level. */
  answered: number;
  /** Items answered `'skipped'`. */
  skipped: number;
  /** Items of the group in the questionnaire (answered + skipped + not reached yet). */
  total: number;
};

export type CompetenceScore = LevelScore & { competenceId: CompetenceId; areaId: AreaId; framework: FrameworkId };
export type AreaScore = LevelScore & { areaId: AreaId; framework: FrameworkId };
export type FrameworkScore = LevelScore & { framework: FrameworkId };

/** A strength or something to develop: an area, or (when no area is a strength) a competence. */
export interface ProfileHighlight {
  kind: 'area' | 'competence';
  /** An `AreaId` when `kind` is `area`, a `CompetenceId` when it is `competence`. */
  id: AreaId | CompetenceId;
  framework: FrameworkId;
  level: AssessmentLevel;
  average: number;
}

/** EQF levels of the trainings the recommendation can point to. */
export type RecommendedEqf = 3 | 4;

/** The training level proposed, and why (i18n key in namespace `assessment`, with its values). */
export interface EqfRecommendation {
  eqf: RecommendedEqf;
  reasonKey: string;
  params: Record<string, string | number>;
  /** True when there were too few answers to tell: an adviser should confirm the level. */
  adviserShouldConfirm: boolean;
}

/** What `scoreAssessment` returns. Records the versions it was computed with. */
export interface AssessmentProfile {
  questionnaireId: QuestionnaireId;
  questionnaireVersion: string;
  rulesVersion: string;
  answered: number;
  skipped: number;
  /** Items neither answered nor skipped (not reached yet). */
  unanswered: number;
  total: number;
  /** In questionnaire order (first item of each). */
  competences: CompetenceScore[];
  /** In questionnaire order (first item of each). */
  areas: AreaScore[];
  /** In questionnaire order (first item of each). */
  frameworks: FrameworkScore[];
  /** Best first. */
  strengths: ProfileHighlight[];
  /** Weakest first. */
  toDevelop: ProfileHighlight[];
  recommendation: EqfRecommendation;
}

/** Where a person is in a questionnaire. */
export interface AssessmentProgress {
  answered: number;
  skipped: number;
  total: number;
  /** The first item (in questionnaire order) with neither a level nor `'skipped'`; `undefined` when done. */
  nextItemId: string | undefined;
}
