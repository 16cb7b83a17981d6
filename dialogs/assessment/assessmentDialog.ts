import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnPerson, turnRecordId, turnTexts } from '../../src/conversation';
import { INSTRUCTION_LANGUAGES, QUESTIONNAIRE_IDS, type AnswerValue, type AssessmentProfile, type InstructionLanguage, type QuestionnaireId, type TrainingCountry } from '../../src/domain';
import type { AssessmentDialogState, AssessmentService, AssessmentSession } from '../../src/services/assessmentService';
import type { EligibilityService } from '../../src/services/eligibilityService';
import { ask } from '../ask';
import { ASSESSMENT_DIALOG, CHOICE_PROMPT, YES_NO_PROMPT } from '../dialogIds';
import { assessmentSummary } from '../presenters';
import { AskChoicePrompt, AskYesNoPrompt, YES_NO_CHOICES, type ChoiceSpec, type PromptDeps } from '../prompts';

/** Options to start the assessment dialog. */
export interface AssessmentOptions {
  /** Skip the choice of questionnaire. */
  questionnaireId?: QuestionnaireId;
}

/** What the item loop returns. */
interface LoopResult {
  state: AssessmentDialogState;
  outcome: 'done' | 'paused' | 'lost';
}

/** What the waterfalls keep between steps. */
interface StepValues {
  questionnaireId?: QuestionnaireId;
  resumeId?: string;
  state?: AssessmentDialogState;
  itemId?: string;
}

const vals = (step: WaterfallStepContext): StepValues => step.values as StepValues;

export interface AssessmentDialogDeps extends PromptDeps {
  assessment: AssessmentService;
  /** The person's last eligibility answers give their country, for matching trainings. */
  eligibility: EligibilityService;
  /** Absolute base URL of this server, for the link to the printable profile. */
  publicBaseUrl: string;
}

const STEPS = `${ASSESSMENT_DIALOG}.steps`;
const ITEM_LOOP = `${ASSESSMENT_DIALOG}.item`;
const ITEM_PROMPT = `${ASSESSMENT_DIALOG}.itemPrompt`;
const LEVELS = ['1', '2', '3', '4'] as const;

/**
 * The skills self-assessment: one "I can…" statement at a time with its four levels, progress
 * ("5 / 19"), skip, back and pause; resumable days later (answers are kept only with consent);
 * ends with the profile, the recommended training level, matching trainings and a link to a
 * printable profile.
 */
export class AssessmentDialog extends ComponentDialog {
  constructor(private readonly deps: AssessmentDialogDeps) {
    super(ASSESSMENT_DIALOG);
    this.addDialog(new AskChoicePrompt(CHOICE_PROMPT, deps));
    this.addDialog(new AskChoicePrompt(ITEM_PROMPT, deps));
    this.addDialog(new AskYesNoPrompt(YES_NO_PROMPT, deps));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.chooseQuestionnaireStep.bind(this),
        this.offerResumeStep.bind(this),
        this.startStep.bind(this),
        this.resultStep.bind(this)
      ])
    );
    this.addDialog(new WaterfallDialog(ITEM_LOOP, [this.askItemStep.bind(this), this.handleAnswerStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async chooseQuestionnaireStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as AssessmentOptions;
    if (options.questionnaireId) return step.next(options.questionnaireId);
    return ask(step, CHOICE_PROMPT, {
      key: 'assessment:chooseQuestionnaire',
      retryKey: 'common:retry.choice',
      choices: QUESTIONNAIRE_IDS.map((id) => ({ value: id, labelKey: `assessment:questionnaire.${id}` }))
    });
  }

  private async offerResumeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const questionnaireId = step.result as QuestionnaireId;
    vals(step).questionnaireId = questionnaireId;
    const person = turnPerson(step.context);
    if (!person.consent.mayKeep) return step.next(false);
    const { assessment } = this.deps;
    const previous = await assessment.resumable(person.userKey, questionnaireId);
    if (!previous) return step.next(false);
    const session: AssessmentSession = { record: previous, kept: true };
    const progress = assessment.progress(session);
    if (progress.answered + progress.skipped === 0) return step.next(false);
    vals(step).resumeId = previous.id;
    // Answered and skipped questions are counted apart, each with its plural forms.
    return ask(step, YES_NO_PROMPT, {
      key: progress.skipped > 0 ? 'assessment:resumeAskSkipped' : 'assessment:resumeAsk',
      params: {
        date: { dayOf: previous.updatedAt.toISOString() },
        answers: { key: 'assessment:answeredOf', params: { count: progress.answered, total: progress.total } },
        skips: { key: 'assessment:skippedCount', params: { count: progress.skipped } }
      },
      retryKey: 'common:retry.yesNo',
      choices: YES_NO_CHOICES
    });
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { assessment } = this.deps;
    const texts = turnTexts(step.context);
    const person = turnPerson(step.context);
    const questionnaireId = vals(step).questionnaireId!;
    let session: AssessmentSession;
    const resumeId = vals(step).resumeId;
    if (step.result === true && resumeId !== undefined) {
      const resumed = await assessment.fromDialogState({ id: resumeId, kept: true });
      if (!resumed) return step.endDialog();
      session = resumed;
      await step.context.sendActivity(texts.t('assessment:resumed'));
    } else {
      session = await assessment.start(person.userKey, questionnaireId, texts.lang, person.consent.mayKeep, turnRecordId(step.context, 'assessment'));
      // Only kept answers can be continued later: the intro says what really happens.
      const count = assessment.questionnaire(questionnaireId).items.length;
      const statements = texts.t('assessment:statementCount', { count });
      await step.context.sendActivity(texts.t(session.kept ? 'assessment:intro' : 'assessment:introNotKept', { statements }));
    }
    return step.beginDialog(ITEM_LOOP, assessment.toDialogState(session));
  }

  private async askItemStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as AssessmentDialogState;
    vals(step).state = state;
    const { assessment } = this.deps;
    const session = await assessment.fromDialogState(state);
    if (!session) return step.endDialog({ state, outcome: 'lost' } satisfies LoopResult);
    const itemId = assessment.currentItem(session);
    if (!itemId) return step.endDialog({ state, outcome: 'done' } satisfies LoopResult);
    vals(step).itemId = itemId;
    const questionnaire = assessment.questionnaire(session.record.questionnaireId as QuestionnaireId);
    const position = questionnaire.items.findIndex((i) => i.id === itemId) + 1;
    const choices: ChoiceSpec[] = [
      ...LEVELS.map((level) => ({
        value: level,
        labelKey: `assessment:item.${itemId}.level.${level}`,
        synonymsKey: `assessment:level.${level}`
      })),
      { value: 'skip', labelKey: 'assessment:skip', synonymsKey: 'assessment:skipWords' },
      { value: 'back', labelKey: 'assessment:back', synonymsKey: 'assessment:backWords' },
      // "Stop for now" promises a later; without consent, stopping loses the answers.
      { value: 'pause', labelKey: session.kept ? 'assessment:pause' : 'assessment:stop', synonymsKey: 'assessment:pauseWords' }
    ];
    return ask(step, ITEM_PROMPT, {
      key: 'assessment:itemQuestion',
      params: {
        progress: { key: 'assessment:progress', params: { current: position, total: questionnaire.items.length } },
        statement: { key: `assessment:item.${itemId}.statement` }
      },
      retryKey: 'assessment:retry',
      choices
    });
  }

  private async handleAnswerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as (typeof LEVELS)[number] | 'skip' | 'back' | 'pause';
    const state = vals(step).state!;
    const itemId = vals(step).itemId!;
    const { assessment } = this.deps;
    const session = await assessment.fromDialogState(state);
    if (!session) return step.endDialog({ state, outcome: 'lost' } satisfies LoopResult);
    if (choice === 'pause') return step.endDialog({ state, outcome: 'paused' } satisfies LoopResult);
    let next: AssessmentSession;
    if (choice === 'back') {
      const previous = await assessment.back(session, itemId);
      if (!previous) {
        await step.context.sendActivity(turnTexts(step.context).t('assessment:firstQuestion'));
        return step.replaceDialog(ITEM_LOOP, state);
      }
      next = previous;
    } else {
      const value: AnswerValue = choice === 'skip' ? 'skipped' : (Number(choice) as AnswerValue);
      next = await assessment.answer(session, itemId, value);
    }
    return step.replaceDialog(ITEM_LOOP, assessment.toDialogState(next));
  }

  private async resultStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as LoopResult | undefined;
    const { assessment, publicBaseUrl } = this.deps;
    const texts = turnTexts(step.context);
    if (!result || result.outcome === 'lost') return step.endDialog();
    if (result.outcome === 'paused') {
      await step.context.sendActivity(texts.t(result.state.kept ? 'assessment:paused' : 'assessment:pausedNotKept'));
      return step.endDialog();
    }
    const session = await assessment.fromDialogState(result.state);
    if (!session) return step.endDialog();
    const { session: completed, profile } = await assessment.complete(session);
    const link = completed.kept ? `${publicBaseUrl}/profile/${await assessment.createProfileLink(completed, turnRecordId(step.context, 'profileLink'))}` : undefined;
    const trainings = assessment.matchingTrainings(profile as AssessmentProfile, await this.country(step), this.languages(texts.lang));
    for (const activity of assessmentSummary({ profile, texts, link, linkValidityDays: assessment.linkValidityDays, trainings })) {
      await step.context.sendActivity(activity);
    }
    return step.endDialog(profile);
  }

  /** The partner country the person gave in an eligibility check, if any (for matching trainings). */
  private async country(step: WaterfallStepContext): Promise<TrainingCountry | undefined> {
    const person = turnPerson(step.context);
    const checks = person.consent.mayKeep ? await this.deps.eligibility.history(person.userKey) : [];
    const country = checks[0]?.answers.country;
    return country && country !== 'OTHER' ? country : undefined;
  }

  /** Languages the person can learn in: their chat language (the catalogue knows all fourteen). */
  private languages(lang: string): InstructionLanguage[] {
    return (INSTRUCTION_LANGUAGES as readonly string[]).includes(lang) ? [lang as InstructionLanguage] : [];
  }
}
