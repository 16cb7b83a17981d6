import type { AssessmentProfile } from '../assessment/types';
import { ageOn, agesInBirthYear, isPlausibleBirthYear } from '../eligibility/ageOn';
import type { EligibilityAnswers, EligibilityResult, IsoDate } from '../eligibility/types';
import type { ProgrammeId } from '../eligibility/types';
import { SHARED_FIELDS, type SharedData, type SharedField } from './types';

/**
 * What a partner of each programme needs to answer, and nothing more: a DIGI@TER partner has no
 * use for camp life, a CAMPLUS coach none for diplomas or the person's current job.
 */
export const FIELDS_BY_PROGRAMME: Readonly<Record<ProgrammeId, readonly SharedField[]>> = {
  digiter: ['age', 'country', 'region', 'situation', 'qualification', 'eligibility', 'skillsProfile', 'training', 'language'],
  camplus: ['age', 'country', 'region', 'camp', 'eligibility', 'skillsProfile', 'language']
};

/** What a referral can draw on: the person's latest eligibility check, skills profile and chosen training. */
export interface ReferralSources {
  /** The programme of the referral: only its fields, and only its eligibility result, are shared. */
  programme?: ProgrammeId;
  answers?: EligibilityAnswers;
  result?: EligibilityResult;
  profile?: AssessmentProfile;
  trainingId?: string;
  language: string;
  /** Today, to turn a date of birth into an age (the date itself is never shared). */
  today: IsoDate;
}

/** The fields that have something to share, in the order they are shown. */
export function availableFields(sources: ReferralSources): SharedField[] {
  const data = sharedData(SHARED_FIELDS, sources);
  const needed = sources.programme ? FIELDS_BY_PROGRAMME[sources.programme] : SHARED_FIELDS;
  const has = (field: SharedField): boolean => (field === 'age' ? data.age !== undefined || data.ageRange !== undefined : data[field] !== undefined);
  return SHARED_FIELDS.filter((field) => needed.includes(field) && has(field));
}

/** Only the `fields` the person agreed to, taken from `sources` (minimum: an age, levels per area). */
export function sharedData(fields: readonly SharedField[], sources: ReferralSources): SharedData {
  const { answers, result, profile } = sources;
  const out: SharedData = {};
  const has = (field: SharedField): boolean => fields.includes(field);
  if (has('age') && answers) {
    const age = answers.birthDate ? ageOn(answers.birthDate, sources.today) : answers.age;
    if (typeof age === 'number') out.age = age;
    else if (answers.birthYear !== undefined && isPlausibleBirthYear(answers.birthYear, sources.today)) {
      // A year of birth alone: the two ages it allows, never the year itself.
      out.ageRange = agesInBirthYear(answers.birthYear, sources.today);
    }
  }
  if (has('country') && answers?.country) out.country = answers.country;
  if (has('region') && answers?.region) out.region = answers.region;
  if (has('situation') && answers?.situation) out.situation = answers.situation;
  if (has('qualification') && answers?.qualification) out.qualification = answers.qualification;
  if (has('camp') && answers?.livesInCamp !== undefined) out.camp = { livesInCamp: answers.livesInCamp, ...(answers.project ? { project: answers.project } : {}) };
  if (has('eligibility') && result) {
    const programmes = result.programmes.filter((p) => !sources.programme || p.programme === sources.programme);
    out.eligibility = { rulesVersion: result.rulesVersion, programmes: programmes.map((p) => ({ programme: p.programme, outcome: p.outcome })) };
  }
  if (has('skillsProfile') && profile) {
    out.skillsProfile = {
      questionnaireId: profile.questionnaireId,
      areas: profile.areas.map((a) => ({ areaId: a.areaId, level: a.level })),
      recommendedEqf: profile.recommendation.eqf
    };
  }
  if (has('training') && sources.trainingId) out.training = { id: sources.trainingId };
  if (has('language')) out.language = sources.language;
  return out;
}
