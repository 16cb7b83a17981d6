/**
 * Eligibility vocabulary shared by the domain, the dialogs, the walk-in API and storage.
 * Pure types: nothing here imports a framework.
 */

/** Programmes Passerelle checks eligibility for. */
export const PROGRAMME_IDS = ['digiter', 'camplus'] as const;
export type ProgrammeId = (typeof PROGRAMME_IDS)[number];

/** What the person is doing now. `training` = in a course or apprenticeship. */
export const SITUATIONS = ['studying', 'training', 'employed', 'none'] as const;
export type Situation = (typeof SITUATIONS)[number];

/**
 * Highest qualification, as the person can name it. Mapped to an EQF level by the rules content
 * (`qualificationEqf`); `unknown` means the person does not know (an adviser should look).
 */
export const QUALIFICATIONS = [
  'none',
  'primary',
  'lowerSecondary',
  'vocationalCertificate',
  'upperSecondary',
  'higherEducation',
  'unknown'
] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

/** ISO 3166-1 alpha-2 of the partner countries, or OTHER for anywhere else. */
export const COUNTRY_CODES = ['FR', 'BE', 'RO', 'DE', 'PT', 'OTHER'] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

/** Whether the person leads, or wants to lead, a concrete project in their camp. */
export const PROJECT_STATUSES = ['leading', 'planning', 'none'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * The answers to the eligibility questions. One of `birthDate`, `age` or `birthYear` is given (a
 * birth date wins over an age, an age over a year). Everything else is optional so that a
 * partial check can still be explained: a missing answer makes the criterion need an adviser.
 */
export interface EligibilityAnswers {
  birthDate?: IsoDate;
  age?: number;
  /**
   * The year of birth alone, when the person knows no more (many displaced people do not): the
   * person is one of two ages, see `agesInBirthYear`.
   */
  birthYear?: number;
  situation?: Situation;
  qualification?: Qualification;
  country?: CountryCode;
  region?: string;
  livesInCamp?: boolean;
  project?: ProjectStatus;
}

export type Outcome = 'eligible' | 'not_eligible' | 'needs_adviser';
export type CriterionStatus = 'met' | 'missing' | 'review';
export type CriterionKind = 'age' | 'situation' | 'qualification' | 'country' | 'campResidence' | 'project';

/** One criterion's verdict, with an i18n message key (namespace `eligibility`) and its values. */
export interface CriterionResult {
  criterion: CriterionKind;
  status: CriterionStatus;
  reasonKey: string;
  params: Record<string, string | number>;
}

export interface ProgrammeResult {
  programme: ProgrammeId;
  outcome: Outcome;
  criteria: CriterionResult[];
  /** i18n key (namespace `eligibility`) of what to do next. */
  nextStepKey: string;
}

export interface EligibilityResult {
  rulesVersion: string;
  /** The date the rules were applied on. */
  asOf: IsoDate;
  programmes: ProgrammeResult[];
}

/* ---------------------------------------------------------------------------------------------
 * Rules vocabulary (added with the content-driven rules). The rules themselves are data in
 * `content/eligibility-rules.json`, validated by `src/content`; these types are what the domain
 * evaluates. See docs/eligibility-rules.md.
 * ------------------------------------------------------------------------------------------- */

/**
 * Age window. Below `min` → not met; above `max` (when set) → not met; from `min` up to (not
 * including) `adviserBelow` (when set) → an adviser must look (e.g. minors); otherwise met.
 * Bounds are inclusive full years: `min: 16, max: 29` admits 16-year-olds and 29-year-olds.
 */
export interface AgeCriterionRule {
  kind: 'age';
  min: number;
  max?: number;
  adviserBelow?: number;
}

/**
 * A closed-choice criterion: each possible answer is listed in exactly one of `met`, `review`
 * (an adviser must look) or `notMet`.
 */
export interface ChoiceCriterionRule<T extends string> {
  met: readonly T[];
  review: readonly T[];
  notMet: readonly T[];
}

export interface SituationCriterionRule extends ChoiceCriterionRule<Situation> {
  kind: 'situation';
}

/**
 * Highest qualification strictly below an EQF level (via `EligibilityRules.qualificationEqf`).
 * A qualification that maps to `null` (e.g. `unknown`) needs an adviser.
 */
export interface QualificationCriterionRule {
  kind: 'qualification';
  eqfBelow: number;
}

/** The person's country must be one of `allowed`. */
export interface CountryCriterionRule {
  kind: 'country';
  allowed: readonly CountryCode[];
}

/** The person must live in a camp. */
export interface CampResidenceCriterionRule {
  kind: 'campResidence';
}

export interface ProjectCriterionRule extends ChoiceCriterionRule<ProjectStatus> {
  kind: 'project';
}

export type CriterionRule =
  | AgeCriterionRule
  | SituationCriterionRule
  | QualificationCriterionRule
  | CountryCriterionRule
  | CampResidenceCriterionRule
  | ProjectCriterionRule;

export interface ProgrammeRules {
  /** Checked in this order; each `kind` at most once. */
  criteria: readonly CriterionRule[];
}

/** The whole rule set, as loaded from content. Every decision records `version`. */
export interface EligibilityRules {
  version: string;
  /** EQF level of each qualification; `null` = cannot be told without an adviser. */
  qualificationEqf: Readonly<Record<Qualification, number | null>>;
  programmes: Readonly<Record<ProgrammeId, ProgrammeRules>>;
}

/** Per-country facts the bot needs (from `content/countries.json`). */
export interface CountryInfo {
  code: CountryCode;
  /** GDPR art. 8 age from which a person may consent alone to online services. */
  digitalConsentAge: number;
  emergencyNumber: string;
}
