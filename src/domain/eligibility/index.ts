export * from './types';
export { ageOn, agesInBirthYear, isPlausibleAge, isPlausibleBirthYear, MAX_PLAUSIBLE_AGE } from './ageOn';
export type { AgesInBirthYear } from './ageOn';
export { evaluateEligibility, combineOutcome, programmeResult } from './evaluateEligibility';
export { isValidIsoDate, isLeapYear, parseIsoDate } from './isoDate';
export type { DateParts } from './isoDate';
export { needsGuardianConsent } from './needsGuardianConsent';
export {
  ELIGIBILITY_NAMESPACE,
  ELIGIBILITY_NEXT_STEP_KEYS,
  ELIGIBILITY_REASON_KEYS,
  nextStepKey
} from './messageKeys';
export { InvalidAgeError, InvalidDateError } from './errors';
export type { EligibilityCheckRecord } from './records';
