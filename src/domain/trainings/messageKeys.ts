import { EQF_LEVELS, INSTRUCTION_LANGUAGES, TRAINING_COUNTRIES, TRAINING_FORMATS, TRAINING_TOPICS } from './types';
import type { TrainingFunding } from './types';

/** i18next namespace of every key below (`locales/<lang>/trainings.json`). */
export const TRAININGS_NAMESPACE = 'trainings';

/** Texts every training must have: `training.<id>.<field>`. */
export const TRAINING_TEXT_FIELDS = ['title', 'summary', 'fundingNote'] as const;
export type TrainingTextField = (typeof TRAINING_TEXT_FIELDS)[number];

/** `training.<id>.title | summary | fundingNote` (namespace `trainings`). */
export function trainingTextKey(trainingId: string, field: TrainingTextField): string {
  return `training.${trainingId}.${field}`;
}

/** `prerequisite.<kind>` (namespace `trainings`). */
export function prerequisiteKey(kind: string): string {
  return `prerequisite.${kind}`;
}

/** `funding.free | funded | fee`; the `fee` text takes `{{amount}}` and `{{currency}}`. */
export function fundingKey(funding: TrainingFunding): string {
  return `funding.${funding.kind}`;
}

/** Why a training is recommended: keys (namespace `trainings`) and the params each one takes. */
export const TRAINING_REASON_KEYS = ['reason.level', 'reason.country', 'reason.language', 'reason.startsSoon'] as const;
export type TrainingReasonKey = (typeof TRAINING_REASON_KEYS)[number];

/**
 * Word lists that `parseTrainingQuery` understands, as `|`-separated i18n strings (namespace
 * `trainings`), so translators can add words without touching code:
 * `filterWords.country.<CODE>` (country names and towns), `filterWords.format.<format>`,
 * `filterWords.language.<code>`, `filterWords.topic.<topic>` ("coding", "programmation"),
 * `filterWords.eqfMarker` ("level|eqf"), `filterWords.startFrom` ("from|starting").
 */
export const FILTER_WORD_KEYS = {
  country: Object.fromEntries(TRAINING_COUNTRIES.map((c) => [c, `filterWords.country.${c}`])) as Record<
    (typeof TRAINING_COUNTRIES)[number],
    string
  >,
  format: Object.fromEntries(TRAINING_FORMATS.map((f) => [f, `filterWords.format.${f}`])) as Record<
    (typeof TRAINING_FORMATS)[number],
    string
  >,
  language: Object.fromEntries(INSTRUCTION_LANGUAGES.map((l) => [l, `filterWords.language.${l}`])) as Record<
    (typeof INSTRUCTION_LANGUAGES)[number],
    string
  >,
  topic: Object.fromEntries(TRAINING_TOPICS.map((t) => [t, `filterWords.topic.${t}`])) as Record<(typeof TRAINING_TOPICS)[number], string>,
  eqfMarker: 'filterWords.eqfMarker',
  startFrom: 'filterWords.startFrom'
} as const;

/**
 * Country words shared with the eligibility questions (`eligibility:countrySynonyms.<CODE>`),
 * which `trainingQueryVocabulary` adds after the trainings' own words.
 */
export function countrySynonymsKey(country: (typeof TRAINING_COUNTRIES)[number]): string {
  return `eligibility:countrySynonyms.${country}`;
}

/**
 * Every fixed key of the namespace that code may ask for (not the per-training and
 * per-prerequisite keys, which follow the content). Locale files need a text for each.
 */
export const TRAINING_UI_KEYS: readonly string[] = [
  ...TRAINING_REASON_KEYS,
  ...TRAINING_FORMATS.map((f) => `format.${f}`),
  ...TRAINING_TOPICS.map((t) => `topic.${t}`),
  ...EQF_LEVELS.map((level) => `eqf.${level}`),
  ...EQF_LEVELS.map((level) => `eqfExplained.${level}`),
  ...INSTRUCTION_LANGUAGES.map((l) => `languageName.${l}`),
  'funding.free',
  'funding.funded',
  'funding.fee',
  'cityInCountry',
  'duration',
  'hoursPerWeek',
  'seatsLeft',
  'full',
  'nextStart',
  'startsFrom',
  ...Object.values(FILTER_WORD_KEYS.country),
  ...Object.values(FILTER_WORD_KEYS.format),
  ...Object.values(FILTER_WORD_KEYS.language),
  ...Object.values(FILTER_WORD_KEYS.topic),
  FILTER_WORD_KEYS.eqfMarker,
  FILTER_WORD_KEYS.startFrom
];

/**
 * `place.<name>`: a town or region of the catalogue as written in each language ("Köln" →
 * "Cologne", "كولونيا", "Кельн"); every city and region of the catalogue needs one.
 */
export function placeKey(name: string): string {
  return `place.${name}`;
}
