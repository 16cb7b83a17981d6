import type { Localizer } from '../i18n';
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

/** Parameters whose values are codes that have a localized name. */
const LOCALIZED_PARAMS: Record<string, string> = {
  country: 'eligibility:country',
  situation: 'eligibility:situation',
  qualification: 'eligibility:qualification',
  project: 'eligibility:project'
};

/** Numeric parameters that are ages: each also gets `<name>Years` ("22 ans", "22 سنة"), plural-correct. */
const AGE_PARAMS: ReadonlySet<string> = new Set(['age', 'min', 'max', 'adviserBelow']);

function localizeParams(params: Record<string, string | number>, lang: string, localizer: Localizer): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const prefix = LOCALIZED_PARAMS[name];
    out[name] = prefix && typeof value === 'string' ? localizer.t(lang, `${prefix}.${value}`) : value;
    if (AGE_PARAMS.has(name) && typeof value === 'number') out[`${name}Years`] = yearsText(value, lang, localizer);
  }
  return out;
}

/** "22 years" in `lang`, with the language's plural rules. */
export function yearsText(count: number, lang: string, localizer: Localizer): string {
  return localizer.t(lang, 'common:years', { count });
}

/** Puts every criterion, outcome and next step of `result` into words in `lang`. */
export function explainEligibility(result: EligibilityResult, lang: string, localizer: Localizer): ExplainedProgramme[] {
  return result.programmes.map((p) => ({
    programme: p.programme,
    programmeName: localizer.t(lang, `eligibility:programme.${p.programme}`),
    outcome: p.outcome,
    outcomeText: localizer.t(lang, `eligibility:outcome.${p.outcome}`),
    criteria: p.criteria.map((c) => ({
      ...c,
      text: localizer.t(lang, `eligibility:${c.reasonKey}`, localizeParams(c.params, lang, localizer))
    })),
    nextStepKey: p.nextStepKey,
    nextStepText: localizer.t(lang, `eligibility:${p.nextStepKey}`)
  }));
}

const STATUS_MARK: Record<CriterionStatus, string> = { met: '✅', missing: '❌', review: '❔' };

/**
 * The chat message for an explained result: one block per programme. When a programme is out
 * of reach, questions that were not asked (e.g. the camp project of someone not in a camp) are
 * left out: they would only add noise. The walk-in API returns every criterion.
 */
export function formatExplanation(programmes: ExplainedProgramme[], localizer: Localizer, lang: string): string {
  const blocks = programmes.map((p) =>
    [
      localizer.t(lang, 'eligibility:programmeLine', { programme: p.programmeName, outcome: p.outcomeText }),
      ...p.criteria
        .filter((c) => !(p.outcome === 'not_eligible' && c.reasonKey.endsWith('.noAnswer')))
        .map((c) => `${STATUS_MARK[c.status]} ${c.text}`),
      `➡️ ${p.nextStepText}`
    ].join('\n')
  );
  return [localizer.t(lang, 'eligibility:resultIntro'), ...blocks].join('\n\n');
}
