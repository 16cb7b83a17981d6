import type { IsoDate } from '../../domain/eligibility';
import type { TrainingQuery } from '../../domain/trainings/types';
import type { Lexicon } from '../lexicon';
import { parseTrainingQuery } from './parseTrainingQuery';
import { trainingQueryVocabulary, type TrainingQueryVocabulary } from './trainingQueryVocabulary';

/** The word lists of a language, by full locale key (`[]` when the language lacks the key). */
export type WordLists = (lang: string, key: string) => readonly string[];

/**
 * Understands a training search typed in any language ("online in Portugal", "niveau 4 en
 * France"). Each language's vocabulary is built once, on first use, from its word lists.
 */
export class TrainingQueryParser {
  private readonly vocabularies = new Map<string, TrainingQueryVocabulary>();

  constructor(
    private readonly words: WordLists,
    private readonly lexicons: Readonly<Record<string, Lexicon>>
  ) {}

  /** The filters `text` names; `{}` when it names none. `today` reads a month without a year. */
  parse(text: string, lang: string, today: IsoDate): TrainingQuery {
    return parseTrainingQuery(text, lang, this.vocabulary(lang), { today, lexicon: this.lexicons[lang] });
  }

  private vocabulary(lang: string): TrainingQueryVocabulary {
    let vocabulary = this.vocabularies.get(lang);
    if (!vocabulary) {
      vocabulary = trainingQueryVocabulary((key) => this.words(lang, key));
      this.vocabularies.set(lang, vocabulary);
    }
    return vocabulary;
  }
}
