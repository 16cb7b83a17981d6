import { randomUUID } from 'node:crypto';
import type { Content } from '../content';
import type { Localizer } from '../i18n';
import type { Lexicon } from '../understanding';
import {
  nextStartDate,
  paginate,
  parseTrainingQuery,
  searchTrainings,
  trainingQueryVocabulary,
  type Page,
  type Training,
  type TrainingFilters,
  type TrainingQuery,
  type TrainingQueryVocabulary
} from '../domain';
import type { TrainingInterest, TrainingInterestRepository, TrainingInterestSource, UserKey } from '../storage';
import { calendarDateIn, type Clock } from './clock';

/** The training catalogue for the dialogs: search, pages, free-text filters, interest. */
export class TrainingService {
  private readonly vocabularies = new Map<string, TrainingQueryVocabulary>();

  constructor(
    private readonly content: Content,
    private readonly interests: TrainingInterestRepository,
    private readonly localizer: Localizer,
    private readonly lexicons: Record<string, Lexicon>,
    private readonly clock: Clock,
    private readonly timeZone: string
  ) {}

  today(): string {
    return calendarDateIn(this.timeZone, this.clock());
  }

  /** Trainings with a start on or after today (or the filter's date), soonest first. */
  search(filters: TrainingFilters): Training[] {
    return searchTrainings(this.content.trainings, filters, this.today());
  }

  page(results: readonly Training[], page: number): Page<Training> {
    return paginate(results, page);
  }

  byId(id: string): Training | undefined {
    return this.content.trainings.trainings.find((t) => t.id === id);
  }

  nextStart(training: Training): string | undefined {
    return nextStartDate(training, this.today());
  }

  /** Filters understood from free text in `lang` ("online in Portugal", "niveau 4 en France"). */
  parseQuery(text: string, lang: string): TrainingQuery {
    return parseTrainingQuery(text, lang, this.vocabulary(lang), { today: this.today(), lexicon: this.lexicons[lang] });
  }

  /** Records that a person is interested (idempotent per person and training). */
  recordInterest(userKey: UserKey, trainingId: string, language: string, source: TrainingInterestSource): Promise<TrainingInterest> {
    return this.interests.record({ id: randomUUID(), userKey, trainingId, language, source, createdAt: this.clock() });
  }

  private vocabulary(lang: string): TrainingQueryVocabulary {
    let vocabulary = this.vocabularies.get(lang);
    if (!vocabulary) {
      vocabulary = trainingQueryVocabulary((key) => (this.localizer.has(lang, key) ? this.localizer.list(lang, key) : []));
      this.vocabularies.set(lang, vocabulary);
    }
    return vocabulary;
  }
}
