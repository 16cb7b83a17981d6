import type { IsoDate } from '../eligibility';
import { daysBetween, requireIsoDate } from './dates';
import type { TrainingReasonKey } from './messageKeys';
import { byStartThenId, nextStartDate } from './searchTrainings';
import type { EqfLevel, InstructionLanguage, Training, TrainingCatalogue, TrainingCountry } from './types';

/** What an assessment (or an adviser) says about the person. */
export interface RecommendationProfile {
  /** Recommended EQF level. */
  eqf: EqfLevel;
  /** Where the person lives; undefined (e.g. outside the partner countries) = any country. */
  country?: TrainingCountry;
  /** Languages the person can learn in, preferred first; empty = any language. */
  languages: readonly InstructionLanguage[];
}

/** One reason a training is recommended: an i18n key (namespace `trainings`) and its values. */
export interface TrainingReason {
  key: TrainingReasonKey;
  params: Record<string, string | number>;
}

export interface TrainingRecommendation {
  training: Training;
  /** The start date the recommendation is about (the first on or after today). */
  nextStart: IsoDate;
  /** In a fixed order: level, country, language, starts soon. */
  reasons: TrainingReason[];
}

export interface RecommendOptions {
  /** A start at most this many days after today gets `reason.startsSoon`. Default 42 (six weeks). */
  soonWithinDays?: number;
  /** At most this many recommendations (after ordering). Default: all. */
  limit?: number;
}

/** Default window of `reason.startsSoon`, in days. */
export const STARTS_SOON_DAYS = 42;

/**
 * Trainings that fit a profile: at the recommended EQF level, in the person's country (when
 * known), taught in one of their languages (when any is given), with places left and a start
 * date on or after `today`. Each comes with the reasons it fits:
 *
 * - `reason.level` `{ eqf }` — always;
 * - `reason.country` `{ country }` — when the profile has a country;
 * - `reason.language` `{ language }` — the first of the person's languages the training is taught in;
 * - `reason.startsSoon` `{ date, days }` — when the next start is within `soonWithinDays` days.
 *
 * Order: soonest next start first, then id. Nothing is relaxed when no training fits: the caller
 * decides whether to widen the search (e.g. `searchTrainings` without the country).
 *
 * @throws InvalidDateError when `today` is not a valid `YYYY-MM-DD` date.
 */
export function recommendTrainings(
  catalogue: TrainingCatalogue,
  profile: RecommendationProfile,
  today: IsoDate,
  options: RecommendOptions = {}
): TrainingRecommendation[] {
  requireIsoDate(today);
  const soonWithinDays = options.soonWithinDays ?? STARTS_SOON_DAYS;
  const found: TrainingRecommendation[] = [];
  for (const training of catalogue.trainings) {
    if (training.eqf !== profile.eqf || training.seatsLeft <= 0) continue;
    if (profile.country !== undefined && training.country !== profile.country) continue;
    const language = profile.languages.length === 0 ? undefined : profile.languages.find((l) => training.languages.includes(l));
    if (profile.languages.length > 0 && language === undefined) continue;
    const nextStart = nextStartDate(training, today);
    if (nextStart === undefined) continue;

    const reasons: TrainingReason[] = [{ key: 'reason.level', params: { eqf: training.eqf } }];
    if (profile.country !== undefined) reasons.push({ key: 'reason.country', params: { country: training.country } });
    if (language !== undefined) reasons.push({ key: 'reason.language', params: { language } });
    const days = daysBetween(today, nextStart);
    if (days <= soonWithinDays) reasons.push({ key: 'reason.startsSoon', params: { date: nextStart, days } });
    found.push({ training, nextStart, reasons });
  }
  found.sort((a, b) => byStartThenId({ start: a.nextStart, id: a.training.id }, { start: b.nextStart, id: b.training.id }));
  return options.limit === undefined ? found : found.slice(0, Math.max(0, options.limit));
}
