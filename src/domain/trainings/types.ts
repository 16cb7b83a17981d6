/**
 * Training catalogue vocabulary shared by the domain, the content loader and the dialogs.
 * Pure types and constants: nothing here imports a framework. The catalogue itself is data in
 * `content/trainings.json` (validated by `src/content/trainingCatalogue.ts`); every text about a
 * training lives in the `trainings` i18n namespace. See docs/training-catalogue.md.
 */
import type { CountryCode, IsoDate } from '../eligibility';

/** The five partner countries, where trainings take place (`OTHER` never hosts one). */
export const TRAINING_COUNTRIES = ['FR', 'BE', 'RO', 'DE', 'PT'] as const satisfies readonly CountryCode[];
export type TrainingCountry = (typeof TRAINING_COUNTRIES)[number];

/** EQF levels of the DIGI@TER trainings. */
export const EQF_LEVELS = [3, 4] as const;
export type EqfLevel = (typeof EQF_LEVELS)[number];

/** How a training is given. */
export const TRAINING_FORMATS = ['onsite', 'online', 'hybrid'] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];

/** Languages a training may be taught in (ISO 639 codes, the languages Passerelle speaks). */
export const INSTRUCTION_LANGUAGES = ['fr', 'en', 'de', 'nl', 'pt', 'ro', 'ar', 'fa', 'ps', 'ckb', 'so', 'ti', 'tr', 'uk'] as const;
export type InstructionLanguage = (typeof INSTRUCTION_LANGUAGES)[number];

/**
 * What a training teaches, in words people search with ("I want to learn coding"): names and
 * search words are `trainings:topic.<topic>` and `trainings:filterWords.topic.<topic>`.
 */
export const TRAINING_TOPICS = ['programming', 'web', 'design', 'socialMedia', 'office', 'itSupport', 'sales', 'workshop', 'digitalBasics'] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];

/** What taking part costs the person. */
export type TrainingFunding =
  /** Free of charge, no funding file needed. */
  | { kind: 'free' }
  /** Paid by a public funder (region, employment service, programme): free for the person. */
  | { kind: 'funded' }
  /** A fee the person (or a sponsor) pays; `amount` in `currency` (ISO 4217, e.g. `EUR`). */
  | { kind: 'fee'; amount: number; currency: string };

/**
 * One training offered by a partner. Texts are not here: title, summary and funding note are
 * `trainings:training.<id>.title | summary | fundingNote`, prerequisites `trainings:prerequisite.<kind>`.
 */
export interface Training {
  /** Stable id (lower-case words joined by `-`): referrals and i18n keys use it. */
  id: string;
  /** The partner that runs it (e.g. `fr-coordinator`). */
  partnerId: string;
  country: TrainingCountry;
  region: string;
  city: string;
  eqf: EqfLevel;
  /** Languages of instruction, at least one. */
  languages: readonly InstructionLanguage[];
  format: TrainingFormat;
  /** What it teaches (may be empty: then only the other filters find it). */
  topics: readonly TrainingTopic[];
  duration: { weeks: number; hoursPerWeek: number };
  /** Next start dates (`YYYY-MM-DD`), ascending; past ones are ignored by search. */
  startDates: readonly IsoDate[];
  /** Prerequisite kinds (declared in the catalogue's `prerequisites`). */
  prerequisites: readonly string[];
  /** Places still free; 0 = full (shown, but never recommended). */
  seatsLeft: number;
  funding: TrainingFunding;
}

/** The validated training catalogue. */
export interface TrainingCatalogue {
  version: string;
  /** True while the shipped sample data is in use: an administrator must replace it. */
  sample: boolean;
  /** Every prerequisite kind trainings may refer to (texts: `trainings:prerequisite.<kind>`). */
  prerequisites: readonly string[];
  trainings: readonly Training[];
}

/** Search filters; every one is optional and they combine with AND. */
export interface TrainingFilters {
  country?: TrainingCountry;
  /** A language of instruction the training must offer. */
  language?: InstructionLanguage;
  eqf?: EqfLevel;
  format?: TrainingFormat;
  /** A subject the training must teach. */
  topic?: TrainingTopic;
  /**
   * Earliest acceptable start (inclusive). Trainings always need a start on or after `today`;
   * a later `startsFrom` moves that bound forward, an earlier one changes nothing.
   */
  startsFrom?: IsoDate;
  /** Leave out full trainings (`seatsLeft` 0). */
  withSeatsOnly?: boolean;
}

/** The filters a free-text query can express (`parseTrainingQuery`). */
export type TrainingQuery = Pick<TrainingFilters, 'country' | 'language' | 'eqf' | 'format' | 'topic' | 'startsFrom'>;
