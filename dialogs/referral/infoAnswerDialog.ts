import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnPerson, turnTexts } from '../../src/conversation';
import { openInfoRequest } from '../../src/domain';
import type { ReferralService } from '../../src/services/referralService';
import { ask } from '../ask';
import { FREE_TEXT_PROMPT, INFO_ANSWER_DIALOG } from '../dialogIds';
import { AskOptionalTextPrompt, type OptionalText, type PromptDeps } from '../prompts';

/** Which referral's question to answer; `asked` when the question was just shown (a message from the partner). */
export interface InfoAnswerOptions {
  referralId: string;
  asked?: boolean;
}

export interface InfoAnswerDialogDeps extends PromptDeps {
  referrals: ReferralService;
}

/** Longest answer kept (a few paragraphs). */
const MAX_ANSWER = 2000;

/**
 * The person answers a question a partner or caseworker asked about their referral. Pushed on
 * top of whatever runs when the question arrives (the dialog below asks its own question again
 * afterwards), or started from "my referral". "Later" (or the skip word) leaves it open.
 */
export class InfoAnswerDialog extends ComponentDialog {
  constructor(private readonly deps: InfoAnswerDialogDeps) {
    super(INFO_ANSWER_DIALOG);
    this.addDialog(new AskOptionalTextPrompt(FREE_TEXT_PROMPT, deps, MAX_ANSWER));
    this.addDialog(new WaterfallDialog(`${INFO_ANSWER_DIALOG}.steps`, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = `${INFO_ANSWER_DIALOG}.steps`;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as InfoAnswerOptions;
    const texts = turnTexts(step.context);
    const referral = await this.deps.referrals.get(options.referralId);
    const request = referral && referral.userKey === turnPerson(step.context).userKey ? openInfoRequest(referral) : undefined;
    if (!referral || !request) {
      await step.context.sendActivity(texts.t('referral:answer.nothingOpen'));
      return step.endDialog();
    }
    if (!options.asked) {
      const partner = referral.partnerId ? this.deps.referrals.partner(referral.partnerId) : undefined;
      const params = { reference: referral.reference, question: request.question };
      await step.context.sendActivity(
        partner ? texts.t('referral:update.infoRequested', { ...params, partner: partner.name }) : texts.t('referral:update.infoRequestedByAdviser', params)
      );
    }
    return ask(step, FREE_TEXT_PROMPT, {
      key: 'referral:answer.ask',
      retryKey: 'referral:answer.retry',
      choices: [{ value: 'skip', labelKey: 'referral:answer.later', synonymsKey: 'referral:answer.laterWords' }]
    });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { referralId } = step.options as InfoAnswerOptions;
    const texts = turnTexts(step.context);
    const answer = (step.result as OptionalText).text;
    if (answer === null) {
      await step.context.sendActivity(texts.t('referral:answer.postponed'));
      return step.endDialog();
    }
    const result = await this.deps.referrals.act(referralId, 'answerInfo', { actor: { kind: 'person' }, answer });
    const partner = result.ok && result.referral.partnerId ? this.deps.referrals.partner(result.referral.partnerId) : undefined;
    const key = !result.ok ? 'referral:answer.nothingOpen' : partner ? 'referral:answer.sent' : 'referral:answer.sentToAdviser';
    await step.context.sendActivity(texts.t(key, { partner: partner?.name ?? '' }));
    return step.endDialog();
  }
}
