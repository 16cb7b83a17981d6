import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnPerson, turnTexts } from '../../src/conversation';
import { isFinal, type Referral } from '../../src/domain';
import type { ReferralService } from '../../src/services/referralService';
import { ask } from '../ask';
import { CHOICE_PROMPT, INFO_ANSWER_DIALOG, MY_REFERRALS_DIALOG, YES_NO_PROMPT } from '../dialogIds';
import { ReferralPresenter } from '../presenters';
import { AskChoicePrompt, AskYesNoPrompt, YES_NO_CHOICES, type ChoiceSpec, type PromptDeps } from '../prompts';

/** How "my referral" starts: to see them, or (the person asked to cancel) straight to cancelling. */
export interface MyReferralsOptions {
  cancel?: boolean;
}

export interface MyReferralsDialogDeps extends PromptDeps {
  referrals: ReferralService;
}

interface Values {
  referrals: Referral[];
  chosen?: string;
}

const STEPS = `${MY_REFERRALS_DIALOG}.steps`;
/** Finished referrals shown after the open ones. */
const FINISHED_SHOWN = 3;

/**
 * "Where is my referral?": the person's requests, where each stands and since when; lets them
 * answer a partner's question, or cancel a request (the partner is told and receives nothing
 * more).
 */
export class MyReferralsDialog extends ComponentDialog {
  private readonly presenter = new ReferralPresenter();

  constructor(private readonly deps: MyReferralsDialogDeps) {
    super(MY_REFERRALS_DIALOG);
    this.addDialog(new AskChoicePrompt(CHOICE_PROMPT, deps));
    this.addDialog(new AskYesNoPrompt(YES_NO_PROMPT, deps));
    this.addDialog(new WaterfallDialog(STEPS, [this.listStep.bind(this), this.actionStep.bind(this), this.confirmedStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async listStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as MyReferralsOptions;
    const texts = turnTexts(step.context);
    const all = await this.deps.referrals.listForPerson(turnPerson(step.context).userKey);
    const open = all.filter((r) => !isFinal(r.status));
    const shown = [...open, ...all.filter((r) => isFinal(r.status)).slice(0, FINISHED_SHOWN)];
    (step.values as Values).referrals = open;
    if (shown.length === 0) {
      await step.context.sendActivity(texts.t('referral:mine.none'));
      return step.endDialog();
    }
    const lines = shown.map((r) => this.presenter.statusLine(r, r.partnerId ? this.deps.referrals.partner(r.partnerId) : undefined, texts));
    await step.context.sendActivity([texts.t('referral:mine.intro', { count: shown.length }), ...lines].join('\n'));
    if (open.length === 0) return step.endDialog();
    if (options.cancel && open.length === 1) return step.next(`cancel:${open[0]!.id}`);
    const choices: ChoiceSpec[] = [
      ...open.filter((r) => r.status === 'infoRequested').map((r) => ({ value: `answer:${r.id}`, label: texts.t('referral:mine.answer', { reference: r.reference }) })),
      ...open.map((r) => ({ value: `cancel:${r.id}`, label: texts.t('referral:mine.cancel', { reference: r.reference }) })),
      { value: 'done', labelKey: 'referral:mine.done', synonymsKey: 'referral:mine.doneWords' }
    ];
    return ask(step, CHOICE_PROMPT, { key: options.cancel ? 'referral:mine.whichCancel' : 'referral:mine.ask', retryKey: 'eligibility:retry.choice', choices });
  }

  private async actionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as string;
    const [action, id] = choice.split(':') as [string, string | undefined];
    if (action === 'answer') return step.replaceDialog(INFO_ANSWER_DIALOG, { referralId: id });
    if (action !== 'cancel' || !id) return step.endDialog();
    const values = step.values as Values;
    const referral = values.referrals.find((r) => r.id === id);
    if (!referral) return step.endDialog();
    values.chosen = id;
    const partner = referral.partnerId ? this.deps.referrals.partner(referral.partnerId) : undefined;
    return ask(step, YES_NO_PROMPT, {
      key: 'referral:cancel.confirm',
      params: { reference: referral.reference, partner: partner?.name ?? turnTexts(step.context).t('referral:noPartnerYet') },
      retryKey: 'common:retry.yesNo',
      choices: YES_NO_CHOICES
    });
  }

  private async confirmedStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const texts = turnTexts(step.context);
    const values = step.values as Values;
    const referral = values.referrals.find((r) => r.id === values.chosen)!;
    if (step.result !== true) {
      await step.context.sendActivity(texts.t('referral:cancel.kept', { reference: referral.reference }));
      return step.endDialog();
    }
    const result = await this.deps.referrals.act(referral.id, 'withdraw', { actor: { kind: 'person' } });
    const partner = referral.partnerId ? this.deps.referrals.partner(referral.partnerId) : undefined;
    const key = result.ok ? 'referral:cancel.done' : 'referral:cancel.tooLate';
    await step.context.sendActivity(texts.t(key, { reference: referral.reference, partner: partner?.name ?? texts.t('referral:noPartnerYet') }));
    return step.endDialog();
  }
}
