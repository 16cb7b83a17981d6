import type { IsoDate } from '../eligibility';
import { requireIsoDate } from './dates';
import type { Training, TrainingCatalogue, TrainingFilters } from './types';

/**
 * The first start date of `training` on or after `onOrAfter`, or undefined when every start is
 * earlier. ISO dates compare as strings.
 */
export function nextStartDate(training: Training, onOrAfter: IsoDate): IsoDate | undefined {
  let next: IsoDate | undefined;
  for (const date of training.startDates) {
    if (date >= onOrAfter && (next === undefined || date < next)) next = date;
  }
  return next;
}

/**
 * The earliest start a search accepts: `today`, or `startsFrom` when that is later.
 *
 * @throws InvalidDateError when `today` or `startsFrom` is not a valid `YYYY-MM-DD` date.
 */
export function earliestStart(filters: Pick<TrainingFilters, 'startsFrom'>, today: IsoDate): IsoDate {
  requireIsoDate(today);
  if (filters.startsFrom === undefined) return today;
  return requireIsoDate(filters.startsFrom) > today ? filters.startsFrom : today;
}

/** Whether `training` passes every filter except the start date. */
export function matchesFilters(training: Training, filters: TrainingFilters): boolean {
  return (
    (filters.country === undefined || training.country === filters.country) &&
    (filters.language === undefined || training.languages.includes(filters.language)) &&
    (filters.eqf === undefined || training.eqf === filters.eqf) &&
    (filters.format === undefined || training.format === filters.format) &&
    (filters.topic === undefined || training.topics.includes(filters.topic)) &&
    (filters.withSeatsOnly !== true || training.seatsLeft > 0)
  );
}

/** Soonest start first, then id: the same catalogue and filters always give the same order. */
export function byStartThenId(a: { start: IsoDate; id: string }, b: { start: IsoDate; id: string }): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Trainings of `catalogue` that pass every filter of `filters` (AND) and still have a start date
 * on or after `today` (or `filters.startsFrom`, when later). A training whose starts are all past
 * is never returned. Full trainings are returned unless `filters.withSeatsOnly`.
 *
 * Order: the soonest next start first, then by id, so paging is stable.
 * Pure: `today` is a parameter, nothing reads the clock.
 *
 * @throws InvalidDateError when `today` or `filters.startsFrom` is not a valid `YYYY-MM-DD` date.
 */
export function searchTrainings(catalogue: TrainingCatalogue, filters: TrainingFilters, today: IsoDate): Training[] {
  const from = earliestStart(filters, today);
  return catalogue.trainings
    .filter((training) => matchesFilters(training, filters))
    .flatMap((training) => {
      const start = nextStartDate(training, from);
      return start === undefined ? [] : [{ training, start, id: training.id }];
    })
    .sort(byStartThenId)
    .map((hit) => hit.training);
}
