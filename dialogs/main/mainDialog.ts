import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { getTurnLanguage } from '../../src/bot/turnLanguage';
import { ask } from '../ask';
import { ConsentDialog } from '../consent/consentDialog';
import type { DialogDeps } from '../dialogDeps';
import { ASSESSMENT_DIALOG, CHOICE_PROMPT, CONSENT_DIALOG, ELIGIBILITY_DIALOG, LANGUAGE_DIALOG, MAIN_DIALOG, TRAINING_SEARCH_DIALOG } from '../dialogIds';
import { AssessmentDialog } from '../assessment/assessmentDialog';
import { TrainingSearchDialog } from '../trainings/trainingSearchDialog';
import { EligibilityDialog } from '../eligibility/eligibilityDialog';
import { LanguageDialog } from '../language/languageDialog';
import { AskChoicePrompt } from '../prompts';
import { AVAILABLE_ITEMS, MENU_ITEMS, type MenuItem } from './menu';

/** How the main dialog is (re)started. */
export interface MainOptions {
  /** Greet first (a new conversation, or a restart). */
  greet?: boolean;
}

const STEPS = `${MAIN_DIALOG}.steps`;

/**
 * The root of every conversation: language on first contact, consent, then the menu of
 * journeys, looping back to the menu after each one.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(MAIN_DIALOG);
    this.addDialog(new LanguageDialog(deps));
    this.addDialog(new ConsentDialog(deps));
    this.addDialog(new EligibilityDialog(deps));
    this.addDialog(new AssessmentDialog(deps));
    this.addDialog(new TrainingSearchDialog(deps));
    this.addDialog(new AskChoicePrompt(CHOICE_PROMPT, deps));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.languageStep.bind(this),
        this.consentStep.bind(this),
        this.menuStep.bind(this),
        this.journeyStep.bind(this),
        this.loopStep.bind(this)
      ])
    );
    this.initialDialogId = STEPS;
  }

  private async languageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as MainOptions;
    const lang = getTurnLanguage(step.context);
    if (options.greet) await step.context.sendActivity(this.deps.localizer.t(lang, 'common:greeting'));
    const user = await this.deps.userData.get(step.context, {});
    if (!user.language) return step.beginDialog(LANGUAGE_DIALOG);
    return step.next();
  }

  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const user = await this.deps.userData.get(step.context, {});
    const decided = user.consent && user.consent.noticeVersion === this.deps.privacyNotice.version;
    if (!decided) return step.beginDialog(CONSENT_DIALOG);
    return step.next();
  }

  private async menuStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return ask(step, CHOICE_PROMPT, {
      key: 'menu:ask',
      retryKey: 'menu:retry',
      choices: MENU_ITEMS.map((item) => ({ value: item, labelKey: `menu:item.${item}`, synonymsKey: `menu:synonyms.${item}` }))
    });
  }

  private async journeyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const item = step.result as MenuItem;
    if (item === 'eligibility') return step.beginDialog(ELIGIBILITY_DIALOG);
    if (item === 'trainings') return step.beginDialog(TRAINING_SEARCH_DIALOG);
    if (item === 'assessment') return step.beginDialog(ASSESSMENT_DIALOG);
    if (item === 'language') return step.beginDialog(LANGUAGE_DIALOG);
    const lang = getTurnLanguage(step.context);
    if (!AVAILABLE_ITEMS.has(item)) {
      await step.context.sendActivity(
        this.deps.localizer.t(lang, 'menu:comingSoon', { journey: this.deps.localizer.t(lang, `menu:item.${item}`) })
      );
    }
    return step.next();
  }

  private async loopStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options: MainOptions = { greet: false };
    return step.replaceDialog(STEPS, options);
  }
}
