import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnPerson, turnTexts, type People } from '../../src/conversation';
import { formatDay, type Texts } from '../../src/i18n';
import type { PersonalDataSummary, PrivacyService } from '../../src/services/privacyService';
import { ask } from '../ask';
import { CHOICE_PROMPT, MY_DATA_DIALOG, YES_NO_PROMPT } from '../dialogIds';
import { AskChoicePrompt, AskYesNoPrompt, YES_NO_CHOICES, type ChoiceSpec, type PromptDeps } from '../prompts';

/** What the person asked for: to see what is kept (default), to erase it, or to withdraw their consent. */
export interface MyDataOptions {
  action?: 'see' | 'erase' | 'withdraw';
}

export interface MyDataDialogDeps extends PromptDeps {
  people: People;
  privacy: PrivacyService;
  /** Absolute base URL of this server, for the export link. */
  publicBaseUrl: string;
}

interface Values {
  action?: 'erase' | 'withdraw';
}

const STEPS = `${MY_DATA_DIALOG}.steps`;

/**
 * "My information": what is kept about the person in plain words, a link to all of it as a
 * file (unguessable, expiring), and, after a yes/no confirmation, withdrawing consent or erasing
 * everything (`People`, which records it through the privacy and consent services).
 */
export class MyDataDialog extends ComponentDialog {
  constructor(private readonly deps: MyDataDialogDeps) {
    super(MY_DATA_DIALOG);
    this.addDialog(new AskChoicePrompt(CHOICE_PROMPT, deps));
    this.addDialog(new AskYesNoPrompt(YES_NO_PROMPT, deps));
    this.addDialog(new WaterfallDialog(STEPS, [this.showStep.bind(this), this.confirmStep.bind(this), this.actStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as MyDataOptions;
    if (options.action === 'erase' || options.action === 'withdraw') return step.next(options.action);
    const texts = turnTexts(step.context);
    const { userKey } = turnPerson(step.context);
    const summary = await this.deps.privacy.summary(userKey);
    const lines = keptLines(summary, texts);
    if (lines.length === 0) {
      await step.context.sendActivity(texts.t('privacy:nothingKept'));
      return step.endDialog();
    }
    const { token } = this.deps.privacy.exportLink(userKey);
    const validity = texts.t('assessment:linkValidity', { count: this.deps.privacy.exportLinkDays });
    await step.context.sendActivity(
      [texts.t('privacy:intro'), ...lines.map((line) => `• ${line}`), texts.t('privacy:retention', { retention: texts.t('consent:retention', { count: summary.retentionDays }) })].join('\n')
    );
    await step.context.sendActivity(texts.t('privacy:export', { url: `${this.deps.publicBaseUrl}/my-data/${token}`, validity }));
    const choices: ChoiceSpec[] = [
      ...(turnPerson(step.context).consent.mayKeep ? [{ value: 'withdraw', labelKey: 'privacy:choice.withdraw' }] : []),
      { value: 'erase', labelKey: 'privacy:choice.erase' },
      { value: 'done', labelKey: 'privacy:choice.done', synonymsKey: 'privacy:choice.doneWords' }
    ];
    return ask(step, CHOICE_PROMPT, { key: 'privacy:ask', retryKey: 'eligibility:retry.choice', choices });
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const action = step.result as string;
    if (action !== 'erase' && action !== 'withdraw') return step.endDialog();
    const person = turnPerson(step.context);
    if (action === 'withdraw' && !person.consent.mayKeep) {
      await step.context.sendActivity(turnTexts(step.context).t('privacy:nothingToWithdraw'));
      return step.endDialog();
    }
    (step.values as Values).action = action;
    return ask(step, YES_NO_PROMPT, { key: `privacy:confirm.${action}`, retryKey: 'common:retry.yesNo', choices: YES_NO_CHOICES });
  }

  private async actStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const texts = turnTexts(step.context);
    const { action } = step.values as Values;
    if (step.result !== true) {
      await step.context.sendActivity(texts.t('privacy:nothingDeleted'));
      return step.endDialog();
    }
    if (action === 'withdraw') await this.deps.people.withdrawConsent(step.context);
    else await this.deps.people.erase(step.context);
    await step.context.sendActivity(texts.t(action === 'withdraw' ? 'privacy:withdrawn' : 'privacy:erased'));
    // Nothing resumes, here or below (the whole stack goes): the answers it was collecting are
    // gone with the rest.
    return step.cancelAllDialogs(true);
  }
}

/** What is kept, one plain line each (nothing counted: the kinds of things are what matters). */
function keptLines(summary: PersonalDataSummary, texts: Texts): string[] {
  const lines: string[] = [];
  if (summary.language) lines.push(texts.t('privacy:kept.language', { language: texts.t('language:name', { lng: summary.language }) }));
  if (summary.consent) lines.push(texts.t(`privacy:kept.consent.${summary.consent.decision}`, { date: formatDay(summary.consent.decidedAt, texts.lang) }));
  if (summary.eligibilityChecks > 0) lines.push(texts.t('privacy:kept.eligibility'));
  if (summary.assessments > 0) lines.push(texts.t('privacy:kept.assessments'));
  if (summary.trainingInterests > 0) lines.push(texts.t('privacy:kept.trainings'));
  if (summary.referrals > 0) lines.push(texts.t('privacy:kept.referrals'));
  if (summary.reachable) lines.push(texts.t('privacy:kept.reachable'));
  return lines;
}
