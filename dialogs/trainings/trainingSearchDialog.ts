import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { turnPerson, turnTexts } from '../../src/conversation';
import {
  EQF_LEVELS,
  INSTRUCTION_LANGUAGES,
  TRAINING_COUNTRIES,
  TRAINING_FORMATS,
  TRAINING_TOPICS,
  type AssessmentProfile,
  type TrainingFilters,
  type TrainingQuery
} from '../../src/domain';
import { formatDate, formatList, type Texts } from '../../src/i18n';
import type { AssessmentService } from '../../src/services/assessmentService';
import type { TrainingService } from '../../src/services/trainingService';
import type { TrainingQueryParser } from '../../src/understanding';
import { ask } from '../ask';
import { REFERRAL_DIALOG, TRAINING_SEARCH_DIALOG } from '../dialogIds';
import type { WithFollowUp } from '../followUp';
import type { ReferralOptions } from '../referral/referralOptions';
import { TrainingPresenter } from '../presenters';
import { AskChoicePrompt, type AskSpec, type ChoiceSpec, type PromptDeps } from '../prompts';
import { TrainingQueryPrompt, type QueryAnswer } from './trainingQueryPrompt';

/** The results being browsed: the filters and the page shown. */
interface ResultsState {
  filters: TrainingFilters;
  page: number;
}

interface DetailsState extends ResultsState {
  trainingId: string;
}

/** "What kind of training are you looking for?": a sentence, or a filter button. */
export function trainingQuestion(): AskSpec {
  return {
    key: 'trainings:search.ask',
    retryKey: 'trainings:search.retry',
    choices: (['country', 'language', 'eqf', 'format', 'topic', 'all'] as const).map((f) => ({ value: f, labelKey: `trainings:search.filter.${f}` }))
  };
}

const STEPS = `${TRAINING_SEARCH_DIALOG}.steps`;
const RESULTS = `${TRAINING_SEARCH_DIALOG}.results`;
const DETAILS = `${TRAINING_SEARCH_DIALOG}.details`;
const CHOICE = `${TRAINING_SEARCH_DIALOG}.choice`;
const QUERY = `${TRAINING_SEARCH_DIALOG}.query`;

export interface TrainingSearchDialogDeps extends PromptDeps {
  trainings: TrainingService;
  /** The person's latest skills profile puts the trainings that fit it first. */
  assessment: AssessmentService;
  /** Understands searches typed as sentences. */
  trainingQueries: TrainingQueryParser;
  /** The name of the partner organisation that runs a training, in the language of `texts`. */
  partnerName: (partnerId: string, texts: Texts) => string;
}

/** What the search ends with when the person said "I'm interested": the training, and a referral offer. */
export interface TrainingInterestOutcome extends WithFollowUp {
  interestedIn: string;
}

/**
 * Training search: recommended trainings first when the person has a skills profile, then
 * filters by subject, country (or a town in it), language, level, format and start date — from
 * free text ("online in Portugal", "Lisbon", "I want to learn coding") or buttons, in any order —
 * results three at a time, details, and "I'm interested".
 */
export class TrainingSearchDialog extends ComponentDialog {
  private readonly presenter = new TrainingPresenter();

  constructor(private readonly deps: TrainingSearchDialogDeps) {
    super(TRAINING_SEARCH_DIALOG);
    this.addDialog(new AskChoicePrompt(CHOICE, deps));
    this.addDialog(new TrainingQueryPrompt(QUERY, deps));
    this.addDialog(
      new WaterfallDialog(STEPS, [this.recommendStep.bind(this), this.askQueryStep.bind(this), this.refineStep.bind(this), this.searchStep.bind(this)])
    );
    this.addDialog(new WaterfallDialog(RESULTS, [this.showPageStep.bind(this), this.pageActionStep.bind(this)]));
    this.addDialog(new WaterfallDialog(DETAILS, [this.showDetailsStep.bind(this), this.detailsActionStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  /** After a skills assessment, the trainings that fit it come first, with why. */
  private async recommendStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const person = turnPerson(step.context);
    if (!person.consent.mayKeep) return step.next();
    const { assessment } = this.deps;
    const latest = await assessment.latestCompletedProfile(person.userKey);
    if (!latest) return step.next();
    const recommended = assessment.matchingTrainings(latest as AssessmentProfile, undefined, []);
    if (recommended.length === 0) return step.next();
    const texts = turnTexts(step.context);
    const lines = recommended.map((r) => this.presenter.recommendation(r, texts));
    await step.context.sendActivity([texts.t('trainings:results.recommendedIntro'), ...lines].join('\n\n'));
    return step.next();
  }

  private async askQueryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return ask(step, QUERY, trainingQuestion());
  }

  private async refineStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as QueryAnswer;
    if (answer.kind === 'query') return step.next(answer.query);
    const pick = (key: string, choices: ChoiceSpec[]): Promise<DialogTurnResult> =>
      ask(step, CHOICE, { key, retryKey: 'common:retry.choice', choices });
    (step.values as { filter?: string }).filter = answer.filter;
    switch (answer.filter) {
      case 'all':
        return step.next({});
      case 'topic':
        return pick('trainings:search.askTopic', TRAINING_TOPICS.map((topic) => ({ value: topic, labelKey: `trainings:topic.${topic}` })));
      case 'country':
        return pick('trainings:search.askCountry', TRAINING_COUNTRIES.map((c) => ({ value: c, labelKey: `eligibility:country.${c}` })));
      case 'language':
        return pick('trainings:search.askLanguage', INSTRUCTION_LANGUAGES.map((l) => ({ value: l, labelKey: `trainings:languageName.${l}` })));
      case 'eqf':
        return pick('trainings:search.askEqf', EQF_LEVELS.map((e) => ({ value: String(e), labelKey: `trainings:eqfExplained.${e}` })));
      case 'format':
        return pick('trainings:search.askFormat', TRAINING_FORMATS.map((f) => ({ value: f, labelKey: `trainings:format.${f}` })));
    }
  }

  private async searchStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const filter = (step.values as { filter?: string }).filter;
    let filters: TrainingFilters;
    if (typeof step.result === 'string' && filter) {
      filters = filter === 'eqf' ? { eqf: Number(step.result) as 3 | 4 } : ({ [filter]: step.result } as TrainingFilters);
    } else {
      filters = { ...(step.result as TrainingQuery) };
    }
    const state: ResultsState = { filters, page: 1 };
    return step.replaceDialog(RESULTS, state);
  }

  private async showPageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as ResultsState;
    (step.values as { state?: ResultsState }).state = state;
    const { trainings } = this.deps;
    const texts = turnTexts(step.context);
    const { t } = texts;
    const results = trainings.search(state.filters);
    if (results.length === 0) {
      await step.context.sendActivity(`${t('trainings:search.filtersLine', { filters: this.describeFilters(state.filters, texts) })}\n\n${t('trainings:results.none')}`);
      return step.replaceDialog(STEPS);
    }
    const page = trainings.page(results, state.page);
    const first = (page.page - 1) * page.pageSize + 1;
    const header = [
      t('trainings:search.filtersLine', { filters: this.describeFilters(state.filters, texts) }),
      t('trainings:results.count', { count: page.total }),
      t('trainings:results.page', { from: first, to: first + page.items.length - 1, total: page.total })
    ].join('\n');
    // One card per training; channels without cards get the same as numbered text.
    const cards = page.items.map((training, i) => this.presenter.card(training, texts, trainings.nextStart(training), first + i));
    await step.context.sendActivity({ type: 'message', text: header, attachments: cards, attachmentLayout: 'list' });
    const choices: ChoiceSpec[] = [
      ...page.items.map((training) => ({ value: `training:${training.id}`, labelKey: `trainings:training.${training.id}.title` })),
      ...(page.hasNext ? [{ value: 'more', labelKey: 'trainings:results.more', synonymsKey: 'trainings:results.moreWords' }] : []),
      { value: 'newSearch', labelKey: 'trainings:results.newSearch', synonymsKey: 'trainings:results.newSearchWords' }
    ];
    return ask(step, CHOICE, { key: 'trainings:results.pick', retryKey: 'trainings:results.retry', choices });
  }

  private async pageActionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = (step.values as { state: ResultsState }).state;
    const choice = step.result as string;
    if (choice === 'more') return step.replaceDialog(RESULTS, { ...state, page: state.page + 1 } satisfies ResultsState);
    if (choice === 'newSearch') return step.replaceDialog(STEPS);
    const details: DetailsState = { ...state, trainingId: choice.slice('training:'.length) };
    return step.replaceDialog(DETAILS, details);
  }

  private async showDetailsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as DetailsState;
    (step.values as { state?: DetailsState }).state = state;
    const { trainings } = this.deps;
    const training = trainings.byId(state.trainingId);
    if (!training) return step.replaceDialog(RESULTS, state);
    const texts = turnTexts(step.context);
    await step.context.sendActivity(this.presenter.details(training, texts, trainings.nextStart(training), this.deps.partnerName(training.partnerId, texts)));
    return ask(step, CHOICE, {
      key: 'trainings:results.pickAfterDetails',
      retryKey: 'trainings:results.retry',
      choices: [
        { value: 'interested', labelKey: 'trainings:results.interestedThis', synonymsKey: 'trainings:results.interestedWords' },
        { value: 'back', labelKey: 'trainings:results.backToList', synonymsKey: 'assessment:backWords' },
        { value: 'newSearch', labelKey: 'trainings:results.newSearch', synonymsKey: 'trainings:results.newSearchWords' }
      ]
    });
  }

  private async detailsActionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = (step.values as { state: DetailsState }).state;
    const choice = step.result as string;
    if (choice === 'back') return step.replaceDialog(RESULTS, { filters: state.filters, page: state.page } satisfies ResultsState);
    if (choice === 'newSearch') return step.replaceDialog(STEPS);
    const { trainings } = this.deps;
    const texts = turnTexts(step.context);
    const training = trainings.byId(state.trainingId);
    if (!training) return step.endDialog();
    const person = turnPerson(step.context);
    if (person.consent.mayKeep) {
      await trainings.recordInterest(person.userKey, training.id, texts.lang, 'search');
      await step.context.sendActivity(texts.t('trainings:interest.recorded', { title: this.presenter.title(training, texts) }));
    } else {
      await step.context.sendActivity(texts.t('trainings:interest.notKept'));
    }
    const options: ReferralOptions = { source: 'training', programme: 'digiter', trainingId: training.id };
    const partnerName = this.deps.partnerName(training.partnerId, texts);
    const outcome: TrainingInterestOutcome = {
      interestedIn: training.id,
      followUp: { offerKey: 'referral:offer.afterInterest', offerParams: { partner: partnerName }, dialogId: REFERRAL_DIALOG, options }
    };
    return step.endDialog(outcome);
  }

  /** "programming, Portugal, Online" — the filters in words, or "all trainings". */
  private describeFilters(filters: TrainingFilters, texts: Texts): string {
    const { t } = texts;
    const parts: string[] = [];
    if (filters.topic) parts.push(t(`trainings:topic.${filters.topic}`));
    if (filters.country) parts.push(t(`eligibility:country.${filters.country}`));
    if (filters.language) parts.push(t(`trainings:languageName.${filters.language}`));
    if (filters.eqf) parts.push(t(`trainings:eqf.${filters.eqf}`));
    if (filters.format) parts.push(t(`trainings:format.${filters.format}`));
    if (filters.startsFrom) parts.push(t('trainings:startsFrom', { date: formatDate(filters.startsFrom, texts.lang) }));
    return parts.length > 0 ? formatList(parts, texts.lang, 'unit') : t('trainings:search.noFilter');
  }
}
