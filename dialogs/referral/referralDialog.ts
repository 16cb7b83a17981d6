import { ComponentDialog, WaterfallDialog, type Dialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { conversationReferenceOf, turnPerson, turnRecordId, turnTexts } from '../../src/conversation';
import { availableFields, sharedData, type AssessmentProfile, type ProgrammeId, type RoutingCandidate } from '../../src/domain';
import type { AssessmentService } from '../../src/services/assessmentService';
import type { ConsentService } from '../../src/services/consentService';
import type { ConversationReferenceService } from '../../src/services/conversationReferenceService';
import type { EligibilityService } from '../../src/services/eligibilityService';
import type { ReferralService } from '../../src/services/referralService';
import type { Clock } from '../../src/services/clock';
import { ask } from '../ask';
import { CHOICE_PROMPT, REFERRAL_DIALOG, YES_NO_PROMPT } from '../dialogIds';
import type { EligibilityOutcome } from '../eligibility/eligibilityDialog';
import { ReferralPresenter } from '../presenters';
import { AskChoicePrompt, AskYesNoPrompt, YES_NO_CHOICES, type PromptDeps } from '../prompts';
import type { ReferralOptions } from './referralOptions';

export interface ReferralDialogDeps extends PromptDeps {
  referrals: ReferralService;
  eligibility: EligibilityService;
  /** The person's latest skills profile may be shared too. */
  assessment: AssessmentService;
  /** The version of the notice the referral's consent is given under. */
  consent: ConsentService;
  /** Where the person's updates will be sent. */
  references: ConversationReferenceService;
  clock: Clock;
  /** Asks the eligibility questions when no check is at hand (this very dialog instance is shared). */
  eligibilityDialog: Dialog;
}

/** What the waterfalls keep between steps (dialog state: it survives restarts). */
interface Values {
  options: ReferralOptions;
  eligibility?: EligibilityOutcome;
  programme?: ProgrammeId;
  candidates?: RoutingCandidate[];
  index?: number;
  partnerId?: string;
}

const STEPS = `${REFERRAL_DIALOG}.steps`;
const PICK = `${REFERRAL_DIALOG}.pick`;

/**
 * Puts a person in touch with a partner organisation: uses (or asks for) their eligibility, lets
 * the domain's routing propose the partner that fits and say why, shows exactly what will be
 * shared with whom, and — only if they agree — creates the referral (its consent recorded with
 * the notice version) and gives them a reference number. Updates come later, in this chat.
 */
export class ReferralDialog extends ComponentDialog {
  private readonly presenter = new ReferralPresenter();

  constructor(private readonly deps: ReferralDialogDeps) {
    super(REFERRAL_DIALOG);
    this.addDialog(new AskChoicePrompt(CHOICE_PROMPT, deps));
    this.addDialog(new AskYesNoPrompt(YES_NO_PROMPT, deps));
    this.addDialog(deps.eligibilityDialog);
    this.addDialog(
      new WaterfallDialog(STEPS, [this.eligibilityStep.bind(this), this.programmeStep.bind(this), this.routeStep.bind(this), this.consentStep.bind(this), this.submitStep.bind(this)])
    );
    this.addDialog(new WaterfallDialog(PICK, [this.proposeStep.bind(this), this.pickStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private values(step: WaterfallStepContext): Values {
    return step.values as Values;
  }

  /** The eligibility check of this conversation, else the person's latest kept one, else ask. */
  private async eligibilityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? { source: 'menu' }) as ReferralOptions;
    this.values(step).options = options;
    if (options.eligibility) return step.next(options.eligibility);
    const person = turnPerson(step.context);
    const latest = person.consent.mayKeep ? (await this.deps.eligibility.history(person.userKey))[0] : undefined;
    if (latest) return step.next({ answers: latest.answers, result: latest.result } satisfies EligibilityOutcome);
    await step.context.sendActivity(turnTexts(step.context).t('referral:needEligibility'));
    return step.beginDialog(this.deps.eligibilityDialog.id);
  }

  /** The programme: given, the only one within reach, or the one the person picks. */
  private async programmeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const outcome = step.result as EligibilityOutcome | undefined;
    if (!outcome?.result) return step.endDialog();
    const values = this.values(step);
    values.eligibility = { answers: outcome.answers, result: outcome.result };
    const withinReach = outcome.result.programmes.filter((p) => p.outcome !== 'not_eligible').map((p) => p.programme);
    const wanted = values.options.programme;
    const programmes = wanted ? withinReach.filter((p) => p === wanted) : withinReach;
    const texts = turnTexts(step.context);
    if (programmes.length === 0) {
      await step.context.sendActivity(texts.t('referral:notEligible'));
      return step.endDialog();
    }
    if (programmes.length === 1) return step.next(programmes[0]);
    return ask(step, CHOICE_PROMPT, {
      key: 'referral:chooseProgramme',
      retryKey: 'eligibility:retry.choice',
      choices: programmes.map((p) => ({ value: p, labelKey: `eligibility:programme.${p}` }))
    });
  }

  /** Asks the routing for the partners that fit, then lets the person pick one. */
  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.programme = step.result as ProgrammeId;
    const answers = values.eligibility!.answers;
    const texts = turnTexts(step.context);
    const trainingPartnerId = values.options.trainingId ? this.deps.referrals.partnerOfTraining(values.options.trainingId) : undefined;
    const routing = await this.deps.referrals.propose({ programme: values.programme, country: answers.country, region: answers.region, language: texts.lang, trainingPartnerId });
    if (routing.candidates.length === 0) {
      await step.context.sendActivity(texts.t(`referral:${routing.noPartnerKey ?? 'noPartner.country'}`, { programme: texts.t(`eligibility:programme.${values.programme}`) }));
      return step.endDialog();
    }
    return step.beginDialog(PICK, { candidates: routing.candidates, index: 0 });
  }

  private async proposeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { candidates, index } = step.options as { candidates: RoutingCandidate[]; index: number };
    Object.assign(this.values(step), { candidates, index });
    const candidate = candidates[index]!;
    const partner = this.deps.referrals.partner(candidate.partnerId)!;
    const texts = turnTexts(step.context);
    await step.context.sendActivity(this.presenter.proposal(partner, candidate.reasons, texts));
    return ask(step, CHOICE_PROMPT, {
      key: 'referral:proposeAsk',
      retryKey: 'eligibility:retry.choice',
      choices: [
        { value: 'yes', labelKey: 'referral:choice.yes', synonymsKey: 'referral:choice.yesWords' },
        ...(index + 1 < candidates.length ? [{ value: 'other', labelKey: 'referral:choice.other', synonymsKey: 'referral:choice.otherWords' }] : []),
        { value: 'no', labelKey: 'referral:choice.no', synonymsKey: 'referral:choice.noWords' }
      ]
    });
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { candidates, index } = this.values(step);
    const choice = step.result as 'yes' | 'other' | 'no';
    if (choice === 'other') return step.replaceDialog(PICK, { candidates, index: index! + 1 });
    return step.endDialog(choice === 'yes' ? candidates![index!]!.partnerId : null);
  }

  /** Shows exactly what would be sent, to whom, and asks for agreement. */
  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const partnerId = step.result as string | null;
    const texts = turnTexts(step.context);
    if (!partnerId) {
      await step.context.sendActivity(texts.t('referral:notSent'));
      return step.endDialog();
    }
    const values = this.values(step);
    values.partnerId = partnerId;
    const sources = await this.sources(step);
    const fields = availableFields(sources);
    const partner = this.deps.referrals.partner(partnerId)!;
    await step.context.sendActivity(this.presenter.sharePreview(partner, fields, sharedData(fields, sources), texts));
    return ask(step, YES_NO_PROMPT, { key: 'referral:shareAsk', retryKey: 'common:retry.yesNo', choices: YES_NO_CHOICES });
  }

  private async submitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const texts = turnTexts(step.context);
    if (step.result !== true) {
      await step.context.sendActivity(texts.t('referral:notSent'));
      return step.endDialog();
    }
    const values = this.values(step);
    const person = turnPerson(step.context);
    const sources = await this.sources(step);
    const partner = this.deps.referrals.partner(values.partnerId!)!;
    const candidate = values.candidates?.find((c) => c.partnerId === partner.id);
    const referral = await this.deps.referrals.submit({
      userKey: person.userKey,
      programme: values.programme!,
      partnerId: partner.id,
      language: texts.lang,
      source: values.options.source,
      sources,
      fields: availableFields(sources),
      noticeVersion: this.deps.consent.notice.version,
      reasons: candidate?.reasons ?? [],
      id: turnRecordId(step.context, 'referral')
    });
    // The referral's consent covers keeping where to send its updates.
    await this.deps.references.remember(conversationReferenceOf(step.context, person.userKey, this.deps.clock()));
    // Held for an adviser's review (eligibility to be checked by a person): said so.
    const sentKey = referral.status === 'submitted' ? 'referral:sentForReview' : 'referral:sent';
    await step.context.sendActivity(texts.t(sentKey, { partner: partner.name, reference: referral.reference }));
    return step.endDialog({ referralId: referral.id, reference: referral.reference });
  }

  /** What the referral may draw on: this conversation's check, the latest kept profile, the training. */
  private async sources(step: WaterfallStepContext): Promise<Parameters<typeof availableFields>[0]> {
    const values = this.values(step);
    const person = turnPerson(step.context);
    const profile = person.consent.mayKeep ? await this.deps.assessment.latestCompletedProfile(person.userKey) : undefined;
    return {
      programme: values.programme,
      answers: values.eligibility?.answers,
      result: values.eligibility?.result,
      profile: profile as AssessmentProfile | undefined,
      trainingId: values.options.trainingId,
      language: turnTexts(step.context).lang,
      today: this.deps.eligibility.today()
    };
  }
}
