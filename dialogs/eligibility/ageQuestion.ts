import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnTexts } from '../../src/conversation';
import { ageOn, agesInBirthYear, type IsoDate } from '../../src/domain';
import type { AgeOrBirthDate } from '../../src/understanding';
import { ask } from '../ask';
import { AskAgeOrBirthDatePrompt, AskYesNoPrompt, YES_NO_CHOICES, type AskParam, type PromptDeps } from '../prompts';

/** Ages below this, or above `CONFIRM_ABOVE`, are asked again as "you are 5: is that right?". */
export const CONFIRM_BELOW = 12;
export const CONFIRM_ABOVE = 99;

const AGE_PROMPT = 'ageQuestion.age';
const CONFIRM_PROMPT = 'ageQuestion.confirm';
const STEPS = 'ageQuestion.steps';

/** The youngest and oldest the person can be from their answer (a year of birth gives two ages). */
function agesOf(answer: AgeOrBirthDate, today: IsoDate): { youngest: number; oldest: number } {
  switch (answer.kind) {
    case 'age':
      return { youngest: answer.age, oldest: answer.age };
    case 'birthDate': {
      const age = ageOn(answer.birthDate, today);
      return { youngest: age, oldest: age };
    }
    case 'birthYear':
      return agesInBirthYear(answer.year, today);
  }
}

/** "22 years old", or "21 or 22 years old" from a year of birth, as a text key the prompt renders. */
function agesText({ youngest, oldest }: { youngest: number; oldest: number }): AskParam {
  return youngest === oldest ? { key: 'common:years', params: { count: oldest } } : { key: 'common:yearsOneOf', params: { youngest, count: oldest } };
}

/**
 * "How old are you?": an age, a date of birth or a year of birth. An age that is implausible for
 * someone using the chat (a child, over 99) is confirmed before it is used ("Trouver une
 * formation" once became age 1); a year of birth is answered with the two ages it gives. Ends
 * with the `AgeOrBirthDate` understood.
 */
export class AgeQuestion extends ComponentDialog {
  /** `today` gives today's date (`YYYY-MM-DD`) in the programmes' time zone. */
  constructor(id: string, deps: PromptDeps, private readonly today: () => IsoDate) {
    super(id);
    this.addDialog(new AskAgeOrBirthDatePrompt(AGE_PROMPT, deps, today));
    this.addDialog(new AskYesNoPrompt(CONFIRM_PROMPT, deps));
    this.addDialog(new WaterfallDialog(STEPS, [this.askStep.bind(this), this.checkStep.bind(this), this.confirmedStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return ask(step, AGE_PROMPT, { key: 'eligibility:askAge', retryKey: 'eligibility:retry.age' });
  }

  private async checkStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as AgeOrBirthDate;
    (step.values as { answer?: AgeOrBirthDate }).answer = answer;
    const ages = agesOf(answer, this.today());
    if (ages.youngest > CONFIRM_ABOVE || ages.oldest < CONFIRM_BELOW) {
      return ask(step, CONFIRM_PROMPT, { key: 'eligibility:confirmAge', params: { ages: agesText(ages) }, retryKey: 'common:retry.yesNo', choices: YES_NO_CHOICES });
    }
    return step.next(true);
  }

  private async confirmedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = (step.values as { answer: AgeOrBirthDate }).answer;
    const { t } = turnTexts(step.context);
    if (step.result !== true) {
      await step.context.sendActivity(t('eligibility:ageNotConfirmed'));
      return step.replaceDialog(STEPS);
    }
    if (answer.kind === 'birthYear') {
      const ages = agesInBirthYear(answer.year, this.today());
      await step.context.sendActivity(t('eligibility:birthYearNoted', { year: answer.year, youngest: ages.youngest, count: ages.oldest }));
    }
    return step.endDialog(answer);
  }
}
