import { ageOn, agesInBirthYear, isPlausibleAge, isPlausibleBirthYear } from './ageOn';
import { InvalidDateError } from './errors';
import { isValidIsoDate } from './isoDate';
import { nextStepKey } from './messageKeys';
import { COUNTRY_CODES, PROGRAMME_IDS } from './types';
import type {
  AgeCriterionRule,
  ChoiceCriterionRule,
  CriterionKind,
  CriterionResult,
  CriterionRule,
  CriterionStatus,
  EligibilityAnswers,
  EligibilityResult,
  EligibilityRules,
  IsoDate,
  Outcome,
  ProgrammeId,
  QualificationCriterionRule
} from './types';

/** What the answers say about age, once birth date, declared age and year of birth are reconciled. */
type ResolvedAge =
  | { kind: 'known'; age: number }
  /** Only the year of birth is known: the person is `youngest` or `oldest` (one more). */
  | { kind: 'birthYear'; birthYear: number; youngest: number; oldest: number }
  | { kind: 'noAnswer' }
  | { kind: 'invalid'; value: string };

/**
 * Applies the rules to the answers for every programme.
 *
 * - Each criterion of a programme gives `met`, `missing` (not met) or `review` (an adviser must
 *   look). A criterion whose answer is absent is `review`, with `reason.<criterion>.noAnswer`.
 * - Outcome: any `missing` → `not_eligible`; otherwise any `review` → `needs_adviser`; otherwise
 *   `eligible`.
 * - Age: `birthDate` wins over `age`, `age` over `birthYear`. A birth date that is not a real date
 *   or is after `today` makes the age criterion `review` with `reason.age.invalid` (even if an age
 *   was also given); so does an age that is not a whole number from 0 to 120, or a year of birth
 *   that gives none.
 * - **A year of birth alone** gives two possible ages (`agesInBirthYear`: one less before this
 *   year's birthday). The age criterion is applied to both: when both give the same verdict it
 *   stands, with `ageYoungest` and `birthYear` among its params (the explanation says "21 or 22
 *   years"); when they differ (born in 2010 on a day in 2026: 15 or 16, too young or old enough)
 *   an adviser must look, with `reason.age.birthdayDecides`. Nobody is guessed older or younger
 *   than they may be.
 *
 * Pure: the date is a parameter, nothing is read from the clock or the disk.
 *
 * @throws InvalidDateError when `today` is not a valid `YYYY-MM-DD` date.
 */
export function evaluateEligibility(
  answers: EligibilityAnswers,
  rules: EligibilityRules,
  today: IsoDate
): EligibilityResult {
  if (!isValidIsoDate(today)) throw new InvalidDateError(today);
  const age = resolveAge(answers, today);
  return {
    rulesVersion: rules.version,
    asOf: today,
    programmes: PROGRAMME_IDS.map((programme) => {
      const criteria = rules.programmes[programme].criteria.map((rule) =>
        evaluateCriterion(rule, answers, age, rules)
      );
      const outcome = combineOutcome(criteria.map((c) => c.status));
      return { programme, outcome, criteria, nextStepKey: nextStepKey(programme, outcome) };
    })
  };
}

/** The outcome rule: any `missing` → not eligible; else any `review` → adviser; else eligible. */
export function combineOutcome(statuses: readonly CriterionStatus[]): Outcome {
  if (statuses.includes('missing')) return 'not_eligible';
  if (statuses.includes('review')) return 'needs_adviser';
  return 'eligible';
}

/** The programme result for `programme` in `result` (every result has one per programme). */
export function programmeResult(result: EligibilityResult, programme: ProgrammeId) {
  const found = result.programmes.find((p) => p.programme === programme);
  if (!found) throw new Error(`no result for programme "${programme}"`);
  return found;
}

function resolveAge(answers: EligibilityAnswers, today: IsoDate): ResolvedAge {
  if (answers.birthDate !== undefined) {
    const { birthDate } = answers;
    if (!isValidIsoDate(birthDate) || birthDate > today) return { kind: 'invalid', value: String(birthDate) };
    return { kind: 'known', age: ageOn(birthDate, today) };
  }
  if (answers.age !== undefined) {
    return isPlausibleAge(answers.age) ? { kind: 'known', age: answers.age } : { kind: 'invalid', value: String(answers.age) };
  }
  if (answers.birthYear !== undefined) {
    const { birthYear } = answers;
    if (!isPlausibleBirthYear(birthYear, today)) return { kind: 'invalid', value: String(birthYear) };
    return { kind: 'birthYear', birthYear, ...agesInBirthYear(birthYear, today) };
  }
  return { kind: 'noAnswer' };
}

function evaluateCriterion(
  rule: CriterionRule,
  answers: EligibilityAnswers,
  age: ResolvedAge,
  rules: EligibilityRules
): CriterionResult {
  switch (rule.kind) {
    case 'age':
      return evaluateAge(rule, age);
    case 'situation':
      return evaluateChoice('situation', rule, answers.situation);
    case 'project':
      return evaluateChoice('project', rule, answers.project);
    case 'qualification':
      return evaluateQualification(rule, answers, rules);
    case 'country': {
      const { country } = answers;
      if (!isOneOf(country, COUNTRY_CODES)) return noAnswer('country');
      return rule.allowed.includes(country)
        ? result('country', 'met', 'reason.country.ok', { country })
        : result('country', 'missing', 'reason.country.notCovered', { country });
    }
    case 'campResidence':
      if (typeof answers.livesInCamp !== 'boolean') return noAnswer('campResidence');
      return answers.livesInCamp
        ? result('campResidence', 'met', 'reason.campResidence.ok', {})
        : result('campResidence', 'missing', 'reason.campResidence.notInCamp', {});
  }
}

function evaluateAge(rule: AgeCriterionRule, age: ResolvedAge): CriterionResult {
  if (age.kind === 'noAnswer') return noAnswer('age');
  if (age.kind === 'invalid') return result('age', 'review', 'reason.age.invalid', { value: age.value });
  if (age.kind === 'birthYear') {
    const youngest = evaluateAge(rule, { kind: 'known', age: age.youngest });
    const oldest = evaluateAge(rule, { kind: 'known', age: age.oldest });
    const params = { ...oldest.params, ageYoungest: age.youngest, birthYear: age.birthYear };
    return youngest.status === oldest.status && youngest.reasonKey === oldest.reasonKey
      ? { ...oldest, params }
      : result('age', 'review', 'reason.age.birthdayDecides', params);
  }
  const params: Record<string, number> = { age: age.age, min: rule.min };
  if (rule.max !== undefined) params.max = rule.max;
  if (rule.adviserBelow !== undefined) params.adviserBelow = rule.adviserBelow;
  if (age.age < rule.min) return result('age', 'missing', 'reason.age.tooYoung', params);
  if (rule.max !== undefined && age.age > rule.max) return result('age', 'missing', 'reason.age.tooOld', params);
  if (rule.adviserBelow !== undefined && age.age < rule.adviserBelow) {
    return result('age', 'review', 'reason.age.minor', params);
  }
  return result('age', 'met', 'reason.age.ok', params);
}

function evaluateChoice<T extends string>(
  criterion: 'situation' | 'project',
  rule: ChoiceCriterionRule<T>,
  answer: T | undefined
): CriterionResult {
  if (answer === undefined) return noAnswer(criterion);
  const params = { [criterion]: answer };
  const reasonKey = `reason.${criterion}.${answer}`;
  if (rule.met.includes(answer)) return result(criterion, 'met', reasonKey, params);
  if (rule.review.includes(answer)) return result(criterion, 'review', reasonKey, params);
  if (rule.notMet.includes(answer)) return result(criterion, 'missing', reasonKey, params);
  // Not a value the rules know (untyped input): treat as not answered rather than guess.
  return noAnswer(criterion);
}

function evaluateQualification(
  rule: QualificationCriterionRule,
  answers: EligibilityAnswers,
  rules: EligibilityRules
): CriterionResult {
  const { qualification } = answers;
  if (qualification === undefined || !Object.hasOwn(rules.qualificationEqf, qualification)) {
    return noAnswer('qualification');
  }
  const eqf = rules.qualificationEqf[qualification];
  if (eqf === null) {
    return result('qualification', 'review', 'reason.qualification.unknown', { qualification, eqfBelow: rule.eqfBelow });
  }
  const params = { qualification, eqf, eqfBelow: rule.eqfBelow };
  return eqf < rule.eqfBelow
    ? result('qualification', 'met', 'reason.qualification.ok', params)
    : result('qualification', 'missing', 'reason.qualification.tooHigh', params);
}

function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

function noAnswer(criterion: CriterionKind): CriterionResult {
  return result(criterion, 'review', `reason.${criterion}.noAnswer`, {});
}

function result(
  criterion: CriterionKind,
  status: CriterionStatus,
  reasonKey: string,
  params: Record<string, string | number>
): CriterionResult {
  return { criterion, status, reasonKey, params };
}
