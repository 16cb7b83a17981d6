import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { getTurnLanguage } from '../../src/bot/turnLanguage';
import { ask } from '../ask';
import type { DialogDeps } from '../dialogDeps';
import { CONSENT_DIALOG, YES_NO_PROMPT } from '../dialogIds';
import { AskYesNoPrompt, YES_NO_CHOICES } from '../prompts';

/** Result of the consent dialog. */
export interface ConsentOutcome {
  granted: boolean;
}

/**
 * Shows the privacy notice (what is kept, why, for how long, who sees it, how to delete it) and
 * asks for an explicit yes or no. The decision is recorded with the notice version, language
 * and time. Refusing is respected: nothing personal is kept, the person can go on anonymously.
 */
export class ConsentDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(CONSENT_DIALOG);
    this.addDialog(new AskYesNoPrompt(YES_NO_PROMPT, deps));
    this.addDialog(new WaterfallDialog(`${CONSENT_DIALOG}.steps`, [this.askConsentStep.bind(this), this.recordConsentStep.bind(this)]));
    this.initialDialogId = `${CONSENT_DIALOG}.steps`;
  }

  private async askConsentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = getTurnLanguage(step.context);
    const { localizer, privacyNotice } = this.deps;
    const retention = localizer.t(lang, 'consent:retention', { count: privacyNotice.retentionDays });
    await step.context.sendActivity(localizer.t(lang, 'consent:notice', { retention }));
    return ask(step, YES_NO_PROMPT, { key: 'consent:ask', retryKey: 'consent:retry', choices: YES_NO_CHOICES });
  }

  private async recordConsentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const granted = step.result as boolean;
    const lang = getTurnLanguage(step.context);
    const { localizer, privacyNotice, consent, userData, userKeyOf } = this.deps;
    await consent.record({
      userKey: userKeyOf(step.context),
      decision: granted ? 'granted' : 'refused',
      noticeVersion: privacyNotice.version,
      language: lang,
      guardianConfirmed: null
    });
    const user = await userData.get(step.context, {});
    user.consent = { decision: granted ? 'granted' : 'refused', noticeVersion: privacyNotice.version, guardianConfirmed: null };
    await userData.set(step.context, user);
    await step.context.sendActivity(localizer.t(lang, granted ? 'consent:granted' : 'consent:refused'));
    const outcome: ConsentOutcome = { granted };
    return step.endDialog(outcome);
  }
}
