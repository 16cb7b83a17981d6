import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnPerson, turnRecordId, turnTexts, type People } from '../../src/conversation';
import {
  COUNTRY_CODES,
  PROJECT_STATUSES,
  QUALIFICATIONS,
  SITUATIONS,
  type CountryCode,
  type EligibilityAnswers,
  type EligibilityResult,
  type ProjectStatus,
  type Qualification,
  type Situation
} from '../../src/domain/eligibility/types';
import type { EligibilityService } from '../../src/services/eligibilityService';
import { explainEligibility, yearsText } from '../../src/services/eligibilityExplainer';
import type { AgeOrBirthDate } from '../../src/understanding';
import { ask } from '../ask';
import { eligibilityResultMessage } from '../presenters';
import { AGE_QUESTION, CHOICE_PROMPT, ELIGIBILITY_DIALOG, OPTIONAL_TEXT_PROMPT, REFERRAL_DIALOG, YES_NO_PROMPT } from '../dialogIds';
import type { WithFollowUp } from '../followUp';
import type { ReferralOptions } from '../referral/referralOptions';
import { AskChoicePrompt, AskCountryPrompt, AskOptionalTextPrompt, AskYesNoPrompt, YES_NO_CHOICES, type AskSpec, type ChoiceSpec, type OptionalText, type PromptDeps } from '../prompts';
import { AgeQuestion } from './ageQuestion';

/** What the dialog ends with: the answers and the domain's result (and a referral offer when it fits). */
export interface EligibilityOutcome extends WithFollowUp {
  answers: EligibilityAnswers;
  result: EligibilityResult;
}

/** What the waterfall keeps between steps (in dialog state, so it survives restarts). */
interface EligibilityValues {
  answers: EligibilityAnswers;
}

export interface EligibilityDialogDeps extends PromptDeps {
  eligibility: EligibilityService;
  /** Records a guardian's decision as the person's consent. */
  people: People;
}

/** The buttons of a closed question: `eligibility:<texts>.<value>`, and the words that also choose them. */
function answersOf(values: readonly string[], texts: 'country' | 'situation' | 'qualification' | 'project'): ChoiceSpec[] {
  return values.map((value) => ({ value, labelKey: `eligibility:${texts}.${value}`, synonymsKey: `eligibility:${texts}Synonyms.${value}` }));
}

/** "In which country do you live now?": the five partner countries and "another country". */
export function countryQuestion(): AskSpec {
  return {
    key: 'eligibility:askCountry',
    retryKey: 'common:retry.choice',
    choices: answersOf(COUNTRY_CODES, 'country')
  };
}

const STEPS = `${ELIGIBILITY_DIALOG}.steps`;
const COUNTRY_PROMPT = `${ELIGIBILITY_DIALOG}.country`;

/**
 * Asks the eligibility questions (age or date of birth, country, situation, qualification,
 * region, camp, project), lets the domain decide, and explains the result per programme.
 * Answers and result are stored only with valid consent (a guardian's too, below the country's
 * digital-consent age).
 */
export class EligibilityDialog extends ComponentDialog {
  constructor(private readonly deps: EligibilityDialogDeps) {
    super(ELIGIBILITY_DIALOG);
    this.addDialog(new AskChoicePrompt(CHOICE_PROMPT, deps));
    this.addDialog(new AskYesNoPrompt(YES_NO_PROMPT, deps));
    this.addDialog(new AgeQuestion(AGE_QUESTION, deps, () => deps.eligibility.today()));
    this.addDialog(new AskCountryPrompt(COUNTRY_PROMPT, deps));
    this.addDialog(new AskOptionalTextPrompt(OPTIONAL_TEXT_PROMPT, deps));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.askAgeStep.bind(this),
        this.askCountryStep.bind(this),
        this.askGuardianStep.bind(this),
        this.askSituationStep.bind(this),
        this.askQualificationStep.bind(this),
        this.askRegionStep.bind(this),
        this.askCampStep.bind(this),
        this.askProjectStep.bind(this),
        this.resultStep.bind(this)
      ])
    );
    this.initialDialogId = STEPS;
  }

  private values(step: WaterfallStepContext): EligibilityValues {
    const v = step.values as Partial<EligibilityValues>;
    v.answers ??= {};
    return v as EligibilityValues;
  }

  private async askAgeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(turnTexts(step.context).t('eligibility:intro'));
    return step.beginDialog(AGE_QUESTION);
  }

  private async askCountryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as AgeOrBirthDate;
    const { answers } = this.values(step);
    if (answer.kind === 'age') answers.age = answer.age;
    else if (answer.kind === 'birthDate') answers.birthDate = answer.birthDate;
    else answers.birthYear = answer.year;
    return ask(step, COUNTRY_PROMPT, countryQuestion());
  }

  /** A person younger than the country's digital-consent age needs a guardian to agree too. */
  private async askGuardianStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.answers.country = step.result as CountryCode;
    const { eligibility } = this.deps;
    const { consent } = turnPerson(step.context);
    const age = eligibility.ageOf(values.answers);
    const country = values.answers.country;
    if (age === undefined || !consent.mayKeep || consent.guardianConfirmed === true || !eligibility.needsGuardian(age, country)) {
      return step.next();
    }
    const texts = turnTexts(step.context);
    await step.context.sendActivity(
      texts.t('eligibility:guardian.explain', {
        consentAgeYears: yearsText(eligibility.country(country).digitalConsentAge, texts),
        country: texts.t(`eligibility:country.${country}`)
      })
    );
    return ask(step, YES_NO_PROMPT, { key: 'eligibility:guardian.ask', retryKey: 'common:retry.yesNo', choices: YES_NO_CHOICES });
  }

  private async askSituationStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (typeof step.result === 'boolean') await this.recordGuardianDecision(step, step.result);
    return ask(step, CHOICE_PROMPT, {
      key: 'eligibility:askSituation',
      retryKey: 'common:retry.choice',
      choices: answersOf(SITUATIONS, 'situation')
    });
  }

  private async recordGuardianDecision(step: WaterfallStepContext, guardianAgrees: boolean): Promise<void> {
    await this.deps.people.decideConsent(step.context, { granted: guardianAgrees, guardianConfirmed: guardianAgrees });
    await step.context.sendActivity(turnTexts(step.context).t(guardianAgrees ? 'eligibility:guardian.agreed' : 'eligibility:guardian.declined'));
  }

  private async askQualificationStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.values(step).answers.situation = step.result as Situation;
    return ask(step, CHOICE_PROMPT, {
      key: 'eligibility:askQualification',
      retryKey: 'common:retry.choice',
      choices: answersOf(QUALIFICATIONS, 'qualification')
    });
  }

  private async askRegionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { answers } = this.values(step);
    answers.qualification = step.result as Qualification;
    if (answers.country === 'OTHER') return step.next({ text: null } satisfies OptionalText);
    return ask(step, OPTIONAL_TEXT_PROMPT, {
      key: 'eligibility:askRegion',
      retryKey: 'eligibility:retry.region',
      choices: [{ value: 'skip', labelKey: 'common:skip' }]
    });
  }

  private async askCampStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const region = (step.result as OptionalText).text;
    if (region) this.values(step).answers.region = region;
    return ask(step, YES_NO_PROMPT, { key: 'eligibility:askCamp', retryKey: 'common:retry.yesNo', choices: YES_NO_CHOICES });
  }

  private async askProjectStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { answers } = this.values(step);
    answers.livesInCamp = step.result as boolean;
    if (!answers.livesInCamp) return step.next();
    return ask(step, CHOICE_PROMPT, {
      key: 'eligibility:askProject',
      retryKey: 'common:retry.choice',
      choices: answersOf(PROJECT_STATUSES, 'project')
    });
  }

  private async resultStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    if (typeof step.result === 'string') values.answers.project = step.result as ProjectStatus;
    const texts = turnTexts(step.context);
    const { eligibility } = this.deps;
    const result = eligibility.evaluate(values.answers);
    await step.context.sendActivity(eligibilityResultMessage(explainEligibility(result, texts), texts));
    const person = turnPerson(step.context);
    if (person.consent.mayKeep) {
      await eligibility.record(person.userKey, values.answers, result, texts.lang, turnRecordId(step.context, 'eligibilityCheck'));
      await step.context.sendActivity(texts.t('eligibility:saved'));
    } else {
      await step.context.sendActivity(texts.t('eligibility:notSaved'));
    }
    const outcome: EligibilityOutcome = { answers: values.answers, result };
    // Someone who may join a programme (or whom an adviser should look at) is offered a referral.
    if (result.programmes.some((p) => p.outcome !== 'not_eligible')) {
      const options: ReferralOptions = { eligibility: { answers: values.answers, result }, source: 'eligibility' };
      outcome.followUp = { offerKey: 'referral:offer.afterEligibility', dialogId: REFERRAL_DIALOG, options };
    }
    return step.endDialog(outcome);
  }
}
