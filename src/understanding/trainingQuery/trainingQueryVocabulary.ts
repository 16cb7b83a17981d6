import { fold } from '../normalize';
import { FILTER_WORD_KEYS, TRAININGS_NAMESPACE, countrySynonymsKey } from '../../domain/trainings/messageKeys';
import { INSTRUCTION_LANGUAGES, TRAINING_COUNTRIES, TRAINING_FORMATS, TRAINING_TOPICS } from '../../domain/trainings/types';
import type { InstructionLanguage, TrainingCountry, TrainingFormat, TrainingTopic } from '../../domain/trainings/types';

/**
 * The words of one language that `parseTrainingQuery` understands. Plain data, taken from the
 * locale files (`trainingQueryVocabulary`), so that a translator adds a word without touching code.
 * Phrases may have several words ("distance learning"); they are compared folded (case, accents,
 * punctuation and digit scripts do not matter).
 */
export interface TrainingQueryVocabulary {
  country: Readonly<Partial<Record<TrainingCountry, readonly string[]>>>;
  format: Readonly<Partial<Record<TrainingFormat, readonly string[]>>>;
  /** Names of languages of instruction ("german", "en allemand"). */
  language: Readonly<Partial<Record<InstructionLanguage, readonly string[]>>>;
  /** What a training teaches, as people say it ("coding", "programmation", "réseaux sociaux"). */
  topic: Readonly<Partial<Record<TrainingTopic, readonly string[]>>>;
  /** Words announcing an EQF level, followed by its number: "level", "eqf", "niveau". */
  eqfMarkers: readonly string[];
  /** Words announcing an earliest start, followed by a month or a year: "from", "à partir de". */
  startFromMarkers: readonly string[];
}

/** Splits a `|`-separated list from a locale file, trimming and dropping empty entries. */
export function splitWordList(text: string): string[] {
  return text
    .split('|')
    .map((word) => word.trim())
    .filter((word) => word.length > 0);
}

/**
 * Fewer letters than this and a country synonym borrowed from the eligibility questions is left
 * out: codes such as "de", "be", "pt" are ordinary words in a sentence ("à partir de mars").
 */
const MIN_BORROWED_LETTERS = 3;

/**
 * Builds the vocabulary of one language from its locale lists. `words(key)` returns the list of a
 * full key (`trainings:filterWords.format.online`, `eligibility:countrySynonyms.PT`), or `[]` when
 * the language lacks it — e.g. `(key) => localizer.has(lang, key) ? localizer.list(lang, key) : []`.
 *
 * Country words are the trainings' own (`trainings:filterWords.country.<CODE>`) followed by the
 * eligibility synonyms of three letters or more (see `MIN_BORROWED_LETTERS`).
 */
export function trainingQueryVocabulary(words: (key: string) => readonly string[]): TrainingQueryVocabulary {
  const own = (key: string): readonly string[] => words(`${TRAININGS_NAMESPACE}:${key}`);
  const borrowed = (country: TrainingCountry): string[] =>
    words(countrySynonymsKey(country)).filter((w) => fold(w).replace(/\s/g, '').length >= MIN_BORROWED_LETTERS);
  return {
    country: Object.fromEntries(
      TRAINING_COUNTRIES.map((c) => [c, [...own(FILTER_WORD_KEYS.country[c]), ...borrowed(c)]])
    ) as Record<TrainingCountry, string[]>,
    format: Object.fromEntries(TRAINING_FORMATS.map((f) => [f, [...own(FILTER_WORD_KEYS.format[f])]])) as Record<
      TrainingFormat,
      string[]
    >,
    language: Object.fromEntries(
      INSTRUCTION_LANGUAGES.map((l) => [l, [...own(FILTER_WORD_KEYS.language[l])]])
    ) as Record<InstructionLanguage, string[]>,
    topic: Object.fromEntries(TRAINING_TOPICS.map((t) => [t, [...own(FILTER_WORD_KEYS.topic[t])]])) as Record<TrainingTopic, string[]>,
    eqfMarkers: [...own(FILTER_WORD_KEYS.eqfMarker)],
    startFromMarkers: [...own(FILTER_WORD_KEYS.startFrom)]
  };
}
