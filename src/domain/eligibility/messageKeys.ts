import { PROGRAMME_IDS, PROJECT_STATUSES, SITUATIONS } from './types';
import type { Outcome, ProgrammeId } from './types';

/** i18next namespace of every key below. */
export const ELIGIBILITY_NAMESPACE = 'eligibility';

const OUTCOME_KEY_PART: Record<Outcome, string> = {
  eligible: 'eligible',
  not_eligible: 'notEligible',
  needs_adviser: 'needsAdviser'
};

/** `next.<programme>.eligible | notEligible | needsAdviser`. */
export function nextStepKey(programme: ProgrammeId, outcome: Outcome): string {
  return `next.${programme}.${OUTCOME_KEY_PART[outcome]}`;
}

/**
 * Every `reasonKey` `evaluateEligibility` can produce, whatever the rules content says. Locale
 * files must have a text for each (a test in the i18n area can check that).
 */
export const ELIGIBILITY_REASON_KEYS: readonly string[] = [
  'reason.age.noAnswer',
  'reason.age.invalid',
  'reason.age.tooYoung',
  'reason.age.tooOld',
  'reason.age.minor',
  'reason.age.ok',
  'reason.age.birthdayDecides',
  'reason.situation.noAnswer',
  ...SITUATIONS.map((s) => `reason.situation.${s}`),
  'reason.qualification.noAnswer',
  'reason.qualification.unknown',
  'reason.qualification.ok',
  'reason.qualification.tooHigh',
  'reason.country.noAnswer',
  'reason.country.ok',
  'reason.country.notCovered',
  'reason.campResidence.noAnswer',
  'reason.campResidence.ok',
  'reason.campResidence.notInCamp',
  'reason.project.noAnswer',
  ...PROJECT_STATUSES.map((p) => `reason.project.${p}`)
];

/** Every `nextStepKey` `evaluateEligibility` can produce. */
export const ELIGIBILITY_NEXT_STEP_KEYS: readonly string[] = PROGRAMME_IDS.flatMap((programme) =>
  (Object.keys(OUTCOME_KEY_PART) as Outcome[]).map((outcome) => nextStepKey(programme, outcome))
);
