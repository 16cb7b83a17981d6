import { randomUUID } from 'node:crypto';
import type { Content } from '../content';
import {
  nextStartDate,
  paginate,
  searchTrainings,
  type Page,
  type Training,
  type TrainingFilters,
} from '../domain';
import type { TrainingInterest, TrainingInterestRepository, TrainingInterestSource, UserKey } from '../storage';
import { calendarDateIn, type Clock } from './clock';

/** The training catalogue: search, pages, details and recorded interest. */
export class TrainingService {
  constructor(
    private readonly content: Content,
    private readonly interests: TrainingInterestRepository,
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

  /** Records that a person is interested (idempotent per person and training). */
  recordInterest(userKey: UserKey, trainingId: string, language: string, source: TrainingInterestSource): Promise<TrainingInterest> {
    return this.interests.record({ id: randomUUID(), userKey, trainingId, language, source, createdAt: this.clock() });
  }
}
