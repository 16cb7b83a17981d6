import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnTexts, type People } from '../../src/conversation';
import type { PrivacyNoticeTerms } from '../../src/services/consentService';
import { ask } from '../ask';
import { CONSENT_DIALOG, YES_NO_PROMPT } from '../dialogIds';
import { AskYesNoPrompt, YES_NO_CHOICES, type PromptDeps } from '../prompts';

/** Result of the consent dialog. */
export interface ConsentOutcome {
  granted: boolean;
}

export interface ConsentDialogDeps extends PromptDeps {
  people: People;
  /** The notice in force: its retention period is told. */
  notice: PrivacyNoticeTerms;
  /** How long the conversation of a person who says no lives after their last message (told too). */
  transientHours: number;
}

/**
 * Shows the privacy notice (what is kept, why, for how long, who sees it, how to delete it) and
 * asks for an explicit yes or no, which `People` records. Refusing is respected: nothing
 * personal is kept, the person can go on anonymously.
 */
export class ConsentDialog extends ComponentDialog {
  constructor(private readonly deps: ConsentDialogDeps) {
    super(CONSENT_DIALOG);
    this.addDialog(new AskYesNoPrompt(YES_NO_PROMPT, deps));
    this.addDialog(new WaterfallDialog(`${CONSENT_DIALOG}.steps`, [this.askConsentStep.bind(this), this.recordConsentStep.bind(this)]));
    this.initialDialogId = `${CONSENT_DIALOG}.steps`;
  }

  private async askConsentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { t } = turnTexts(step.context);
    const retention = t('consent:retention', { count: this.deps.notice.retentionDays });
    const transient = t('consent:transient', { count: this.deps.transientHours });
    await step.context.sendActivity(t('consent:notice', { retention, transient }));
    return ask(step, YES_NO_PROMPT, { key: 'consent:ask', retryKey: 'consent:retry', choices: YES_NO_CHOICES });
  }

  private async recordConsentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const granted = step.result as boolean;
    await this.deps.people.decideConsent(step.context, { granted });
    await step.context.sendActivity(turnTexts(step.context).t(granted ? 'consent:granted' : 'consent:refused'));
    const outcome: ConsentOutcome = { granted };
    return step.endDialog(outcome);
  }
}
