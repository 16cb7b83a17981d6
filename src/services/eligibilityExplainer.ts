import type { Texts } from '../i18n';
import type { CriterionStatus, EligibilityResult, Outcome, ProgrammeId } from '../domain/eligibility/types';

/** A result put into words in one language (the walk-in API returns it; the chat formats it). */
export interface ExplainedProgramme {
  programme: ProgrammeId;
  programmeName: string;
  outcome: Outcome;
  outcomeText: string;
  criteria: { criterion: string; status: CriterionStatus; reasonKey: string; params: Record<string, string | number>; text: string }[];
  nextStepKey: string;
  nextStepText: string;
}

/** Parameters whose values are codes that have a localized name (a noun, never a button label such as "I have no diploma"). */
const LOCALIZED_PARAMS: Record<string, string> = {
  country: 'eligibility:country',
  situation: 'eligibility:situation',
  qualification: 'eligibility:qualificationName',
  project: 'eligibility:project'
};

/** Numeric parameters that are ages: each also gets `<name>Years` ("22 ans", "22 سنة"), plural-correct. */
const AGE_PARAMS: ReadonlySet<string> = new Set(['age', 'min', 'max', 'adviserBelow']);

function localizeParams(params: Record<string, string | number>, texts: Texts): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const prefix = LOCALIZED_PARAMS[name];
    out[name] = prefix && typeof value === 'string' ? texts.t(`${prefix}.${value}`) : value;
    if (AGE_PARAMS.has(name) && typeof value === 'number') out[`${name}Years`] = yearsText(value, texts);
  }
  // Known by the year of birth only: "21 or 22 years".
  const { age, ageYoungest } = params;
  if (typeof age === 'number' && typeof ageYoungest === 'number' && ageYoungest !== age) {
    out.ageYears = texts.t('common:yearsOneOf', { youngest: ageYoungest, count: age });
  }
  return out;
}

/** "22 years" in the language of `texts`, with its plural rules. */
export function yearsText(count: number, texts: Texts): string {
  return texts.t('common:years', { count });
}

/** Puts every criterion, outcome and next step of `result` into words. */
export function explainEligibility(result: EligibilityResult, texts: Texts): ExplainedProgramme[] {
  return result.programmes.map((p) => ({
    programme: p.programme,
    programmeName: texts.t(`eligibility:programme.${p.programme}`),
    outcome: p.outcome,
    outcomeText: texts.t(`eligibility:outcome.${p.outcome}`),
    criteria: p.criteria.map((c) => ({
      ...c,
      text: texts.t(`eligibility:${c.reasonKey}`, localizeParams(c.params, texts))
    })),
    nextStepKey: p.nextStepKey,
    nextStepText: texts.t(`eligibility:${p.nextStepKey}`)
  }));
}
