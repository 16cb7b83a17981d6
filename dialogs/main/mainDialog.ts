import { ComponentDialog, WaterfallDialog, type Dialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnPerson, turnTexts } from '../../src/conversation';
import { ask } from '../ask';
import { CHOICE_PROMPT, MAIN_DIALOG, YES_NO_PROMPT } from '../dialogIds';
import { followUpOf, type FollowUp } from '../followUp';
import { AskChoicePrompt, AskYesNoPrompt, YES_NO_CHOICES, type PromptDeps } from '../prompts';
import type { JourneyRegistry } from './journeys';
import type { MenuItem } from './menu';

/** How the main dialog is (re)started. */
export interface MainOptions {
  /** Greet first (a new conversation, or a restart). */
  greet?: boolean;
}

export interface MainDialogDeps extends PromptDeps {
  /** Asked on first contact, before anything else. */
  language: Dialog;
  /** Asked once per privacy notice version. */
  consent: Dialog;
  /** The menu's journeys and their dialogs. */
  journeys: JourneyRegistry;
}

const STEPS = `${MAIN_DIALOG}.steps`;

/**
 * The root of every conversation: language on first contact, consent, then the menu of
 * journeys, looping back to the menu after each one.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly deps: MainDialogDeps) {
    super(MAIN_DIALOG);
    for (const dialog of new Set([deps.language, deps.consent, ...deps.journeys.dialogs])) this.addDialog(dialog);
    this.addDialog(new AskChoicePrompt(CHOICE_PROMPT, deps));
    this.addDialog(new AskYesNoPrompt(YES_NO_PROMPT, deps));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.languageStep.bind(this),
        this.consentStep.bind(this),
        this.menuStep.bind(this),
        this.journeyStep.bind(this),
        this.offerStep.bind(this),
        this.offerAnswerStep.bind(this),
        this.loopStep.bind(this)
      ])
    );
    this.initialDialogId = STEPS;
  }

  private async languageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as MainOptions;
    if (options.greet) await step.context.sendActivity(turnTexts(step.context).t('common:greeting'));
    if (!turnPerson(step.context).language) return step.beginDialog(this.deps.language.id);
    return step.next();
  }

  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!turnPerson(step.context).consent.decided) return step.beginDialog(this.deps.consent.id);
    return step.next();
  }

  private async menuStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return ask(step, CHOICE_PROMPT, {
      key: 'menu:ask',
      retryKey: 'common:retry.choice',
      choices: this.deps.journeys.items.map((item) => ({ value: item, labelKey: `menu:item.${item}`, synonymsKey: `menu:synonyms.${item}` }))
    });
  }

  private async journeyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const item = step.result as MenuItem;
    const dialog = this.deps.journeys.dialogOf(item);
    if (dialog) return step.beginDialog(dialog.id);
    const { t } = turnTexts(step.context);
    await step.context.sendActivity(t('menu:comingSoon', { journey: t(`menu:item.${item}`) }));
    return step.next();
  }

  /** A journey may end by proposing the next one (a referral after an eligibility result): ask. */
  private async offerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const followUp = followUpOf(step.result);
    if (!followUp || !this.findDialog(followUp.dialogId)) return step.next();
    (step.values as { followUp?: FollowUp }).followUp = followUp;
    return ask(step, YES_NO_PROMPT, { key: followUp.offerKey, params: followUp.offerParams, retryKey: 'common:retry.yesNo', choices: YES_NO_CHOICES });
  }

  private async offerAnswerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const followUp = (step.values as { followUp?: FollowUp }).followUp;
    if (followUp && step.result === true) return step.beginDialog(followUp.dialogId, followUp.options);
    return step.next();
  }

  private async loopStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options: MainOptions = { greet: false };
    return step.replaceDialog(STEPS, options);
  }
}
